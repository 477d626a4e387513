package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** The local user pool through the AWS SDK for Java v2, as any caller reaches it: sign-in, tokens, admin API. */
class LocalUserPoolTest extends UserPoolCase {

    private InitiateAuthResponse signIn(String username, String password) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    /** The claims of a token, after checking its signature against the JWKS the issuer serves. */
    private JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        String issuer = jwt.getJWTClaimsSet().getIssuer();
        HttpResponse<String> jwks = SignedHttp.send(HttpRequest.newBuilder(URI.create(issuer
                + "/.well-known/jwks.json")).GET().build());
        assertEquals(200, jwks.statusCode());
        RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signed by the key the issuer publishes");
        return jwt.getJWTClaimsSet();
    }

    @Test
    void signInAnswersRs256TokensWithCognitosClaims() throws Exception {
        AuthenticationResultType tokens = signIn("alice", "Alice-Str0ng-Passw0rd!").authenticationResult();
        assertEquals(3600, tokens.expiresIn());
        assertEquals("Bearer", tokens.tokenType());
        assertNotNull(tokens.refreshToken());

        JWTClaimsSet id = verified(tokens.idToken());
        String fullRole = cloud.cloud.outputs().get("FullAccessRoleArn");
        String sub = sdk.adminGetUser(r -> r.userPoolId(poolId).username("alice")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        assertEquals(sub, id.getSubject());
        assertEquals("alice", id.getStringClaim("cognito:username"));
        assertEquals(List.of("FullAccess"), id.getStringListClaim("cognito:groups"));
        assertEquals(List.of(fullRole), id.getStringListClaim("cognito:roles"));
        assertEquals(fullRole, id.getStringClaim("cognito:preferred_role"));
        assertEquals("id", id.getStringClaim("token_use"));
        assertEquals(List.of(clientId), id.getAudience());
        assertEquals(cloud.cloud.userPool().issuer(), id.getIssuer());
        assertTrue(id.getIssuer().endsWith("/" + poolId));
        assertEquals(3600, (id.getExpirationTime().getTime() - id.getIssueTime().getTime()) / 1000);
        assertNotNull(id.getLongClaim("auth_time"));
        assertEquals("RS256", SignedJWT.parse(tokens.idToken()).getHeader().getAlgorithm().getName());

        JWTClaimsSet access = verified(tokens.accessToken());
        assertEquals("access", access.getStringClaim("token_use"));
        assertEquals(clientId, access.getStringClaim("client_id"));
        assertEquals("alice", access.getStringClaim("username"));
    }

    @Test
    void theLowestPrecedenceGroupGivesThePreferredRole() throws Exception {
        JWTClaimsSet dave = verified(signIn("dave", "Dave-Local-Passw0rd!").authenticationResult().idToken());
        assertEquals(2, dave.getStringListClaim("cognito:roles").size());
        assertEquals(cloud.cloud.outputs().get("FullAccessRoleArn"), dave.getStringClaim("cognito:preferred_role"),
                "FullAccess has precedence 0, ReadOnlyAccess 1");

        JWTClaimsSet carol = verified(signIn("carol", "Carol-Local-Passw0rd!").authenticationResult().idToken());
        assertNull(carol.getClaim("cognito:groups"));
        assertNull(carol.getClaim("cognito:preferred_role"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAnswerAlike() {
        NotAuthorizedException wrong = assertThrows(NotAuthorizedException.class, () -> signIn("alice", "nope"));
        NotAuthorizedException unknown = assertThrows(NotAuthorizedException.class, () -> signIn("nobody", "nope"));
        assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
        assertEquals(wrong.awsErrorDetails().errorMessage(), unknown.awsErrorDetails().errorMessage());
        assertEquals(400, unknown.statusCode());
    }

    @Test
    void aTemporaryPasswordAsksForANewOneThatMeetsThePolicy() {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("frank").temporaryPassword("Temp-Passw0rd-123!")
                .messageAction("SUPPRESS"));
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD,
                sdk.adminGetUser(r -> r.userPoolId(poolId).username("frank")).userStatus());

        InitiateAuthResponse challenge = signIn("frank", "Temp-Passw0rd-123!");
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
        assertNull(challenge.authenticationResult(), "no tokens before the new password");

        InvalidPasswordException weak = assertThrows(InvalidPasswordException.class,
                () -> sdk.respondToAuthChallenge(r -> r.clientId(clientId).session(challenge.session())
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .challengeResponses(Map.of("USERNAME", "frank", "NEW_PASSWORD", "short"))));
        assertEquals("Password does not conform to policy: Password not long enough",
                weak.awsErrorDetails().errorMessage());

        // The refused password leaves the session open: the same session takes a better one.
        AuthenticationResultType tokens = sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                .session(challenge.session()).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .challengeResponses(Map.of("USERNAME", "frank", "NEW_PASSWORD", "Frank-New-Passw0rd!")))
                .authenticationResult();
        assertNotNull(tokens.idToken());
        assertEquals(UserStatusType.CONFIRMED, sdk.adminGetUser(r -> r.userPoolId(poolId).username("frank")).userStatus());
        assertNotNull(signIn("frank", "Frank-New-Passw0rd!").authenticationResult());
        assertThrows(NotAuthorizedException.class, () -> signIn("frank", "Temp-Passw0rd-123!"));
        assertThrows(NotAuthorizedException.class, () -> sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                .session(challenge.session()).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .challengeResponses(Map.of("USERNAME", "frank", "NEW_PASSWORD", "Frank-Other-Passw0rd!"))),
                "a session answers once");
    }

    @Test
    void passwordsThatBreakThePolicyAreRefused() {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("grace").messageAction("SUPPRESS"));
        Map<String, String> broken = Map.of(
                "Short-1!", "Password not long enough",
                "no-upper-case-1!", "Password must have uppercase characters",
                "NO-LOWER-CASE-1!", "Password must have lowercase characters",
                "No-Digits-Here!!", "Password must have numeric characters",
                "NoSymbolsHere123", "Password must have symbol characters");
        broken.forEach((password, why) -> {
            InvalidPasswordException refused = assertThrows(InvalidPasswordException.class,
                    () -> sdk.adminSetUserPassword(r -> r.userPoolId(poolId).username("grace").password(password)
                            .permanent(true)));
            assertEquals("Password does not conform to policy: " + why, refused.awsErrorDetails().errorMessage());
        });
        assertThrows(UsernameExistsException.class,
                () -> sdk.adminCreateUser(r -> r.userPoolId(poolId).username("grace").messageAction("SUPPRESS")));
    }

    @Test
    void theRefreshTokenGivesNewTokensAndAForgedOneNone() throws Exception {
        AuthenticationResultType first = signIn("bob", "Bob-Str0ng-Passw0rd!").authenticationResult();
        AuthenticationResultType refreshed = sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))).authenticationResult();
        assertEquals(verified(first.idToken()).getSubject(), verified(refreshed.idToken()).getSubject());
        assertNull(refreshed.refreshToken(), "Cognito does not rotate it");
        assertThrows(NotAuthorizedException.class, () -> sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", "forged"))));
    }

    @Test
    void adminCallsNeedASignatureAndUsersCanBeManaged() {
        HttpResponse<String> unsigned = SignedHttp.send(HttpRequest.newBuilder(cloud.cloud.userPool().endpoint())
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUsers")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + poolId + "\"}")).build());
        assertEquals(400, unsigned.statusCode());
        assertTrue(unsigned.body().contains("\"__type\":\"MissingAuthenticationTokenException\""), unsigned::body);

        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("heidi").messageAction("SUPPRESS"));
        sdk.adminAddUserToGroup(r -> r.userPoolId(poolId).username("heidi").groupName("ReadOnlyAccess"));
        assertEquals(List.of("ReadOnlyAccess"), sdk.adminListGroupsForUser(r -> r.userPoolId(poolId)
                .username("heidi")).groups().stream().map(g -> g.groupName()).toList());
        sdk.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).username("heidi").groupName("ReadOnlyAccess"));
        assertTrue(sdk.adminListGroupsForUser(r -> r.userPoolId(poolId).username("heidi")).groups().isEmpty());
        assertEquals(1, sdk.listUsers(r -> r.userPoolId(poolId).filter("username = \"heidi\"")).users().size());
        sdk.adminDeleteUser(r -> r.userPoolId(poolId).username("heidi"));
        assertFalse(sdk.listUsers(r -> r.userPoolId(poolId)).users().stream()
                .anyMatch(u -> u.username().equals("heidi")));
    }

    /** The template's app origin may call the local Cognito services from a page; no other page can read them. */
    @Test
    void onlyTheTemplatesOriginsGetCorsAnswers() {
        for (URI endpoint : List.of(cloud.cloud.userPool().endpoint(), cloud.cloud.identityPool().endpoint())) {
            HttpResponse<String> app = preflight(endpoint, "http://localhost:8080");
            assertEquals(200, app.statusCode());
            assertEquals("http://localhost:8080", app.headers().firstValue("access-control-allow-origin").orElse(null));
            assertTrue(app.headers().firstValue("access-control-allow-headers").orElse("").contains("x-amz-target"));

            HttpResponse<String> other = preflight(endpoint, "https://some-page.example");
            assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty(), endpoint.toString());
            HttpResponse<String> call = SignedHttp.send(HttpRequest.newBuilder(endpoint)
                    .header("Origin", "https://some-page.example").header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertTrue(call.headers().firstValue("access-control-allow-origin").isEmpty(), call::body);
        }
    }

    private static HttpResponse<String> preflight(URI endpoint, String origin) {
        return SignedHttp.send(HttpRequest.newBuilder(endpoint).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent").build());
    }

    /**
     * AdminDisableUser: the user cannot sign in ("User is disabled.", the words reported for Cognito, evidence C) and
     * AdminGetUser says Enabled false; AdminEnableUser gives the sign-in back.
     */
    @Test
    void aDisabledUserCannotSignInUntilEnabled() {
        String pool = poolId;
        sdk.adminDisableUser(r -> r.userPoolId(pool).username("bob"));
        try {
            NotAuthorizedException refused = assertThrows(NotAuthorizedException.class,
                    () -> signIn("bob", "Bob-Str0ng-Passw0rd!"));
            assertEquals("User is disabled.", refused.awsErrorDetails().errorMessage());
            assertFalse(sdk.adminGetUser(r -> r.userPoolId(pool).username("bob")).enabled());
            assertEquals("Incorrect username or password.", assertThrows(NotAuthorizedException.class,
                    () -> signIn("bob", "wrong")).awsErrorDetails().errorMessage(), "the password is checked first");
        } finally {
            sdk.adminEnableUser(r -> r.userPoolId(pool).username("bob"));
        }
        assertNotNull(signIn("bob", "Bob-Str0ng-Passw0rd!").authenticationResult());
    }
}
