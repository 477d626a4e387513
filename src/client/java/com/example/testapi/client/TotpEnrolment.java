package com.example.testapi.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The {@code MFA_SETUP} challenge (a pool with MfaConfiguration ON, a user without a factor yet), answered as the
 * API reference describes it: {@code AssociateSoftwareToken} with the challenge's session gives the secret,
 * {@code VerifySoftwareToken} takes the first code the user's app shows, and {@code RespondToAuthChallenge} with the
 * session it answers ends the sign-in. What the user is shown and how the code is read is the caller's
 * ({@link Prompt}): the CLI prints and reads a line, a program may do otherwise.
 */
public final class TotpEnrolment {

    /** Shows the new secret to the user and returns the code their authenticator app then shows. */
    @FunctionalInterface
    public interface Prompt {
        String firstCode(String secret, String otpauthUri);
    }

    private TotpEnrolment() {
    }

    /**
     * The URI an authenticator app reads from a QR code (the Key Uri Format): label {@code AWSCognito:USER}, issuer
     * AWSCognito, as Amplify's Authenticator writes it.
     */
    public static String otpauthUri(String username, String secret) {
        String user = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/AWSCognito:" + user + "?secret=" + secret + "&issuer=AWSCognito";
    }

    static AuthenticationResultType complete(CognitoIdentityProviderClient userPool, String clientId, String username,
            String session, Prompt prompt) {
        var associated = userPool.associateSoftwareToken(r -> r.session(session));
        String code = prompt.firstCode(associated.secretCode(), otpauthUri(username, associated.secretCode()));
        if (code == null || code.isBlank()) {
            throw new IllegalStateException("TOTP set-up for " + username + " needs the code the authenticator app "
                    + "shows");
        }
        var verified = userPool.verifySoftwareToken(r -> r.session(associated.session()).userCode(code.strip())
                .friendlyDeviceName("iam-test-api client"));
        if (verified.status() != VerifySoftwareTokenResponseType.SUCCESS) {
            throw new IllegalStateException("the user pool did not accept the code (" + verified.statusAsString()
                    + ")");
        }
        return userPool.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(ChallengeNameType.MFA_SETUP)
                .session(verified.session()).challengeResponses(java.util.Map.of("USERNAME", username)))
                .authenticationResult();
    }
}
