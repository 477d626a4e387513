package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.CognitoSignIn;
import com.example.testapi.support.TotpCodes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;

/**
 * What the administration routes end besides their change (issue: "Reset TOTP and removal from Admins revoke
 * nothing"), seen from outside with the AWS SDK against the local cloud, codes computed by the test: after Reset TOTP,
 * a move out of Admins or a disable, the user's refresh token is refused and the identity pool (ServerSideTokenCheck)
 * refuses the ID token they already hold. And nobody joins Admins without TOTP on, by a move or at creation.
 */
@QuarkusTest
class SessionRevocationTest {

    private static final String TARA_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    private static final String PASSWORD = "Tara-Str0ng-Passw0rd!";

    private AdminCloud admin;
    private CognitoIdentityClient identities;

    @BeforeEach
    void start() throws Exception {
        admin = AdminCloud.start(new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port
                + "/_lambda_")));
        identities = CognitoSdk.identityPool(admin.cloud.cloud);
        admin.cloud.clock.freeze();
    }

    @AfterEach
    void stop() {
        identities.close();
        admin.close();
    }

    @Test
    void resetTotpEndsEverySessionOfTheUser() throws Exception {
        admin.cloud.cloud.userPool().createUser("tara", PASSWORD, List.of("FullAccess"), null, TARA_SECRET);
        AuthenticationResultType tara = signInWithCode("tara", PASSWORD, TARA_SECRET);
        assertTrue(credentialsOf(tara.idToken()).startsWith("ASIA"), "the session works before");

        assertEquals(200, admin.call(admin.cloud.credentials("ada"), "POST", "/admin/users/tara/reset-totp", null,
                null).statusCode());
        assertFalse(admin.user("tara").userMFASettingList().contains("SOFTWARE_TOKEN_MFA"));
        assertEnded(tara);
    }

    @Test
    void leavingAdminsEndsEverySessionOfTheAdministrator() throws Exception {
        AuthenticationResultType eve = signInWithCode("eve", AdminCloud.EVE_PASSWORD, AdminCloud.EVE_SECRET);
        assertTrue(credentialsOf(eve.idToken()).startsWith("ASIA"), "the session works before");

        assertEquals(200, admin.call(admin.cloud.credentials("ada"), "PUT", "/admin/users/eve/group",
                "{\"group\":\"FullAccess\"}", null).statusCode());
        assertEquals(List.of("FullAccess"), admin.groups("eve"));
        assertEnded(eve);
    }

    @Test
    void disablingEndsEverySessionToo() throws Exception {
        AuthenticationResultType eve = signInWithCode("eve", AdminCloud.EVE_PASSWORD, AdminCloud.EVE_SECRET);
        assertEquals(200, admin.call(admin.cloud.credentials("ada"), "POST", "/admin/users/eve/disable", null, null)
                .statusCode());
        admin.pool.adminEnableUser(r -> r.userPoolId(admin.poolId).username("eve")); // enabled again: still ended
        assertEnded(eve);
    }

    @Test
    void nobodyJoinsAdminsWithoutTotpOn() throws Exception {
        var ada = admin.cloud.credentials("ada");
        var moved = admin.call(ada, "PUT", "/admin/users/alice/group", "{\"group\":\"Admins\"}", null);
        AdminCloud.assertRefused(moved.statusCode(), moved.body(), 409, "totp_required");
        assertEquals(List.of("FullAccess"), admin.groups("alice"), "nothing changed");

        var created = admin.call(ada, "POST", "/admin/users", "{\"username\":\"newadmin\",\"group\":\"Admins\"}",
                null);
        AdminCloud.assertRefused(created.statusCode(), created.body(), 409, "totp_required");
        assertThrows(AwsServiceException.class, () -> admin.user("newadmin"), "no user made");

        // With TOTP on, the move is allowed.
        admin.cloud.cloud.userPool().createUser("tara", PASSWORD, List.of("FullAccess"), null, TARA_SECRET);
        assertEquals(200, admin.call(ada, "PUT", "/admin/users/tara/group", "{\"group\":\"Admins\"}", null)
                .statusCode());
        assertEquals(List.of("Admins"), admin.groups("tara"));
    }

    /** The refresh token is refused, and the identity pool refuses the ID token the user still holds. */
    private void assertEnded(AuthenticationResultType tokens) {
        AwsServiceException refresh = assertThrows(AwsServiceException.class,
                () -> new CognitoSignIn(admin.cloud.cloud, admin.pool).refresh(tokens.refreshToken()));
        assertEquals("NotAuthorizedException", refresh.awsErrorDetails().errorCode());
        AwsServiceException exchange = assertThrows(AwsServiceException.class, () -> credentialsOf(tokens.idToken()));
        assertEquals("NotAuthorizedException", exchange.awsErrorDetails().errorCode());
        synchronized (admin.cloud.log) { // the identity pool's refusal shows in the log, with its type
            assertTrue(admin.cloud.log.stream().anyMatch(line -> line.endsWith(" -> 400 NotAuthorizedException")
                    && line.contains("AWSCognitoIdentityService.")), String.join("\n", admin.cloud.log));
        }
    }

    private AuthenticationResultType signInWithCode(String user, String password, String secret) {
        CognitoSignIn signIn = new CognitoSignIn(admin.cloud.cloud, admin.pool);
        var challenge = signIn.password(user, password);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
        return signIn.code(challenge.session(), user, TotpCodes.at(secret, admin.cloud.clock.instant()));
    }

    /** GetId then GetCredentialsForIdentity with {@code idToken}: the access key id handed out. */
    private String credentialsOf(String idToken) {
        return new CognitoSignIn(admin.cloud.cloud, admin.pool).credentials(identities, idToken, null).accessKeyId();
    }
}
