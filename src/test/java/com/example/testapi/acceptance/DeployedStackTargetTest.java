package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.Moto;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The deployed-stack target's road up to the network, without AWS: users, groups and sign-in against moto's user
 * pool, the identity-pool exchange against a stub, and the clean-up.
 */
class DeployedStackTargetTest {

    private CognitoIdentityProviderClient userPool;
    private CognitoIdentityClient identityPool;
    private StubIdentityPool stub;
    private StackOutputs stack;

    @BeforeEach
    void pool() throws Exception {
        Moto.endpoint();
        userPool = CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        stub = new StubIdentityPool();
        identityPool = CognitoIdentityClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).build();
        String poolId = userPool.createUserPool(r -> r.poolName("acceptance-" + System.nanoTime())).userPool().id();
        String clientId = userPool.createUserPoolClient(r -> r.userPoolId(poolId).clientName("client")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        for (String group : List.of("FullAccess", "ReadOnlyAccess")) {
            userPool.createGroup(r -> r.userPoolId(poolId).groupName(group));
        }
        stack = new StackOutputs(URI.create("http://127.0.0.1:9"), "us-east-1", poolId, clientId, "us-east-1:stub-pool");
    }

    @AfterEach
    void stop() {
        stub.close();
        userPool.close();
        identityPool.close();
    }

    @Test
    void createsSignsInAndRemovesOneUserPerGroup() {
        DeployedStackTarget target = new DeployedStackTarget(stack, userPool, identityPool).withUsers();
        List<String> users = target.createdUsers();
        assertEquals(2, users.size());
        assertEquals(List.of("FullAccess"), groupsOf(users.get(0)));
        assertEquals(List.of("ReadOnlyAccess"), groupsOf(users.get(1)));

        List<StubIdentityPool.Call> calls = stub.calls();
        assertEquals(List.of("GetId", "GetCredentialsForIdentity", "GetId", "GetCredentialsForIdentity"),
                calls.stream().map(StubIdentityPool.Call::operation).toList());
        for (int i = 0; i < calls.size(); i++) {
            JsonNode logins = calls.get(i).request().get("Logins");
            assertEquals(List.of(stack.loginsProvider()), List.copyOf(iterable(logins)));
            JsonNode claims = StubIdentityPool.claims(logins.get(stack.loginsProvider()).asText());
            assertEquals(i < 2 ? "FullAccess" : "ReadOnlyAccess", claims.path("cognito:groups").path(0).asText(),
                    "the ID token the pool issued names the user's group");
        }
        assertEquals("us-east-1:stub-pool", calls.get(0).request().get("IdentityPoolId").asText());

        target.close();
        users.forEach(user -> assertThrows(UserNotFoundException.class,
                () -> userPool.adminGetUser(r -> r.userPoolId(stack.userPoolId()).username(user))));
    }

    @Test
    void aRefusedExchangeStillRemovesTheUsersItMade() {
        stub.refuseCredentials = true;
        assertThrows(RuntimeException.class, () -> new DeployedStackTarget(stack, userPool, identityPool).withUsers());
        assertTrue(userPool.listUsers(r -> r.userPoolId(stack.userPoolId())).users().isEmpty(), "no user left behind");
    }

    @Test
    void credentialsAreRenewedBeforeTheyExpire() {
        String password = DeployedStackTarget.strongPassword();
        userPool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username("carol").messageAction("SUPPRESS"));
        userPool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username("carol").password(password)
                .permanent(true));
        MutableClock clock = new MutableClock(Instant.now());
        CognitoCredentials credentials = new CognitoCredentials(stack, userPool, identityPool, clock).signIn("carol",
                password);

        AwsSessionCredentialsIdentity first = (AwsSessionCredentialsIdentity) credentials.current();
        assertEquals(first, credentials.current(), "cached while valid");
        clock.now = clock.now.plus(Duration.ofMinutes(56)); // within 5 minutes of the 1 h expiry
        AwsSessionCredentialsIdentity renewed = (AwsSessionCredentialsIdentity) credentials.current();

        assertNotEquals(first.accessKeyId(), renewed.accessKeyId());
        assertEquals(1, stub.calls().stream().filter(c -> c.operation().equals("GetId")).count(), "one identity");
    }

    @Test
    void stackOutputsReadTheAwsCliAnswer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outputs.json");
        Files.writeString(file, """
                {"Stacks": [{"StackName": "demo", "Outputs": [
                  {"OutputKey": "ApiUrl", "OutputValue": "https://abc.execute-api.eu-central-1.amazonaws.com"},
                  {"OutputKey": "Region", "OutputValue": "eu-central-1"},
                  {"OutputKey": "UserPoolId", "OutputValue": "eu-central-1_Pool"},
                  {"OutputKey": "UserPoolClientId", "OutputValue": "client123"},
                  {"OutputKey": "IdentityPoolId", "OutputValue": "eu-central-1:pool-id"}]}]}""");

        StackOutputs outputs = StackOutputs.fromDescribeStacks(file);
        assertEquals("eu-central-1", outputs.region());
        assertEquals("cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool", outputs.loginsProvider());
        assertThrows(IllegalArgumentException.class, () -> StackOutputs.fromMap(Map.of("ApiUrl", "https://x")));
    }

    private List<String> groupsOf(String user) {
        return userPool.adminListGroupsForUser(r -> r.userPoolId(stack.userPoolId()).username(user)).groups().stream()
                .map(g -> g.groupName()).toList();
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
