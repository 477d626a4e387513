package com.example.testapi.acceptance.fidelity;

import java.time.Instant;
import java.util.Map;

import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.TotpCodes;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;

/**
 * The probes of TOTP sign-in: each makes a ReadOnlyAccess user of its own (deleted when the target closes), sets
 * their TOTP up with their own access token, and answers the challenge with codes the test computes (RFC 6238) from
 * the secret Cognito returned. Steps are chosen so that no two answers share a 30-second step by accident.
 */
final class TotpProbes {

    private final ProbeTarget target;
    private final StackOutputs stack;

    TotpProbes(ProbeTarget target) {
        this.target = target;
        this.stack = target.stack();
    }

    Observation observe(Row row) {
        String[] user = target.newUser("ReadOnlyAccess");
        String access = passwordSignIn(user).authenticationResult().accessToken();
        CognitoIdentityProviderClient pool = target.userPool();
        String secret = pool.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        if (row == Row.TOTP_VERIFY_WRONG_CODE) {
            return Observation.of(row, errorOf(() -> pool.verifySoftwareToken(r -> r.accessToken(access)
                    .userCode(TotpCodes.wrong(code(secret, 0))))));
        }
        if (row == Row.TOTP_DRIFT) {
            // The first code this secret ever sees, from the step before now: what a phone 30 s behind shows.
            return Observation.of(row, Map.of("previousStep", errorOf(() -> pool.verifySoftwareToken(r -> r
                    .accessToken(access).userCode(code(secret, -1)))).get("error").equals("(none)") ? "accepted"
                            : "refused"));
        }
        pool.verifySoftwareToken(r -> r.accessToken(access).userCode(code(secret, 0)));
        pool.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
        return switch (row) {
            case TOTP_WRONG_CODE -> Observation.of(row, errorOf(() -> answer(user,
                    TotpCodes.wrong(code(secret, 1)))));
            case TOTP_CODE_REUSED -> {
                String next = code(secret, 1);
                answer(user, next);
                yield Observation.of(row, errorOf(() -> answer(user, next)));
            }
            case TOTP_WRONG_CODE_LOCKOUT -> {
                for (int i = 0; i < 5; i++) {
                    errorOf(() -> answer(user, TotpCodes.wrong(code(secret, 1))));
                }
                yield Observation.of(row, errorOf(() -> answer(user, code(secret, 1))));
            }
            case TOTP_PENDING_ASSOCIATION -> pendingAssociation(row, user, secret);
            default -> throw new IllegalArgumentException(row + " is not a TOTP probe");
        };
    }

    /** A new association left unverified: does the password alone sign in, and is TOTP still listed? */
    private Observation pendingAssociation(Row row, String[] user, String secret) {
        String session = passwordSignIn(user).session();
        String access = target.userPool().respondToAuthChallenge(r -> r.clientId(stack.userPoolClientId())
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(session)
                .challengeResponses(Map.of("USERNAME", user[0], "SOFTWARE_TOKEN_MFA_CODE", code(secret, 1))))
                .authenticationResult().accessToken();
        target.userPool().associateSoftwareToken(r -> r.accessToken(access));
        var next = passwordSignIn(user);
        String listed = String.join(",", target.userPool().getUser(r -> r.accessToken(access)).userMFASettingList());
        return Observation.of(row, Map.of("signIn", next.challengeName() == null ? "tokens"
                : next.challengeNameAsString(), "listed", listed.isEmpty() ? "none" : listed));
    }

    private software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse passwordSignIn(
            String[] user) {
        return target.userPool().initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user[0], "PASSWORD", user[1])));
    }

    /** A fresh sign-in whose SOFTWARE_TOKEN_MFA challenge is answered with {@code code}. */
    private void answer(String[] user, String code) {
        String session = passwordSignIn(user).session();
        target.userPool().respondToAuthChallenge(r -> r.clientId(stack.userPoolClientId())
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(session)
                .challengeResponses(Map.of("USERNAME", user[0], "SOFTWARE_TOKEN_MFA_CODE", code)));
    }

    /** The code {@code steps} 30-second steps from now. */
    private static String code(String secret, int steps) {
        return TotpCodes.at(secret, Instant.now().plusSeconds(30L * steps));
    }


    private static Map<String, String> errorOf(Runnable call) {
        return SignInProbes.errorOf(call);
    }
}
