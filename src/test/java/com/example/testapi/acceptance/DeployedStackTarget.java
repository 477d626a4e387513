package com.example.testapi.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.example.testapi.acceptance.fidelity.ProbeTarget;
import com.example.testapi.acceptance.fidelity.SavedKeys;
import com.example.testapi.support.TotpCodes;
import com.example.testapi.client.CallerCredentials;
import com.example.testapi.client.CognitoClients;
import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.client.TestApiClient;
import com.example.testapi.support.SignedHttp;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * A deployed stack as acceptance target: reads its Outputs, creates a FullAccess, a ReadOnlyAccess and an Admins user with random
 * strong passwords (admin API, so the caller's AWS credentials need cognito-idp admin rights on the pool), signs both
 * in through the consumer client, and deletes them on close, whatever happened.
 */
final class DeployedStackTarget implements AcceptanceTarget, ProbeTarget {

    /**
     * What the fidelity probes need beside the Outputs: an origin the API allows, the hosted UI and a callback URL it
     * registers (null: none), and where expired credentials come from.
     */
    record ProbeSettings(String allowedOrigin, URI hostedUi, String callbackUrl,
            Supplier<Optional<AwsSessionCredentialsIdentity>> expiredKeys) {
    }

    private final StackOutputs stack;
    private final CognitoIdentityProviderClient userPool;
    private final CognitoIdentityClient identityPool;
    private final List<String> createdUsers = new ArrayList<>();
    private final Map<String, TestApiClient> clients = new HashMap<>();
    private final Map<String, String> usernames = new HashMap<>();
    private final Map<String, CallerCredentials> credentials = new HashMap<>();
    private boolean ownsClients;
    private Runnable afterClose = () -> { };
    private ProbeSettings probe = new ProbeSettings("http://localhost:8080", null, null, Optional::empty);

    DeployedStackTarget(StackOutputs stack, CognitoIdentityProviderClient userPool, CognitoIdentityClient identityPool) {
        this.stack = stack;
        this.userPool = userPool;
        this.identityPool = identityPool;
    }

    /** The stack {@code name} in {@code region}, with the AWS credentials of the environment. */
    static DeployedStackTarget open(String name, String region) {
        Region awsRegion = Region.of(region);
        Map<String, String> outputs = new HashMap<>();
        Map<String, String> parameters = new HashMap<>();
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(awsRegion)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            Stack described = cloudFormation.describeStacks(r -> r.stackName(name)).stacks().get(0);
            described.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
            described.parameters().forEach(p -> parameters.put(p.parameterKey(), p.parameterValue()));
        }
        StackOutputs stack = StackOutputs.fromMap(outputs);
        String expired = System.getProperty("fidelity.expired-keys");
        return new DeployedStackTarget(stack, CognitoClients.userPool(stack), CognitoClients.identityPool(stack))
                .owningClients().withProbe(new ProbeSettings(first(parameters.get("AllowedOrigins")),
                        outputs.get("HostedUiUrl") == null || outputs.get("HostedUiUrl").isBlank() ? null
                                : URI.create(outputs.get("HostedUiUrl")), first(parameters.get("CallbackUrls")),
                        () -> expired == null ? Optional.empty() : Optional.of(SavedKeys.read(Path.of(expired)))))
                .withUsers();
    }

    /**
     * The local cloud as a deployed stack, from the describe-stacks file it writes. The administrator signs with the
     * local account's one administrator key ({@code local}/{@code local}, docs/).
     */
    static DeployedStackTarget local(Path describeStacks) throws IOException {
        StackOutputs stack = StackOutputs.fromDescribeStacks(describeStacks);
        return new DeployedStackTarget(stack, CognitoClients.userPool(stack, AwsBasicCredentials.create("local",
                "local")), CognitoClients.identityPool(stack)).owningClients().withUsers();
    }

    private static String first(String commaList) {
        return commaList == null || commaList.isBlank() ? null : commaList.split(",")[0].strip();
    }

    /** What to do once the target has closed (e.g. stop the local cloud it runs against). */
    DeployedStackTarget thenClose(Runnable action) {
        this.afterClose = action;
        return this;
    }

    DeployedStackTarget withProbe(ProbeSettings settings) {
        this.probe = settings;
        return this;
    }

    private DeployedStackTarget owningClients() {
        ownsClients = true;
        return this;
    }

    /** Creates and signs in one user per group; on any failure, removes what it created. */
    DeployedStackTarget withUsers() {
        try {
            clients.put("FullAccess", signedInMemberOf("FullAccess"));
            clients.put("ReadOnlyAccess", signedInMemberOf("ReadOnlyAccess"));
            clients.put("Admins", signedInMemberOf("Admins"));
            return this;
        } catch (RuntimeException e) {
            deleteUsers();
            throw e;
        }
    }

    @Override
    public String[] newUser(String group) {
        return newUser(group, group);
    }

    /** A user named after {@code kind}, in {@code group} (null: none yet). */
    private String[] newUser(String kind, String group) {
        String username = "acceptance-" + kind.toLowerCase() + "-" + UUID.randomUUID();
        String password = strongPassword();
        userPool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username(username).messageAction("SUPPRESS"));
        createdUsers.add(username);
        userPool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username(username).password(password)
                .permanent(true));
        if (group != null) {
            userPool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username(username).groupName(group));
        }
        return new String[] { username, password };
    }

    private TestApiClient signedInMemberOf(String group) {
        // An administrator in docs/mfa.md's order: TOTP set up first (a member without it would leave Admins), then
        // into Admins, then a sign-in with the next step's code. Under MfaConfiguration ON every user meets MFA_SETUP
        // at sign-in instead, answered as the CLI does it, with a code computed here.
        boolean admin = group.equals("Admins");
        String[] user = newUser(group, admin ? null : group);
        String secret = admin ? TotpSetUp.secret(stack, userPool, identityPool, user[0], user[1]) : null;
        if (admin) {
            userPool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username(user[0]).groupName(group));
        }
        CognitoCredentials signedIn = new CognitoCredentials(stack, userPool, identityPool, Clock.systemUTC())
                .signIn(user[0], user[1], secret == null ? null
                        : () -> TotpCodes.at(secret, java.time.Instant.now().plusSeconds(30)),
                        (shown, otpauthUri) -> TotpCodes.at(shown, java.time.Instant.now()));
        signedIn.current(); // fail here, with the Cognito error, if the identity pool refuses the user
        credentials.put(group, signedIn);
        usernames.put(group, user[0]);
        return new TestApiClient(stack.apiUrl(), stack.region(), signedIn);
    }

    List<String> createdUsers() {
        return List.copyOf(createdUsers);
    }

    @Override
    public TestApiClient fullAccess() {
        return clients.get("FullAccess");
    }

    @Override
    public TestApiClient readOnly() {
        return clients.get("ReadOnlyAccess");
    }

    @Override
    public TestApiClient admin() {
        return clients.get("Admins");
    }

    @Override
    public String usernameOf(String group) {
        return usernames.get(group);
    }

    @Override
    public CognitoIdentityProviderClient userPoolAs(String group) {
        AwsSessionCredentialsIdentity keys = keys(group);
        return CognitoClients.userPool(stack, AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(),
                keys.sessionToken()));
    }

    @Override
    public String userPoolId() {
        return stack.userPoolId();
    }

    @Override
    public TestApiClient unsigned() {
        return new TestApiClient(stack.apiUrl(), stack.region(), null);
    }

    @Override
    public HttpResponse<String> getAsFullAccess(String pathAndQuery) {
        URI uri = URI.create(stack.apiUrl().toString().replaceAll("/+$", "") + pathAndQuery);
        // The identity pool hands out session credentials only.
        AwsSessionCredentialsIdentity keys = keys("FullAccess");
        return SignedHttp.send(SignedHttp.sign(SignedHttp.Signing.of(keys.accessKeyId(), keys.secretAccessKey(),
                keys.sessionToken(), stack.region()), "GET", uri, Map.of(), null));
    }

    @Override
    public StackOutputs stack() {
        return stack;
    }

    @Override
    public CognitoIdentityProviderClient userPool() {
        return userPool;
    }

    @Override
    public CognitoIdentityClient identityPool() {
        return identityPool;
    }

    @Override
    public String allowedOrigin() {
        return probe.allowedOrigin();
    }

    @Override
    public AwsSessionCredentialsIdentity keys(String group) {
        return (AwsSessionCredentialsIdentity) credentials.get(group).current();
    }

    @Override
    public Optional<AwsSessionCredentialsIdentity> expiredKeys() {
        return probe.expiredKeys().get();
    }

    @Override
    public Optional<URI> hostedUi() {
        return Optional.ofNullable(probe.hostedUi());
    }

    @Override
    public Optional<String> callbackUrl() {
        return Optional.ofNullable(probe.callbackUrl());
    }

    @Override
    public void close() {
        try {
            deleteUsers();
        } finally {
            if (ownsClients) {
                userPool.close();
                identityPool.close();
            }
            afterClose.run();
        }
    }

    private void deleteUsers() {
        for (String username : createdUsers) {
            try {
                userPool.adminDeleteUser(r -> r.userPoolId(stack.userPoolId()).username(username));
            } catch (UserNotFoundException e) {
                // a probe deleted it already
            } catch (RuntimeException e) {
                System.err.println("could not delete acceptance user " + username + ": " + e.getMessage());
            }
        }
        createdUsers.clear();
    }

    /** 24 random characters from each class the pool's policy asks for (upper, lower, digit, symbol). */
    static String strongPassword() {
        SecureRandom random = new SecureRandom();
        String[] classes = { "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-=?@^_" };
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String pool = classes[i % classes.length];
            password.append(pool.charAt(random.nextInt(pool.length())));
        }
        return password.toString();
    }
}
