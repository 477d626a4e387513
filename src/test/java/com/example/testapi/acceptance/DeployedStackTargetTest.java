package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.client.CognitoClients;
import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestClock;
import com.example.testapi.support.TestCloud;

import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The deployed-stack target's Cognito path (admin API, sign-in, identity-pool exchange, clean-up) against the local
 * cloud's user pool and identity pool, with the AWS SDK as against AWS.
 */
class DeployedStackTargetTest {

    @TempDir
    Path dir;
    private TestCloud cloud;
    private StackOutputs stack;
    private CognitoIdentityProviderClient userPool;
    private CognitoIdentityClient identityPool;

    private void start(Path template) throws IOException {
        cloud = TestCloud.start(template, TestCloud.NO_FUNCTION, new LocalUsers(List.of()));
        Path file = dir.resolve("stack.json");
        cloud.cloud.writeDescribeStacks(file);
        stack = StackOutputs.fromDescribeStacks(file);
        userPool = CognitoSdk.userPool(cloud.cloud);
        identityPool = CognitoClients.identityPool(stack);
    }

    @AfterEach
    void stop() {
        if (cloud != null) {
            userPool.close();
            identityPool.close();
            cloud.close();
        }
    }

    @Test
    void createsSignsInAndRemovesOneUserPerGroup() throws IOException {
        start(Path.of("template.yaml"));
        DeployedStackTarget target = new DeployedStackTarget(stack, userPool, identityPool).withUsers();
        List<String> users = target.createdUsers();
        assertEquals(3, users.size());
        assertEquals(List.of("FullAccess"), groupsOf(users.get(0)));
        assertEquals(List.of("ReadOnlyAccess"), groupsOf(users.get(1)));
        assertEquals(List.of("Admins"), groupsOf(users.get(2)));

        target.close();
        users.forEach(user -> assertThrows(UserNotFoundException.class,
                () -> userPool.adminGetUser(r -> r.userPoolId(stack.userPoolId()).username(user))));
    }

    /** On a pool with MfaConfiguration ON every user meets MFA_SETUP; the target answers it, and the rights follow. */
    @Test
    void signsInEveryGroupOnAPoolThatRequiresMfa() throws IOException {
        start(TemplateCopy.of(dir, t -> ((Map<String, Object>) ((Map<String, Object>) t.get("Parameters"))
                .get("MfaConfiguration")).put("Default", "ON")));
        try (DeployedStackTarget target = new DeployedStackTarget(stack, userPool, identityPool).withUsers()) {
            for (String group : List.of("FullAccess", "ReadOnlyAccess", "Admins")) {
                assertTrue(cloud.cloud.credentials().byAccessKey(target.keys(group).accessKeyId()).orElseThrow()
                        .roleName().endsWith(group.equals("Admins") ? "TestApiAdmin" : group.equals("FullAccess")
                                ? "TestApiFullAccess" : "TestApiReadAccess"), group);
                assertTrue(userPool.adminGetUser(r -> r.userPoolId(stack.userPoolId())
                        .username(target.usernameOf(group))).userMFASettingList().contains("SOFTWARE_TOKEN_MFA"),
                        group + " set TOTP up");
            }
        }
    }

    @Test
    void aRefusedExchangeStillRemovesTheUsersItMade() throws IOException {
        // The read role trusts another identity pool: the exchange for the ReadOnlyAccess user fails, as in AWS.
        start(TemplateCopy.of(dir, t -> trustCondition(t, "TestApiReadAccess").put("cognito-identity.amazonaws.com:aud",
                "us-east-1:00000000-0000-0000-0000-000000000000")));
        assertThrows(InvalidIdentityPoolConfigurationException.class,
                () -> new DeployedStackTarget(stack, userPool, identityPool).withUsers());
        assertTrue(userPool.listUsers(r -> r.userPoolId(stack.userPoolId())).users().isEmpty(), "no user left behind");
    }

    @Test
    void credentialsAreRenewedBeforeTheyExpireAndTheIdTokenByRefresh() throws IOException {
        start(Path.of("template.yaml"));
        String password = DeployedStackTarget.strongPassword();
        userPool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username("erin").messageAction("SUPPRESS"));
        userPool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username("erin").password(password)
                .permanent(true));
        userPool.adminAddUserToGroup(r -> r.userPoolId(stack.userPoolId()).username("erin").groupName("FullAccess"));
        TestClock clientClock = new TestClock();
        CognitoCredentials credentials = new CognitoCredentials(stack, userPool, identityPool, clientClock)
                .signIn("erin", password);

        AwsSessionCredentialsIdentity first = (AwsSessionCredentialsIdentity) credentials.current();
        assertEquals(first, credentials.current(), "cached while valid");
        String identity = credentials.identityId();
        // Within 5 minutes of the hour, on both sides: the ID token is refreshed (REFRESH_TOKEN_AUTH), then exchanged.
        // Had it not been refreshed, the identity pool would refuse the expired one on the second round.
        for (int round = 1; round <= 2; round++) {
            clientClock.advance(Duration.ofMinutes(56));
            cloud.clock.advance(Duration.ofMinutes(56));
            AwsSessionCredentialsIdentity renewed = (AwsSessionCredentialsIdentity) credentials.current();
            assertNotEquals(first.accessKeyId(), renewed.accessKeyId(), "round " + round);
            first = renewed;
        }
        assertEquals(identity, credentials.identityId(), "one identity throughout");

        assertEquals(1, cloud.cloud.userPool().activeSignIns("erin"));
        credentials.signOut();
        assertEquals(0, cloud.cloud.userPool().activeSignIns("erin"), "the refresh token is revoked");
        assertThrows(IllegalStateException.class, credentials::current, "signed out: sign in first");
    }

    @Test
    void stackOutputsReadTheAwsCliAnswer(@TempDir Path files) throws Exception {
        Path file = files.resolve("outputs.json");
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
        assertEquals(null, outputs.cognitoIdpEndpoint(), "AWS: the SDK's own endpoints");
        assertThrows(IllegalArgumentException.class, () -> StackOutputs.fromMap(Map.of("ApiUrl", "https://x")));
    }

    @Test
    void theLocalCloudsOutputsNameItsEndpoints() throws IOException {
        start(Path.of("template.yaml"));
        assertEquals(cloud.cloud.userPool().endpoint(), stack.cognitoIdpEndpoint());
        assertEquals(cloud.cloud.identityPool().endpoint(), stack.cognitoIdentityEndpoint());
        assertEquals(cloud.api("/"), stack.apiUrl().resolve("/"));
        assertTrue(stack.userPoolId().startsWith("us-east-1_"), stack::userPoolId);
    }

    private List<String> groupsOf(String user) {
        return userPool.adminListGroupsForUser(r -> r.userPoolId(stack.userPoolId()).username(user)).groups().stream()
                .map(g -> g.groupName()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> trustCondition(Map<String, Object> template, String role) {
        Map<String, Object> document = SamTemplate.map(new SamTemplate(template).properties(role),
                "AssumeRolePolicyDocument");
        Map<String, Object> statement = (Map<String, Object>) SamTemplate.list(document.get("Statement")).get(0);
        return SamTemplate.map(SamTemplate.map(statement, "Condition"), "StringEquals");
    }
}
