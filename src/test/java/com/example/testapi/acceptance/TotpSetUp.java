package com.example.testapi.acceptance;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.example.testapi.client.CognitoCredentials;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.TotpCodes;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** A user's TOTP set up and on, as a person would do it, before they are made an administrator (docs/mfa.md). */
final class TotpSetUp {

    private TotpSetUp() {
    }

    /**
     * With their own access token as the app does it, or through MFA_SETUP on a pool that asks for it at sign-in
     * (MfaConfiguration ON, as the CLI answers it): the secret, whose code for this 30-second step is spent.
     */
    static String secret(StackOutputs stack, CognitoIdentityProviderClient userPool,
            CognitoIdentityClient identityPool, String username, String password) {
        var signIn = userPool.initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", username,
                        "PASSWORD", password)));
        if (signIn.authenticationResult() == null && "MFA_SETUP".equals(signIn.challengeNameAsString())) {
            String[] shown = new String[1];
            new CognitoCredentials(stack, userPool, identityPool, Clock.systemUTC()).signIn(username, password, null,
                    (secret, uri) -> TotpCodes.at(shown[0] = secret, Instant.now()));
            return shown[0];
        }
        String access = signIn.authenticationResult().accessToken();
        String secret = userPool.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        userPool.verifySoftwareToken(r -> r.accessToken(access).userCode(TotpCodes.at(secret, Instant.now())));
        userPool.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
        return secret;
    }
}
