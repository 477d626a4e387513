package com.example.testapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.CognitoSignIn;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.nimbusds.jwt.JWTClaimsSet;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * The "done when", against the local cloud from outside (the AWS SDK for Java v2, codes computed by the
 * test): the template's pre-token-generation trigger, run by the local cloud with its own role's credentials,
 * leaves Admins out of the ID token of a member without TOTP, so the identity pool hands them their other group's
 * role (or none) and IAM refuses the admin API; after TOTP is set up, sign-in asks for the code and the right one
 * gives working admin rights; a FullAccess member without MFA signs in with a password as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminSecondFactorTest {

    private static final String PASSWORD = "Second-Factor-Passw0rd!";

    private TestCloud cloud;
    private CognitoIdentityProviderClient cognito;
    private CognitoIdentityClient identities;
    private String pool;
    private String client;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        cognito = CognitoSdk.userPool(cloud.cloud);
        identities = CognitoSdk.identityPool(cloud.cloud);
        pool = cloud.cloud.outputs().get("UserPoolId");
        client = cloud.cloud.outputs().get("UserPoolClientId");
        cloud.clock.freeze();
    }

    @AfterAll
    void stop() {
        cognito.close();
        identities.close();
        cloud.close();
    }

    @Test
    void anAdministratorWithoutTotpCannotCallTheAdminApi() throws Exception {
        cloud.cloud.userPool().createUser("grace", PASSWORD, List.of("Admins", "FullAccess"), null);
        AuthenticationResultType tokens = passwordSignIn("grace").authenticationResult();
        JWTClaimsSet id = claims(tokens.idToken());
        assertEquals(List.of("FullAccess"), id.getStringListClaim("cognito:groups"));
        assertTrue(id.getStringClaim("cognito:preferred_role").endsWith("TestApiFullAccess"));
        assertEquals("totp_not_enabled", id.getStringClaim("admin_withheld"));
        // The group override replaces the access token's groups too, as AWS's guide says.
        assertEquals(List.of("FullAccess"), claims(tokens.accessToken()).getStringListClaim("cognito:groups"));

        String refused = refusal(() -> as(tokens.idToken(), admin -> admin.listUsers(r -> r.userPoolId(pool))));
        assertTrue(refused.startsWith("AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/")
                && refused.contains("TestApiFullAccess") && refused.contains("cognito-idp:ListUsers"), refused);

        // Only in Admins: no other role to fall back to, so no credentials at all.
        cloud.cloud.userPool().createUser("heidi", PASSWORD, List.of("Admins"), null);
        String idToken = passwordSignIn("heidi").authenticationResult().idToken();
        assertEquals("totp_not_enabled", claims(idToken).getStringClaim("admin_withheld"));
        assertEquals("NotAuthorizedException: The ambiguous role mapping rules denied this request.",
                refusal(() -> credentials(idToken)));
    }

    @Test
    void afterSettingUpTotpTheCodeGivesWorkingAdminRights() throws Exception {
        // In the documented order: TOTP set up first, then into Admins (an Admins member without it would leave).
        cloud.cloud.userPool().createUser("ivy", PASSWORD, List.of(), null);
        String access = passwordSignIn("ivy").authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(TotpCodes.at(secret, cloud.clock.instant())));
        cognito.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username("ivy").groupName("Admins"));

        InitiateAuthResponse challenge = passwordSignIn("ivy");
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
        String next = TotpCodes.at(secret, cloud.clock.instant().plusSeconds(30)); // the set-up spent this step's
        String wrong = TotpCodes.wrong(next);
        assertThrows(CodeMismatchException.class, () -> answer(challenge.session(), "ivy", wrong));
        AuthenticationResultType tokens = answer(challenge.session(), "ivy", next);
        JWTClaimsSet id = claims(tokens.idToken());
        assertEquals(List.of("Admins"), id.getStringListClaim("cognito:groups"));
        assertNull(id.getClaim("admin_withheld"));
        // Administrator rights: the identity pool hands the Admins role, the one role that may invoke /admin.
        String keyId = credentials(tokens.idToken()).accessKeyId();
        assertTrue(cloud.cloud.credentials().byAccessKey(keyId).orElseThrow().roleName().endsWith("TestApiAdmin"));

        // Turned off by an administrator: the next refresh of that sign-in no longer carries Admins.
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(pool).username("ivy")
                .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false)));
        String refreshed = cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult().idToken();
        assertFalse(claims(refreshed).getStringListClaim("cognito:groups") != null
                && claims(refreshed).getStringListClaim("cognito:groups").contains("Admins"));
        assertEquals("totp_not_enabled", claims(refreshed).getStringClaim("admin_withheld"));
        assertTrue(cognito.adminListGroupsForUser(r -> r.userPoolId(pool).username("ivy")).groups().isEmpty(),
                "and ivy left Admins: joining again goes through an administrator, once TOTP is on");
    }

    @Test
    void aFullAccessMemberWithoutMfaSignsInWithAPasswordAsBefore() throws Exception {
        InitiateAuthResponse signIn = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Alice-Str0ng-Passw0rd!")));
        assertNull(signIn.challengeName());
        JWTClaimsSet id = claims(signIn.authenticationResult().idToken());
        assertEquals(List.of("FullAccess"), id.getStringListClaim("cognito:groups"));
        assertNull(id.getClaim("admin_withheld"));
        assertTrue(credentials(signIn.authenticationResult().idToken()).accessKeyId().startsWith("ASIA"));
    }

    private InitiateAuthResponse passwordSignIn(String user) {
        return new CognitoSignIn(cloud.cloud, cognito).password(user, PASSWORD);
    }

    private AuthenticationResultType answer(String session, String user, String code) {
        return new CognitoSignIn(cloud.cloud, cognito).code(session, user, code);
    }

    /** The identity pool's credentials for an ID token: GetId, then GetCredentialsForIdentity. */
    private Credentials credentials(String idToken) {
        return new CognitoSignIn(cloud.cloud, cognito).credentials(identities, idToken, null);
    }

    private void as(String idToken, Consumer<CognitoIdentityProviderClient> calls) {
        Credentials keys = credentials(idToken);
        try (CognitoIdentityProviderClient admin = CognitoSdk.userPool(cloud.cloud, AwsSessionCredentials.create(
                keys.accessKeyId(), keys.secretKey(), keys.sessionToken()))) {
            calls.accept(admin);
        }
    }

    private static String refusal(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return CognitoSignIn.claims(token);
    }
}
