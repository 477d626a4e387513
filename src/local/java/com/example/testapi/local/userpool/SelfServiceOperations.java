package com.example.testapi.local.userpool;

import java.time.Clock;
import java.util.List;

import com.example.testapi.local.awsjson.Input;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user does without being signed in, besides signing in: "Forgot your password?" ({@code ForgotPassword},
 * {@code ConfirmForgotPassword}) and "Create Account" ({@code SignUp}, {@code ConfirmSignUp},
 * {@code ResendConfirmationCode}), each as the template's pool answers it. Codes go through the {@link Outbox}.
 */
final class SelfServiceOperations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RESET = "ForgotPassword";
    /**
     * Requests and entries of a reset code, together, per user per hour. The developer guide: "In a given hour, we
     * allow between 5 and 20 attempts for a user to request or enter a password reset code" (Forgot password
     * behavior). 10, the middle: a user who mistypes still has a resend and several tries, while a guesser gets at
     * most nine codes of a million an hour, some six years on average to find one.
     */
    static final int RESET_ATTEMPTS_PER_HOUR = 10;

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final Outbox outbox;
    private final HourlyQuota resetAttempts;

    SelfServiceOperations(UserPoolSettings settings, UserDirectory directory, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.outbox = outbox;
        this.resetAttempts = new HourlyQuota(clock, RESET_ATTEMPTS_PER_HOUR);
    }

    ObjectNode forgotPassword(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        String username = input.text("Username");
        if (settings.recoveryMechanisms().equals(List.of("admin_only"))) {
            throw CognitoErrors.notAuthorized("User password cannot be reset: the pool's account recovery is"
                    + " admin_only.");
        }
        resetAttempts.spend(username); // a name that is no user too: the quota tells none apart
        PoolUser user = directory.find(username).orElse(null);
        if (user != null) {
            if (user.status() == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
                throw CognitoErrors.notAuthorized("User password cannot be reset in the current state.");
            }
            String attribute = recoveryAttribute(user);
            return Outbox.details(outbox.send(username, RESET, attribute, user.attributes().get(attribute)));
        }
        if (!client.preventUserExistenceErrors()) {
            throw CognitoErrors.userNotFoundForClient();
        }
        // PreventUserExistenceErrors: an unknown user gets an answer shaped like a delivery, and nothing is sent.
        return outbox.simulatedDelivery(username);
    }

    ObjectNode confirmForgotPassword(Input input) {
        settings.client(input.text("ClientId"));
        String username = input.text("Username");
        String password = input.text("Password");
        settings.passwordPolicy().check(password); // before the code is used: a refused password keeps it
        resetAttempts.spend(username);
        outbox.redeem(username, RESET, input.text("ConfirmationCode"));
        directory.setPassword(username, password, PoolUser.Status.CONFIRMED);
        return MAPPER.createObjectNode();
    }

    /** "Create Account": AllowAdminCreateUserOnly pools refuse it with Cognito's words; the local pool plays only those. */
    ObjectNode signUp(Input input) {
        settings.client(input.text("ClientId"));
        if (!settings.adminCreateUserOnly()) {
            throw CognitoErrors.invalidParameter("The local user pool plays AllowAdminCreateUserOnly pools only: set"
                    + " it in template.yaml (see docs/local-cloud.md).");
        }
        throw CognitoErrors.notAuthorized("SignUp is not permitted for this user pool");
    }

    /** Nobody signs up here, so no user awaits confirmation: an existing one is confirmed, or an admin's to make. */
    ObjectNode confirmSignUp(Input input) {
        PoolUser user = confirmedUser(input);
        throw CognitoErrors.notAuthorized("User cannot be confirmed. Current status is " + user.status());
    }

    /**
     * Nobody awaits confirmation here: a user is already confirmed (InvalidParameterException, as Cognito answers),
     * and a name that is no user hears of a simulated delivery where the client hides which users exist (the
     * developer guide, "Managing user existence error responses").
     */
    ObjectNode resendConfirmationCode(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        String username = input.text("Username");
        if (directory.find(username).isEmpty()) {
            if (!client.preventUserExistenceErrors()) {
                throw CognitoErrors.userNotFoundForClient();
            }
            return outbox.simulatedDelivery(username);
        }
        throw CognitoErrors.invalidParameter("User is already confirmed.");
    }

    private PoolUser confirmedUser(Input input) {
        UserPoolSettings.Client client = settings.client(input.text("ClientId"));
        PoolUser user = directory.find(input.text("Username")).orElse(null);
        if (user == null) {
            throw client.preventUserExistenceErrors() ? CognitoErrors.codeMismatch()
                    : CognitoErrors.userNotFoundForClient();
        }
        return user;
    }

    /** The attribute the pool's recovery setting sends the code to: the first verified contact in its order. */
    private String recoveryAttribute(PoolUser user) {
        for (String mechanism : settings.recoveryMechanisms()) {
            String attribute = mechanism.equals("verified_email") ? "email"
                    : mechanism.equals("verified_phone_number") ? "phone_number" : null;
            if (attribute != null && user.attributes().get(attribute) != null
                    && "true".equals(user.attributes().get(attribute + "_verified"))) {
                return attribute;
            }
        }
        throw CognitoErrors.invalidParameter(
                "Cannot reset password for the user as there is no registered/verified email or phone_number");
    }
}
