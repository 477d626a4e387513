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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
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
        String username = "acceptance-" + group.toLowerCase() + "-" + UUID.randomUUID();
        String password = strongPassword();
        userPool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username(username).messageAction("SUPPRESS"));
        createdUsers.add(username);
        userPool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username(username).password(password)
                .permanent(true));
        userPool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username(username).groupName(group));
        return new String[] { username, password };
    }

    private TestApiClient signedInMemberOf(String group) {
        String[] user = newUser(group);
        // An administrator's rights come with TOTP only (docs/mfa.md): theirs is set up first, then the sign-in
        // answers the code prompt with the next step's code (the set-up spent this one). On a pool with
        // MfaConfiguration ON every user meets MFA_SETUP at the sign-in instead, answered as the CLI does it, with a
        // code this test computes from the secret shown.
        String secret = group.equals("Admins") ? setUpTotp(user[0], user[1]) : null;
        CognitoCredentials signedIn = new CognitoCredentials(stack, userPool, identityPool, Clock.systemUTC())
                .signIn(user[0], user[1], secret == null ? null
                        : () -> TotpCodes.at(secret, java.time.Instant.now().plusSeconds(30)),
                        (shown, otpauthUri) -> TotpCodes.at(shown, java.time.Instant.now()));
        signedIn.current(); // fail here, with the Cognito error, if the identity pool refuses the user
        credentials.put(group, signedIn);
        usernames.put(group, user[0]);
        return new TestApiClient(stack.apiUrl(), stack.region(), signedIn);
    }

    /**
     * The user's TOTP set up and on, with their own access token, as the app does it: the secret. Null on a pool
     * that asks for the set-up at sign-in (MFA_SETUP, MfaConfiguration ON): the sign-in sets it up then.
     */
    private String setUpTotp(String username, String password) {
        var signIn = userPool.initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", username,
                        "PASSWORD", password)));
        if (signIn.authenticationResult() == null && "MFA_SETUP".equals(signIn.challengeNameAsString())) {
            return null;
        }
        String access = signIn.authenticationResult().accessToken();
        String secret = userPool.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        userPool.verifySoftwareToken(r -> r.accessToken(access).userCode(TotpCodes.at(secret,
                java.time.Instant.now())));
        userPool.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
        return secret;
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
