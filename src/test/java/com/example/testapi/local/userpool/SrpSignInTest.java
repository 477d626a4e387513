package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.TemplateCopy;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
/**
 * USER_SRP_AUTH, Amplify's default sign-in, through the AWS SDK with a test-side SRP client ({@link SrpClient}): tokens
 * for the right password, the password flow's refusal for a wrong one or an unknown user, a secret block used once,
 * the temporary password's challenge after SRP, and refusals of bad client values.
 */
class SrpSignInTest extends UserPoolCase {

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
        Map<String, String> challenge = srpChallenge(client, name);
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
    void srpRefusesBadClientValuesAndKeepsAnUnknownUsersSaltStable() {
        java.math.BigInteger n = CognitoSrp.N;
        for (String srpA : List.of("0", n.toString(16), n.shiftLeft(1).toString(16), "xyz", "1".repeat(5000))) {
            assertRefused(software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class,
                    "SRP_A is not a valid SRP value.", () -> sdk.initiateAuth(r -> r.clientId(clientId)
                            .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "x", "SRP_A", srpA))));
        }
        assertRefused(software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class,
                "Missing required parameter SRP_A", () -> sdk.initiateAuth(r -> r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "x"))));
        String a = new SrpClient().srpA();
        java.util.function.Supplier<String> salt = () -> sdk.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "ghost", "SRP_A", a)))
                .challengeParameters().get("SALT");
        assertEquals(salt.get(), salt.get(), "an unknown user's SALT does not change, as a real user's does not");
    }

    /** The template with a second app client, so that "another client" is a real one. */
    @Override
    Path template() throws IOException {
        return TemplateCopy.withSecondAppClient(Files.createTempDirectory("srp-template"));
    }

    @Test
    void aClaimAnsweredThroughAnotherAppClientIsRefused() {
        String name = newUser("claimant-client", "Claim-Str0ng-Passw0rd!");
        String otherClient = cloud.cloud.userPool().settings().clients().keySet().stream()
                .filter(id -> !id.equals(clientId)).findFirst().orElseThrow();
        SrpClient client = new SrpClient();
        Map<String, String> challenge = srpChallenge(client, name);
        Map<String, String> responses = client.respond(poolId, challenge, "Claim-Str0ng-Passw0rd!");
        // A real second client: an unknown id would be refused as such (ResourceNotFoundException) before any claim.
        assertRefused(NotAuthorizedException.class, "Invalid session for the user, session is expired.",
                () -> sdk.respondToAuthChallenge(r -> r.clientId(otherClient)
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(responses)));
        // The password was right: a sign-in through one client from start to end gets tokens.
        assertTrue(srpSignIn(name, "Claim-Str0ng-Passw0rd!").authenticationResult().idToken() != null);
    }

    @Test
    void aClaimWithAMisspelledTimestampIsRefused() {
        String name = newUser("claimant-timestamp", "Claim-Str0ng-Passw0rd!");
        SrpClient client = new SrpClient();
        Map<String, String> challenge = srpChallenge(client, name);
        // Signed as given, with the day zero-padded: "Fri Nov 07 …" where the clients write "Fri Nov 7 …".
        Map<String, String> responses = client.respond(poolId, challenge, "Claim-Str0ng-Passw0rd!",
                "Fri Nov 07 10:00:00 UTC 2025");
        assertRefused(NotAuthorizedException.class, "Incorrect username or password.",
                () -> sdk.respondToAuthChallenge(r -> r.clientId(clientId)
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(responses)));
    }
}
