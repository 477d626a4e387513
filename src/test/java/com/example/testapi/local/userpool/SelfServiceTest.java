package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
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

    @Test
    void aResetCodeTakesFiveWrongTriesAtMost() {
        String name = newUser("guesser", "Old-Str0ng-Passw0rd!");
        sdk.forgotPassword(r -> r.clientId(clientId).username(name));
        String code = cloud.cloud.userPool().deliveredCodes().stream().filter(d -> d.username().equals(name))
                .reduce((a, b) -> b).orElseThrow().code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThrows(CodeMismatchException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                    .username(name).confirmationCode(wrong).password("New-Str0ng-Passw0rd!")));
        }
        assertRefused(software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException.class,
                "Attempt limit exceeded, please try after some time.", () -> sdk.confirmForgotPassword(r -> r
                        .clientId(clientId).username(name).confirmationCode(wrong).password("New-Str0ng-Passw0rd!")));
        assertThrows(CodeMismatchException.class, () -> sdk.confirmForgotPassword(r -> r.clientId(clientId)
                .username(name).confirmationCode(code).password("New-Str0ng-Passw0rd!")), "the code is gone");
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
