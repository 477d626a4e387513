package com.example.testapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.CognitoSignIn;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.nimbusds.jwt.JWTClaimsSet;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * What a leaked password, refresh token or access token still gives, from outside with the AWS SDK against the local
 * cloud and codes computed by the test: a refresh token obtained with the password alone before TOTP was turned on
 * never yields Admins afterwards (nor does any refresh); a member of Admins without TOTP leaves it at their first
 * token, so a password holder cannot enrol into the rights; an access token cannot change the recovery email; TOTP
 * codes one 30-second step away are taken, two steps away refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeakedTokensTest {

    private static final String PASSWORD = "Leaked-Tokens-Passw0rd!";

    private TestCloud cloud;
    private CognitoIdentityProviderClient cognito;
    private CognitoSignIn signIn;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        cognito = CognitoSdk.userPool(cloud.cloud);
        signIn = new CognitoSignIn(cloud.cloud, cognito);
        cloud.clock.freeze();
    }

    @AfterAll
    void stop() {
        cognito.close();
        cloud.close();
    }

    @Test
    void aRefreshTokenFromBeforeEnrolmentNeverYieldsAdmins() throws Exception {
        cloud.cloud.userPool().createUser("kim", PASSWORD, List.of("ReadOnlyAccess"), null);
        // Whoever has the password signs in with it alone, before kim turns TOTP on, and keeps the refresh token.
        AuthenticationResultType early = passwordSignIn("kim").authenticationResult();

        // kim enrols (as the app's set-up does), then an administrator makes her one (TOTP on: allowed).
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(early.accessToken())).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(early.accessToken())
                .userCode(TotpCodes.at(secret, cloud.clock.instant())));
        cognito.setUserMFAPreference(r -> r.accessToken(early.accessToken())
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        cognito.adminAddUserToGroup(r -> r.userPoolId(cloud.cloud.outputs().get("UserPoolId")).username("kim")
                .groupName("Admins"));

        JWTClaimsSet upgraded = claims(refresh(early.refreshToken()));
        assertEquals(List.of("ReadOnlyAccess"), upgraded.getStringListClaim("cognito:groups"));
        assertEquals("totp_not_proven", upgraded.getStringClaim("admin_withheld"));

        // The sign-in that asked for the code carries Admins; even its own refresh does not.
        InitiateAuthResponse challenge = passwordSignIn("kim");
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
        AuthenticationResultType proven = answer(challenge.session(), "kim",
                TotpCodes.at(secret, cloud.clock.instant().plusSeconds(30)));
        assertEquals(List.of("ReadOnlyAccess", "Admins"),
                claims(proven.idToken()).getStringListClaim("cognito:groups"));
        assertNull(claims(proven.idToken()).getClaim("admin_withheld"));
        String refreshed = refresh(proven.refreshToken());
        assertEquals("totp_not_proven", claims(refreshed).getStringClaim("admin_withheld"));

        // Asking the identity pool for the Admins role by name (CustomRoleArn) with a withheld token is refused:
        // only a role the token names may be chosen.
        String adminRole = claims(proven.idToken()).getStringClaim("cognito:preferred_role");
        assertTrue(adminRole.endsWith("TestApiAdmin"), adminRole);
        AwsServiceException refused = assertThrows(AwsServiceException.class,
                () -> credentials(refreshed, adminRole));
        assertEquals("NotAuthorizedException", refused.awsErrorDetails().errorCode());
        String readRole = claims(refreshed).getStringClaim("cognito:preferred_role");
        assertTrue(credentials(refreshed, readRole).startsWith("ASIA"), "a role the token names may be chosen");
    }

    @Test
    void theBasicFlowIsRefused() {
        String idToken = signIn.password("alice", "Alice-Str0ng-Passw0rd!").authenticationResult().idToken();
        try (var identities = CognitoSdk.identityPool(cloud.cloud)) {
            Map<String, String> logins = Map.of(cloud.cloud.userPool().settings().providerName(), idToken);
            String identityId = identities.getId(r -> r.identityPoolId(cloud.cloud.outputs().get("IdentityPoolId"))
                    .logins(logins)).identityId();
            AwsServiceException refused = assertThrows(AwsServiceException.class,
                    () -> identities.getOpenIdToken(r -> r.identityId(identityId).logins(logins)));
            assertEquals("InvalidParameterException", refused.awsErrorDetails().errorCode());
        }
    }

    /** The access key id the identity pool hands out for {@code idToken}, {@code customRoleArn} when not null. */
    private String credentials(String idToken, String customRoleArn) {
        try (var identities = CognitoSdk.identityPool(cloud.cloud)) {
            return signIn.credentials(identities, idToken, customRoleArn).accessKeyId();
        }
    }

    /**
     * A member of Admins without TOTP (from before the rule, or added outside the administration API) leaves Admins at
     * their first token: whoever holds the password cannot then enrol their own authenticator into the rights.
     */
    @Test
    void aMemberWithoutTotpLeavesAdminsAtTheirFirstSignIn() throws Exception {
        cloud.cloud.userPool().createUser("leo", PASSWORD, List.of("Admins", "ReadOnlyAccess"), null);
        AuthenticationResultType thief = passwordSignIn("leo").authenticationResult();
        assertEquals("totp_not_enabled", claims(thief.idToken()).getStringClaim("admin_withheld"));
        assertEquals(List.of("ReadOnlyAccess"), cognito.adminListGroupsForUser(r -> r.userPoolId(cloud.cloud
                .outputs().get("UserPoolId")).username("leo")).groups().stream().map(g -> g.groupName()).toList());

        String secret = cognito.associateSoftwareToken(r -> r.accessToken(thief.accessToken())).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(thief.accessToken())
                .userCode(TotpCodes.at(secret, cloud.clock.instant())));
        cognito.setUserMFAPreference(r -> r.accessToken(thief.accessToken())
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        InitiateAuthResponse challenge = passwordSignIn("leo");
        AuthenticationResultType withCode = answer(challenge.session(), "leo",
                TotpCodes.at(secret, cloud.clock.instant().plusSeconds(30)));
        assertEquals(List.of("ReadOnlyAccess"), claims(withCode.idToken()).getStringListClaim("cognito:groups"),
                "the thief's own authenticator gives no Admins");
    }

    @Test
    void anAccessTokenCannotChangeTheRecoveryEmail() {
        cloud.cloud.userPool().createUser("lea", PASSWORD, List.of("FullAccess"), "lea@example.com");
        String access = passwordSignIn("lea").authenticationResult().accessToken();
        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> cognito.updateUserAttributes(r -> r
                .accessToken(access).userAttributes(named("email", "thief@example.net"),
                        named("name", "Lea"))));
        assertEquals("NotAuthorizedException", refused.awsErrorDetails().errorCode());
        assertEquals("A client attempted to write unauthorized attribute", refused.awsErrorDetails().errorMessage());
        assertEquals("lea@example.com", attribute("lea", "email"), "all or nothing: the email is as it was");
        assertNull(attribute("lea", "name"), "all or nothing: nothing changed");

        // What the client may write (template.yaml's WriteAttributes) changes.
        cognito.updateUserAttributes(r -> r.accessToken(access).userAttributes(named("name", "Lea")));
        assertEquals("Lea", attribute("lea", "name"));
    }

    @Test
    void aCodeOneStepAwayIsTakenTwoStepsAwayRefused() {
        String secret = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";
        cloud.cloud.userPool().createUser("max", PASSWORD, List.of("FullAccess"), null, secret);
        Instant now = cloud.clock.instant();
        for (int steps : new int[] {-2, 2}) {
            InitiateAuthResponse challenge = passwordSignIn("max");
            AwsServiceException refused = assertThrows(AwsServiceException.class, () -> answer(challenge.session(),
                    "max", TotpCodes.at(secret, now.plusSeconds(30L * steps))), steps + " steps");
            assertEquals("CodeMismatchException", refused.awsErrorDetails().errorCode());
        }
        synchronized (cloud.log) { // refusals are logged as successes are: with their status and type
            assertTrue(cloud.log.stream().anyMatch(line -> line.endsWith(
                    "AWSCognitoIdentityProviderService.RespondToAuthChallenge -> 400 CodeMismatchException")),
                    String.join("\n", cloud.log));
        }
        for (int steps : new int[] {-1, 1}) {
            InitiateAuthResponse challenge = passwordSignIn("max");
            assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
            AuthenticationResultType tokens = answer(challenge.session(), "max",
                    TotpCodes.at(secret, now.plusSeconds(30L * steps)));
            assertEquals(3, tokens.idToken().split("\\.").length, steps + " steps");
        }
    }

    private String attribute(String user, String name) {
        return cognito.adminGetUser(r -> r.userPoolId(cloud.cloud.outputs().get("UserPoolId")).username(user))
                .userAttributes().stream().filter(a -> a.name().equals(name)).map(AttributeType::value)
                .findFirst().orElse(null);
    }

    private static AttributeType named(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private String refresh(String refreshToken) {
        return signIn.refresh(refreshToken);
    }

    private InitiateAuthResponse passwordSignIn(String user) {
        return signIn.password(user, PASSWORD);
    }

    private AuthenticationResultType answer(String session, String user, String code) {
        return signIn.code(session, user, code);
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return CognitoSignIn.claims(token);
    }
}
