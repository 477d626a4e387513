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
import java.util.UUID;

import com.example.testapi.client.CallerCredentials;
import com.example.testapi.client.CognitoClients;
import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.client.TestApiClient;
import com.example.testapi.support.SignedHttp;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A deployed stack as acceptance target: reads its Outputs, creates a FullAccess and a ReadOnlyAccess user with random
 * strong passwords (admin API, so the caller's AWS credentials need cognito-idp admin rights on the pool), signs both
 * in through the consumer client, and deletes them on close, whatever happened.
 */
final class DeployedStackTarget implements AcceptanceTarget {

    private final StackOutputs stack;
    private final CognitoIdentityProviderClient userPool;
    private final CognitoIdentityClient identityPool;
    private final List<String> createdUsers = new ArrayList<>();
    private final Map<String, TestApiClient> clients = new HashMap<>();
    private final Map<String, CallerCredentials> credentials = new HashMap<>();
    private boolean ownsClients;

    DeployedStackTarget(StackOutputs stack, CognitoIdentityProviderClient userPool, CognitoIdentityClient identityPool) {
        this.stack = stack;
        this.userPool = userPool;
        this.identityPool = identityPool;
    }

    /** The stack {@code name} in {@code region}, with the AWS credentials of the environment. */
    static DeployedStackTarget open(String name, String region) {
        Region awsRegion = Region.of(region);
        Map<String, String> outputs = new HashMap<>();
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(awsRegion)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            cloudFormation.describeStacks(r -> r.stackName(name)).stacks().get(0).outputs()
                    .forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        }
        StackOutputs stack = StackOutputs.fromMap(outputs);
        return new DeployedStackTarget(stack, CognitoClients.userPool(stack), CognitoClients.identityPool(stack))
                .owningClients().withUsers();
    }

    /**
     * The local cloud as a deployed stack, from the describe-stacks file it writes. Its admin API takes any
     * well-formed signature, so the administrator signs with placeholder keys.
     */
    static DeployedStackTarget local(Path describeStacks) throws IOException {
        StackOutputs stack = StackOutputs.fromDescribeStacks(describeStacks);
        CognitoIdentityProviderClient admin = CognitoIdentityProviderClient.builder()
                .region(Region.of(stack.region())).endpointOverride(stack.cognitoIdpEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        return new DeployedStackTarget(stack, admin, CognitoClients.identityPool(stack)).owningClients().withUsers();
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
            return this;
        } catch (RuntimeException e) {
            deleteUsers();
            throw e;
        }
    }

    private TestApiClient signedInMemberOf(String group) {
        String username = "acceptance-" + group.toLowerCase() + "-" + UUID.randomUUID();
        String password = strongPassword();
        userPool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username(username).messageAction("SUPPRESS"));
        createdUsers.add(username);
        userPool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username(username).password(password)
                .permanent(true));
        userPool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username(username).groupName(group));
        CognitoCredentials signedIn = new CognitoCredentials(stack, userPool, identityPool, Clock.systemUTC())
                .signIn(username, password);
        signedIn.current(); // fail here, with the Cognito error, if the identity pool refuses the user
        credentials.put(group, signedIn);
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
    public TestApiClient unsigned() {
        return new TestApiClient(stack.apiUrl(), stack.region(), null);
    }

    @Override
    public HttpResponse<String> getAsFullAccess(String pathAndQuery) {
        URI uri = URI.create(stack.apiUrl().toString().replaceAll("/+$", "") + pathAndQuery);
        // The identity pool hands out session credentials only.
        AwsSessionCredentialsIdentity keys = (AwsSessionCredentialsIdentity) credentials.get("FullAccess").current();
        return SignedHttp.send(SignedHttp.sign(SignedHttp.Signing.of(keys.accessKeyId(), keys.secretAccessKey(),
                keys.sessionToken(), stack.region()), "GET", uri, Map.of(), null));
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
        }
    }

    private void deleteUsers() {
        for (String username : createdUsers) {
            try {
                userPool.adminDeleteUser(r -> r.userPoolId(stack.userPoolId()).username(username));
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
