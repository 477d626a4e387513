package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * What Amplify's sign-in UI calls besides password sign-in, through the AWS SDK for Java v2: USER_SRP_AUTH, the
 * access-token calls (GetUser, ChangePassword, GlobalSignOut), RevokeToken, ForgotPassword and SignUp, each with the
 * error type and message Cognito's API reference gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSessionTest {

    private TestCloud cloud;
    private CognitoIdentityProviderClient sdk;
    private String poolId;
    private String clientId;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        sdk = CognitoSdk.userPool(cloud.cloud);
        poolId = cloud.cloud.userPool().settings().poolId();
        clientId = cloud.cloud.userPool().settings().clients().keySet().iterator().next();
    }

    @AfterAll
    void stop() {
        sdk.close();
        cloud.close();
    }

    /** A user of their own per test, with a permanent password and a verified email. */
    private String newUser(String name, String password) {
        cloud.cloud.userPool().createUser(name, password, List.of("ReadOnlyAccess"), name + "@example.com");
        return name;
    }

    private RespondToAuthChallengeResponse srpSignIn(String username, String password) {
        SrpClient client = new SrpClient();
        InitiateAuthResponse challenge = sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", client.srpA())));
        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
        return sdk.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(client.respond(poolId, challenge.challengeParameters(), password)));
    }

    private AuthenticationResultType passwordSignIn(String username, String password) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private AuthenticationResultType refresh(String refreshToken) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }

    private static void assertRefused(Class<? extends AwsServiceException> type, String message, Runnable call) {
        AwsServiceException refused = assertThrows(type, call::run);
        assertEquals(message, refused.awsErrorDetails().errorMessage());
    }

    @Test
    void srpSignInGetsTokensAndAWrongPasswordGetsThePasswordFlowsRefusal() {
        String name = newUser("srp-user", "Srp-Str0ng-Passw0rd!");
        AuthenticationResultType tokens = srpSignIn(name, "Srp-Str0ng-Passw0rd!").authenticationResult();
        assertEquals(name, sdk.getUser(r -> r.accessToken(tokens.accessToken())).username());

        assertRefused(NotAuthorizedException.class, "Incorrect username or password.",
                () -> srpSignIn(name, "Srp-Str0ng-Passw0rd?"));
        assertRefused(NotAuthorizedException.class, "Incorrect username or password.",
                () -> srpSignIn("nobody-here", "Srp-Str0ng-Passw0rd!"));
    }

    @Test
    void aSecretBlockAnswersOnce() {
        String name = newUser("srp-replay", "Srp-Str0ng-Passw0rd!");
        SrpClient client = new SrpClient();
        Map<String, String> challenge = sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", name, "SRP_A", client.srpA())))
                .challengeParameters();
        Map<String, String> responses = client.respond(poolId, challenge, "Srp-Str0ng-Passw0rd!");
        sdk.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(responses));
        assertRefused(NotAuthorizedException.class, "Invalid session for the user, session is expired.",
                () -> sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(responses)));
    }

    @Test
    void aTemporaryPasswordAsksForANewOneAfterSrpToo() {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("srp-new").temporaryPassword("Temp-Str0ng-Passw0rd!"));
        RespondToAuthChallengeResponse answer = srpSignIn("srp-new", "Temp-Str0ng-Passw0rd!");
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, answer.challengeName());
        AuthenticationResultType tokens = sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(answer.session())
                .challengeResponses(Map.of("USERNAME", "srp-new", "NEW_PASSWORD", "Chosen-Str0ng-Passw0rd!")))
                .authenticationResult();
        assertTrue(tokens.idToken() != null);
        assertEquals(null, srpSignIn("srp-new", "Chosen-Str0ng-Passw0rd!").challengeName());
    }

    @Test
    void getUserAnswersTheUsersAttributes() {
        String name = newUser("attrs", "Attrs-Str0ng-Passw0rd!");
        List<AttributeType> attributes = sdk.getUser(r -> r.accessToken(
                passwordSignIn(name, "Attrs-Str0ng-Passw0rd!").accessToken())).userAttributes();
        assertTrue(attributes.contains(AttributeType.builder().name("email").value("attrs@example.com").build()));
        assertTrue(attributes.contains(AttributeType.builder().name("email_verified").value("true").build()));
        assertRefused(NotAuthorizedException.class, "Invalid Access Token",
                () -> sdk.getUser(r -> r.accessToken(passwordSignIn(name, "Attrs-Str0ng-Passw0rd!").idToken())));
    }

    @Test
    void changePasswordNeedsThePreviousOne() {
        String name = newUser("changer", "Before-Str0ng-Passw0rd!");
        String access = passwordSignIn(name, "Before-Str0ng-Passw0rd!").accessToken();
        assertRefused(NotAuthorizedException.class, "Incorrect username or password.", () -> sdk.changePassword(
                r -> r.accessToken(access).previousPassword("Wrong-Str0ng-Passw0rd!")
                        .proposedPassword("After-Str0ng-Passw0rd!")));
        sdk.changePassword(r -> r.accessToken(access).previousPassword("Before-Str0ng-Passw0rd!")
                .proposedPassword("After-Str0ng-Passw0rd!"));
        assertRefused(NotAuthorizedException.class, "Incorrect username or password.",
                () -> passwordSignIn(name, "Before-Str0ng-Passw0rd!"));
        passwordSignIn(name, "After-Str0ng-Passw0rd!");
    }

    /** Cognito's ID-token page: auth_time "represents the time when the original authentication occurred". */
    @Test
    void aRefreshKeepsTheSignInsAuthTimeAndOrigin() throws Exception {
        String name = newUser("refresher", "Refresh-Str0ng-Passw0rd!");
        AuthenticationResultType first = passwordSignIn(name, "Refresh-Str0ng-Passw0rd!");
        cloud.clock.advance(java.time.Duration.ofMinutes(30));
        AuthenticationResultType renewed = refresh(first.refreshToken());
        var before = SignedJWT.parse(first.idToken()).getJWTClaimsSet();
        var after = SignedJWT.parse(renewed.idToken()).getJWTClaimsSet();
        assertEquals(before.getLongClaim("auth_time"), after.getLongClaim("auth_time"));
        assertEquals(before.getStringClaim("origin_jti"), after.getStringClaim("origin_jti"));
        assertTrue(after.getIssueTime().after(before.getIssueTime()));
    }

    /** Amplify v6 refreshes with GetTokensFromRefreshToken; the answer is REFRESH_TOKEN_AUTH's, and so are refusals. */
    @Test
    void getTokensFromRefreshTokenIsTheRefreshOfAmplifyV6() throws Exception {
        String name = newUser("v6-refresher", "Refresh-Str0ng-Passw0rd!");
        AuthenticationResultType first = srpSignIn(name, "Refresh-Str0ng-Passw0rd!").authenticationResult();
        AuthenticationResultType renewed = sdk.getTokensFromRefreshToken(r -> r.clientId(clientId)
                .refreshToken(first.refreshToken())).authenticationResult();
        assertEquals(name, SignedJWT.parse(renewed.idToken()).getJWTClaimsSet().getStringClaim("cognito:username"));
        assertTrue(SignedJWT.parse(renewed.accessToken()).getJWTClaimsSet().getIssueTime() != null, "v6 needs iat");
        sdk.revokeToken(r -> r.clientId(clientId).token(first.refreshToken()));
        assertRefused(NotAuthorizedException.class, "Refresh Token has been revoked", () -> sdk
                .getTokensFromRefreshToken(r -> r.clientId(clientId).refreshToken(first.refreshToken())));
    }

    /** Amplify v5 sends {@code "DEVICE_KEY": null} in a refresh; JSON nulls where a map goes are no crash. */
    @Test
    void jsonNullsAreReadAsAbsent() throws Exception {
        String name = newUser("nulls", "Nulls-Str0ng-Passw0rd!");
        String refreshToken = passwordSignIn(name, "Nulls-Str0ng-Passw0rd!").refreshToken();
        assertEquals(200, call("InitiateAuth", "{\"ClientId\":\"" + clientId + "\",\"AuthFlow\":\"REFRESH_TOKEN_AUTH\","
                + "\"AuthParameters\":{\"REFRESH_TOKEN\":\"" + refreshToken + "\",\"DEVICE_KEY\":null}}").statusCode());
        var noResponses = call("RespondToAuthChallenge", "{\"ClientId\":\"" + clientId
                + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeResponses\":null}");
        assertEquals(400, noResponses.statusCode(), noResponses::body);
        assertTrue(noResponses.body().contains("NotAuthorizedException"), noResponses::body);
    }

    private java.net.http.HttpResponse<String> call(String operation, String body) {
        return com.example.testapi.support.SignedHttp.send(java.net.http.HttpRequest.newBuilder(
                cloud.cloud.userPool().endpoint()).header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void revokeTokenEndsTheSignInAndItsAccessTokens() {
        String name = newUser("revoker", "Revoke-Str0ng-Passw0rd!");
        AuthenticationResultType signIn = passwordSignIn(name, "Revoke-Str0ng-Passw0rd!");
        AuthenticationResultType other = passwordSignIn(name, "Revoke-Str0ng-Passw0rd!");
        String renewedAccess = refresh(signIn.refreshToken()).accessToken();

        sdk.revokeToken(r -> r.clientId(clientId).token(signIn.refreshToken()));

        assertRefused(NotAuthorizedException.class, "Refresh Token has been revoked", () -> refresh(signIn.refreshToken()));
        assertRefused(NotAuthorizedException.class, "Access Token has been revoked",
                () -> sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        assertRefused(NotAuthorizedException.class, "Access Token has been revoked",
                () -> sdk.getUser(r -> r.accessToken(renewedAccess)));
        assertEquals(name, sdk.getUser(r -> r.accessToken(other.accessToken())).username(), "another sign-in stays");
        refresh(other.refreshToken());
    }

    @Test
    void globalSignOutEndsEverySignInOfTheUser() {
        String name = newUser("everywhere", "Global-Str0ng-Passw0rd!");
        AuthenticationResultType one = passwordSignIn(name, "Global-Str0ng-Passw0rd!");
        AuthenticationResultType two = srpSignIn(name, "Global-Str0ng-Passw0rd!").authenticationResult();
        String bystander = passwordSignIn(newUser("bystander", "Stays-Str0ng-Passw0rd!"), "Stays-Str0ng-Passw0rd!")
                .refreshToken();

        sdk.globalSignOut(r -> r.accessToken(one.accessToken()));

        for (AuthenticationResultType signIn : List.of(one, two)) {
            assertRefused(NotAuthorizedException.class, "Refresh Token has been revoked",
                    () -> refresh(signIn.refreshToken()));
            assertRefused(NotAuthorizedException.class, "Access Token has been revoked",
                    () -> sdk.getUser(r -> r.accessToken(signIn.accessToken())));
        }
        refresh(bystander);
        passwordSignIn(name, "Global-Str0ng-Passw0rd!"); // a new sign-in works again
    }

    @Test
    void forgotPasswordDeliversACodeThatSetsANewPassword() {
        String name = newUser("forgetful", "Old-Str0ng-Passw0rd!");
        CodeDeliveryDetailsType details = sdk.forgotPassword(r -> r.clientId(clientId).username(name))
                .codeDeliveryDetails();
        assertEquals("f***@e***", details.destination());
        assertEquals("EMAIL", details.deliveryMediumAsString());
        assertEquals("email", details.attributeName());
        SelfService.Delivery delivery = cloud.cloud.userPool().deliveredCodes().stream()
                .filter(d -> d.username().equals(name)).reduce((a, b) -> b).orElseThrow();
        assertTrue(cloud.log.stream().anyMatch(line -> line.contains(delivery.code()) && line.contains(name)),
                "the code is on the local cloud's console");

        String wrong = delivery.code().equals("000000") ? "111111" : "000000";
        assertThrows(CodeMismatchException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                .username(name).confirmationCode(wrong).password("New-Str0ng-Passw0rd!")));
        sdk.confirmForgotPassword(r -> r.clientId(clientId).username(name).confirmationCode(delivery.code())
                .password("New-Str0ng-Passw0rd!"));
        srpSignIn(name, "New-Str0ng-Passw0rd!");
        assertThrows(CodeMismatchException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                .username(name).confirmationCode(delivery.code()).password("Again-Str0ng-Passw0rd!")), "used once");
    }

    @Test
    void forgotPasswordHidesUnknownUsersAndRefusesATemporaryPassword() {
        int before = cloud.cloud.userPool().deliveredCodes().size();
        assertEquals("EMAIL", sdk.forgotPassword(r -> r.clientId(clientId).username("no-such-user"))
                .codeDeliveryDetails().deliveryMediumAsString());
        assertEquals(before, cloud.cloud.userPool().deliveredCodes().size(), "nothing sent");

        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("fresh").temporaryPassword("Temp-Str0ng-Passw0rd!"));
        assertRefused(NotAuthorizedException.class, "User password cannot be reset in the current state.",
                () -> sdk.forgotPassword(r -> r.clientId(clientId).username("fresh")));
    }

    @Test
    void signUpIsRefusedAsAnAdminOnlyPoolRefusesIt() {
        assertRefused(NotAuthorizedException.class, "SignUp is not permitted for this user pool.",
                () -> sdk.signUp(r -> r.clientId(clientId).username("walk-in").password("Walk-In-Str0ng-Passw0rd!")));
    }
}
