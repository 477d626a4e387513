package com.example.testapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;

import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The client's session against the local cloud's Cognito, on what AWS does not document: which token ExpiresIn
 * describes, and which error a refresh for a deleted or disabled user gets. The client relies on neither: the ID
 * token's lifetime is its exp, and every refused renewal is {@link SessionEnded}.
 */
class CognitoCredentialsTest {

    @TempDir
    Path dir;
    private TestCloud cloud;
    private StackOutputs stack;
    private CognitoIdentityProviderClient admin;
    private CognitoIdentityClient identityPool;

    /** ID tokens of 5 minutes, access tokens (and so ExpiresIn) of 60. */
    @BeforeEach
    void start() throws IOException {
        Path template = TemplateCopy.withIdTokenMinutes(dir, 5);
        cloud = TestCloud.start(template, TestCloud.NO_FUNCTION, new LocalUsers(List.of(
                new LocalUsers.User("erin", "Erin-Local-Passw0rd!", List.of("FullAccess")))));
        Path file = dir.resolve("stack.json");
        cloud.cloud.writeDescribeStacks(file);
        stack = StackOutputs.fromDescribeStacks(file);
        admin = CognitoSdk.userPool(cloud.cloud);
        identityPool = CognitoClients.identityPool(stack);
    }

    @AfterEach
    void stop() {
        admin.close();
        identityPool.close();
        cloud.close();
    }

    private CognitoCredentials signedIn() {
        return new CognitoCredentials(stack, CognitoClients.userPool(stack), identityPool, cloud.clock)
                .signIn("erin", "Erin-Local-Passw0rd!");
    }

    private long refreshes() {
        synchronized (cloud.log) {
            return cloud.log.stream().filter(line -> line.endsWith(".InitiateAuth -> 200")).count();
        }
    }

    @Test
    void theIdTokensLifetimeIsItsExpNotExpiresIn() {
        CognitoCredentials credentials = signedIn();
        AwsSessionCredentialsIdentity first = (AwsSessionCredentialsIdentity) credentials.current();
        long before = refreshes();
        assertTrue(credentials.renew());
        assertEquals(before + 1, refreshes(), "the 5-minute ID token is within the 5-minute margin: refreshed first "
                + "(ExpiresIn says 60 minutes)");
        assertNotEquals(first.accessKeyId(), ((AwsSessionCredentialsIdentity) credentials.current()).accessKeyId());
    }

    /** AWS documents neither error: whatever it is, the session ends with the service's words kept. */
    @Test
    void aRefreshForADisabledUserEndsTheSession() {
        CognitoCredentials credentials = signedIn();
        admin.adminDisableUser(r -> r.userPoolId(stack.userPoolId()).username("erin"));
        assertSessionEnded(assertThrows(SessionEnded.class, credentials::renew));
    }

    @Test
    void aRefreshForADeletedUserEndsTheSession() {
        CognitoCredentials credentials = signedIn();
        admin.adminDeleteUser(r -> r.userPoolId(stack.userPoolId()).username("erin"));
        assertSessionEnded(assertThrows(SessionEnded.class, credentials::renew));
    }

    /** An administrator's rights last one sign-in with the code: the refresh ends the session (docs/mfa.md). */
    @Test
    void anAdministratorsRefreshEndsTheSession() {
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        cloud.cloud.userPool().createUser("zoe", "Zoe-Local-Passw0rd!", List.of("Admins"), null, secret);
        // Signed in 2.5 minutes "ago" and refreshed 2.5 minutes "ahead": the 5-minute ID token has ended, and the
        // trigger's own signed calls (real time) stay within SigV4's 5 minutes of the pool's clock.
        cloud.clock.advance(java.time.Duration.ofSeconds(-150));
        CognitoCredentials credentials = new CognitoCredentials(stack, CognitoClients.userPool(stack), identityPool,
                cloud.clock).signIn("zoe", "Zoe-Local-Passw0rd!", () -> TotpCodes.at(secret, cloud.clock.instant()));
        assertTrue(cloud.cloud.credentials().byAccessKey(credentials.current().accessKeyId()).orElseThrow()
                .roleName().endsWith("TestApiAdmin"), "the sign-in with the code gives the Admins role");
        assertTrue(credentials.renew(), "within its ID token's 5 minutes: the same token, new credentials");
        cloud.clock.advance(java.time.Duration.ofSeconds(301));
        SessionEnded ended = assertThrows(SessionEnded.class, credentials::renew);
        assertSessionEnded(ended);
        assertTrue(ended.getMessage().contains("administrator rights need a new sign-in with a TOTP code"),
                ended::getMessage);
    }

    private static void assertSessionEnded(SessionEnded ended) {
        assertTrue(ended.getMessage().startsWith("the session has ended (REFRESH_TOKEN_AUTH was refused: "),
                ended::getMessage);
        assertTrue(ended.getMessage().endsWith("sign in again"), ended::getMessage);
    }
}
