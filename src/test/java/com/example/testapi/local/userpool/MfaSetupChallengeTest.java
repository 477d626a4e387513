package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.TotpCodes;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The template with {@code MfaConfiguration=ON}: a user without a factor gets MFA_SETUP after the password, sets TOTP
 * up on the challenge's session (AssociateSoftwareToken, VerifySoftwareToken, then the MFA_SETUP answer) and is asked
 * for a code at the next sign-in, as Amplify v6's signIn and the Authenticator drive it.
 */
class MfaSetupChallengeTest extends UserPoolCase {

    private static final String PASSWORD = "Setup-Password-1";

    @Override
    LocalCloud.Settings settings() throws IOException {
        return super.settings().withParameters(Map.of("MfaConfiguration", "ON"));
    }

    @Test
    void aUserWithoutAFactorSetsTotpUpDuringSignIn() {
        cloud.clock.freeze();
        assertEquals("ON", sdk.describeUserPool(r -> r.userPoolId(poolId)).userPool().mfaConfigurationAsString());
        String user = newUser("setup-on-sign-in", PASSWORD);
        InitiateAuthResponse setup = signIn(user);
        assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
        assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", setup.challengeParameters().get("MFAS_CAN_SETUP"));

        AssociateSoftwareTokenResponse associated = sdk.associateSoftwareToken(r -> r.session(setup.session()));
        String secret = associated.secretCode();
        assertRefused(EnableSoftwareTokenMfaException.class, CognitoErrors.SOFTWARE_TOKEN_NOT_VERIFIED,
                () -> sdk.verifySoftwareToken(r -> r.session(associated.session())
                        .userCode(TotpCodes.wrong(TotpCodes.at(secret, cloud.clock.instant())))));
        // Only a verified session completes the challenge: the association's, before its code, does not.
        assertRefused(NotAuthorizedException.class, CognitoErrors.INVALID_SESSION,
                () -> completeSetup(associated.session(), user));
        VerifySoftwareTokenResponse verified = sdk.verifySoftwareToken(r -> r.session(associated.session())
                .userCode(TotpCodes.at(secret, cloud.clock.instant())));
        assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
        assertNotNull(completeSetup(verified.session(), user).authenticationResult().idToken());

        InitiateAuthResponse next = signIn(user);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, next.challengeName());
        assertEquals(java.util.List.of("SOFTWARE_TOKEN_MFA"),
                sdk.adminGetUser(r -> r.userPoolId(poolId).username(user)).userMFASettingList());
    }

    private InitiateAuthResponse signIn(String user) {
        return sdk.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD)));
    }

    private software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse completeSetup(
            String session, String user) {
        return sdk.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.MFA_SETUP)
                .session(session).challengeResponses(Map.of("USERNAME", user)));
    }
}
