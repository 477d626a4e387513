package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * "Forgot your password?" and "Create Account" as the template's pool answers them, through the AWS SDK: the code
 * delivered to the verified email, its one use, its five tries, an unknown user not revealed; contact verification;
 * sign-up refused with Cognito's words.
 */
class SelfServiceTest extends UserPoolCase {

    @Test
    void forgotPasswordDeliversACodeThatSetsANewPassword() {
        String name = newUser("forgetful", "Old-Str0ng-Passw0rd!");
        CodeDeliveryDetailsType details = sdk.forgotPassword(r -> r.clientId(clientId).username(name))
                .codeDeliveryDetails();
        assertEquals("f***@e***", details.destination());
        assertEquals("EMAIL", details.deliveryMediumAsString());
        assertEquals("email", details.attributeName());
        Outbox.Delivery delivery = cloud.cloud.userPool().deliveredCodes().stream()
                .filter(d -> d.username().equals(name)).reduce((a, b) -> b).orElseThrow();
        synchronized (cloud.log) {
            assertTrue(cloud.log.stream().anyMatch(line -> line.contains(delivery.code()) && line.contains(name)),
                    "the code is on the local cloud's console");
        }

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

    /**
     * Five wrong tries answer CodeMismatchException, then the code is used up: every try, the right code too, hears
     * LimitExceededException (as reported of Cognito: aws-amplify/amplify-ui-android#180; the manual's ledger).
     */
    @Test
    void aResetCodeTakesFiveWrongTriesAtMost() {
        String name = newUser("guesser", "Old-Str0ng-Passw0rd!");
        String code = resetCode(name);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThrows(CodeMismatchException.class, () -> confirm(name, wrong));
        }
        assertRefused(LimitExceededException.class, "Attempt limit exceeded, please try after some time.",
                () -> confirm(name, wrong));
        assertRefused(LimitExceededException.class, "Attempt limit exceeded, please try after some time.",
                () -> confirm(name, code));
        srpSignIn(name, "Old-Str0ng-Passw0rd!"); // the password did not change
    }

    /** Guesses sent at once each count: twenty of them use the code up, and the right code is then refused. */
    @Test
    void parallelGuessesEachCount() throws Exception {
        String name = newUser("racer", "Old-Str0ng-Passw0rd!");
        String code = resetCode(name);
        List<String> guesses = IntStream.range(0, 20).mapToObj(i -> String.format("%06d", (Integer.parseInt(code) + 1
                + i) % 1_000_000)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (String guess : guesses) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        confirm(name, guess);
                        return "accepted";
                    } catch (CognitoIdentityProviderException e) {
                        return e.awsErrorDetails().errorCode();
                    }
                }));
            }
            start.countDown();
            Map<String, Long> counts = new TreeMap<>();
            for (Future<String> answer : answers) {
                counts.merge(answer.get(30, TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertEquals(Map.of("CodeMismatchException", 5L, "LimitExceededException", 15L), counts);
        } finally {
            pool.shutdownNow();
        }
        assertRefused(LimitExceededException.class, "Attempt limit exceeded, please try after some time.",
                () -> confirm(name, code));
    }

    private String resetCode(String name) {
        sdk.forgotPassword(r -> r.clientId(clientId).username(name));
        return cloud.cloud.userPool().deliveredCodes().stream().filter(d -> d.username().equals(name))
                .reduce((a, b) -> b).orElseThrow().code();
    }

    private void confirm(String name, String code) {
        sdk.confirmForgotPassword(r -> r.clientId(clientId).username(name).confirmationCode(code)
                .password("New-Str0ng-Passw0rd!"));
    }

    /** Amplify v5's "verify your contact" step, for a user whose email is not verified yet. */
    @Test
    void aContactIsVerifiedWithTheCodeSentToIt() {
        sdk.adminCreateUser(r -> r.userPoolId(poolId).username("unverified").temporaryPassword("Temp-Str0ng-Passw0rd!")
                .userAttributes(AttributeType.builder().name("email").value("unverified@example.com").build()));
        sdk.adminSetUserPassword(r -> r.userPoolId(poolId).username("unverified").password("Own-Str0ng-Passw0rd!")
                .permanent(true));
        String access = passwordSignIn("unverified", "Own-Str0ng-Passw0rd!").accessToken();
        assertEquals("u***@e***", sdk.getUserAttributeVerificationCode(r -> r.accessToken(access).attributeName("email"))
                .codeDeliveryDetails().destination());
        String code = cloud.cloud.userPool().deliveredCodes().stream().filter(d -> d.username().equals("unverified"))
                .reduce((a, b) -> b).orElseThrow().code();
        sdk.verifyUserAttribute(r -> r.accessToken(access).attributeName("email").code(code));
        assertTrue(sdk.getUser(r -> r.accessToken(access)).userAttributes()
                .contains(AttributeType.builder().name("email_verified").value("true").build()));
    }

    @Test
    void confirmSignUpAndResendFindNoUserAwaitingConfirmation() {
        newUser("settled", "Settled-Str0ng-Passw0rd!");
        assertRefused(NotAuthorizedException.class, "User cannot be confirmed. Current status is CONFIRMED",
                () -> sdk.confirmSignUp(r -> r.clientId(clientId).username("settled").confirmationCode("123456")));
        assertRefused(software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException.class,
                "User is already confirmed.", () -> sdk.resendConfirmationCode(r -> r.clientId(clientId)
                        .username("settled")));
        assertThrows(CodeMismatchException.class, () -> sdk.confirmSignUp(r -> r.clientId(clientId)
                .username("nobody-at-all").confirmationCode("123456")), "an unknown user is not revealed");
    }

    @Test
    void signUpIsRefusedAsAnAdminOnlyPoolRefusesIt() {
        assertRefused(NotAuthorizedException.class, "SignUp is not permitted for this user pool",
                () -> sdk.signUp(r -> r.clientId(clientId).username("walk-in").password("Walk-In-Str0ng-Passw0rd!")));
    }
}
