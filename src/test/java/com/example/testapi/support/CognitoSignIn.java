package com.example.testapi.support;

import java.text.ParseException;
import java.util.Map;

import com.example.testapi.local.LocalCloud;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * The sign-in steps the tests of the second factor take from outside, through the AWS SDK against a local cloud: the
 * password (USER_PASSWORD_AUTH), the code challenge, a refresh, and the identity pool's exchange of an ID token.
 */
public final class CognitoSignIn {

    private final LocalCloud cloud;
    private final CognitoIdentityProviderClient pool;
    private final String clientId;

    public CognitoSignIn(LocalCloud cloud, CognitoIdentityProviderClient pool) {
        this.cloud = cloud;
        this.pool = pool;
        this.clientId = cloud.outputs().get("UserPoolClientId");
    }

    public InitiateAuthResponse password(String user, String password) {
        return pool.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", password)));
    }

    /** The SOFTWARE_TOKEN_MFA challenge of {@code session} answered with {@code code}. */
    public AuthenticationResultType code(String session, String user, String code) {
        return pool.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(session).challengeResponses(Map.of("USERNAME", user, "SOFTWARE_TOKEN_MFA_CODE", code)))
                .authenticationResult();
    }

    /** REFRESH_TOKEN_AUTH: the new ID token. */
    public String refresh(String refreshToken) {
        return pool.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult().idToken();
    }

    /** GetId, then GetCredentialsForIdentity for {@code idToken} (with {@code customRoleArn} when not null). */
    public Credentials credentials(CognitoIdentityClient identities, String idToken, String customRoleArn) {
        Map<String, String> logins = Map.of(cloud.userPool().settings().providerName(), idToken);
        String identityId = identities.getId(r -> r.identityPoolId(cloud.outputs().get("IdentityPoolId"))
                .logins(logins)).identityId();
        return identities.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)
                .customRoleArn(customRoleArn)).credentials();
    }

    public static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
