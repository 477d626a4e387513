package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

/**
 * Cognito's per-user quotas that guard a secret, through the AWS SDK on a frozen clock: a reset code's requests and
 * entries share 10 attempts a user an hour (the developer guide: "between 5 and 20"), unknown names alike;
 * ChangePassword takes 5 calls a user an hour (the quotas page). And what a name that is no user hears instead of a
 * delivery: a destination of the form a real one has, the same at every ask.
 */
class PerUserQuotasTest extends UserPoolCase {

    private static final String LIMIT = "LimitExceededException";

    @BeforeEach
    void freezeTime() {
        cloud.clock.freeze();
    }

    /** The error code of a call, or "ok". */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private String forgot(String name) {
        return outcome(() -> sdk.forgotPassword(r -> r.clientId(clientId).username(name)));
    }

    private String confirm(String name, String code) {
        return outcome(() -> sdk.confirmForgotPassword(r -> r.clientId(clientId).username(name)
                .confirmationCode(code).password("New-Str0ng-Passw0rd!")));
    }

    @Test
    void resetRequestsAndEntriesShareTenAttemptsAnHourKnownOrNot() {
        String name = newUser("resetter", "Old-Str0ng-Passw0rd!");
        for (String who : List.of(name, "nobody-resets")) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // a request and two wrong codes, four times: twelve attempts
                answers.add(forgot(who));
                answers.add(confirm(who, "000000"));
                answers.add(confirm(who, "000001"));
            }
            assertEquals(List.of("ok", "CodeMismatchException", "CodeMismatchException"), answers.subList(0, 3), who);
            assertEquals(List.of(LIMIT, LIMIT), answers.subList(10, 12), who + ": the 11th and 12th");
            assertTrue(answers.subList(0, 10).stream().noneMatch(LIMIT::equals), who + ": ten within the hour");
        }
        cloud.clock.advance(Duration.ofHours(1));
        assertEquals("ok", forgot(name), "a new hour");
    }

    @Test
    void aContactsVerificationCodeSharesTheSameBudget() {
        String name = newUser("verifier", "Verifier-Str0ng-Passw0rd!");
        String token = passwordSignIn(name, "Verifier-Str0ng-Passw0rd!").accessToken();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // a send and two wrong codes, four times
            answers.add(outcome(() -> sdk.getUserAttributeVerificationCode(r -> r.accessToken(token)
                    .attributeName("email"))));
            for (String code : List.of("000000", "000001")) {
                answers.add(outcome(() -> sdk.verifyUserAttribute(r -> r.accessToken(token).attributeName("email")
                        .code(code))));
            }
        }
        assertTrue(answers.subList(0, 10).stream().noneMatch(LIMIT::equals), answers::toString);
        assertEquals(List.of(LIMIT, LIMIT), answers.subList(10, 12));
    }

    @Test
    void changePasswordTakesFiveCallsAnHour() {
        String name = newUser("changer", "Changer-Str0ng-Passw0rd!");
        String token = passwordSignIn(name, "Changer-Str0ng-Passw0rd!").accessToken();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(outcome(() -> sdk.changePassword(r -> r.accessToken(token)
                    .previousPassword("Wrong-Guess-Passw0rd!").proposedPassword("Next-Str0ng-Passw0rd!"))));
        }
        assertEquals(List.of("NotAuthorizedException", "NotAuthorizedException", "NotAuthorizedException",
                "NotAuthorizedException", "NotAuthorizedException", LIMIT), answers,
                "no unlimited oracle of the current password");
        assertEquals(LIMIT, outcome(() -> sdk.changePassword(r -> r.accessToken(token)
                .previousPassword("Changer-Str0ng-Passw0rd!").proposedPassword("Next-Str0ng-Passw0rd!"))));
        cloud.clock.advance(Duration.ofHours(1));
        String fresh = passwordSignIn(name, "Changer-Str0ng-Passw0rd!").accessToken();
        assertEquals("ok", outcome(() -> sdk.changePassword(r -> r.accessToken(fresh)
                .previousPassword("Changer-Str0ng-Passw0rd!").proposedPassword("Next-Str0ng-Passw0rd!"))));
    }

    @Test
    void aNameThatIsNoUserHearsOfADeliveryShapedLikeAUsers() {
        String known = sdk.forgotPassword(r -> r.clientId(clientId).username(newUser("shaped", "Shaped-Str0ng-P4ss!")))
                .codeDeliveryDetails().destination();
        String unknown = sdk.forgotPassword(r -> r.clientId(clientId).username("unshaped")).codeDeliveryDetails()
                .destination();
        assertTrue(known.matches("[a-z0-9]\\*\\*\\*@[a-z]\\*\\*\\*"), known);
        assertTrue(unknown.matches("u\\*\\*\\*@[a-z]\\*\\*\\*"), unknown);
        assertEquals(unknown, sdk.forgotPassword(r -> r.clientId(clientId).username("unshaped"))
                .codeDeliveryDetails().destination(), "the same at every ask");
        assertEquals(unknown, sdk.resendConfirmationCode(r -> r.clientId(clientId).username("unshaped"))
                .codeDeliveryDetails().destination(), "ResendConfirmationCode: a simulated delivery too");
        assertThrows(InvalidParameterException.class, () -> sdk.resendConfirmationCode(r -> r.clientId(clientId)
                .username("shaped")), "a confirmed user: User is already confirmed. (as Cognito says)");
    }
}
