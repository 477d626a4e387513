package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
/**
 * A signed-in user's tokens through the AWS SDK: the access-token calls (GetUser, ChangePassword, GlobalSignOut),
 * refresh (REFRESH_TOKEN_AUTH and Amplify v6's GetTokensFromRefreshToken), and what ends a sign-in (RevokeToken,
 * GlobalSignOut, the user's deletion), each with the error type and message Cognito's API reference gives.
 */
class UserSessionTest extends UserPoolCase {

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

    @Test
    void anOversizedRequestIsRefusedBeforeItIsRead() {
        var answer = call("InitiateAuth", "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertEquals(413, answer.statusCode(), answer::body);
        assertTrue(answer.body().contains("RequestEntityTooLargeException"), answer::body);
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

    /** GlobalSignOut's reference: a signed-out user's ID token is refused by an identity pool with ServerSideTokenCheck. */
    @Test
    void afterGlobalSignOutTheIdentityPoolRefusesTheIdToken() {
        String name = newUser("signed-out", "Signed-Str0ng-Passw0rd!");
        AuthenticationResultType tokens = passwordSignIn(name, "Signed-Str0ng-Passw0rd!");
        String provider = cloud.cloud.userPool().settings().providerName();
        cloud.cloud.identityPool().credentialsFor(provider, tokens.idToken()); // works before
        sdk.globalSignOut(r -> r.accessToken(tokens.accessToken()));
        var refused = assertThrows(com.example.testapi.local.awsjson.AwsError.class,
                () -> cloud.cloud.identityPool().credentialsFor(provider, tokens.idToken()));
        assertEquals("NotAuthorizedException", refused.type());
        assertEquals("Invalid login token. The user of this token has been signed out.", refused.getMessage());
        cloud.cloud.identityPool().credentialsFor(provider, passwordSignIn(name, "Signed-Str0ng-Passw0rd!").idToken());
    }

    @Test
    void onlyARefreshTokenCanBeRevoked() {
        String name = newUser("wrong-token", "Wrong-Str0ng-Passw0rd!");
        AuthenticationResultType tokens = passwordSignIn(name, "Wrong-Str0ng-Passw0rd!");
        assertRefused(software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedTokenTypeException.class,
                "Only refresh tokens can be revoked.",
                () -> sdk.revokeToken(r -> r.clientId(clientId).token(tokens.accessToken())));
        assertEquals(1, cloud.cloud.userPool().activeSignIns(name), "nothing revoked");
    }

    /** A user deleted and made again under the same name is somebody else: the old sign-in's tokens are not theirs. */
    @Test
    void tokensDoNotPassToANewUserOfTheSameName() {
        String name = newUser("reborn", "First-Str0ng-Passw0rd!");
        AuthenticationResultType old = passwordSignIn(name, "First-Str0ng-Passw0rd!");
        sdk.adminDeleteUser(r -> r.userPoolId(poolId).username(name));
        newUser(name, "Second-Str0ng-Passw0rd!");
        assertRefused(NotAuthorizedException.class, "Refresh Token has been revoked", () -> refresh(old.refreshToken()));
        assertThrows(AwsServiceException.class, () -> sdk.getUser(r -> r.accessToken(old.accessToken())));
    }
}
