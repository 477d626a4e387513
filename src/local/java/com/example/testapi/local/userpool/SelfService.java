package com.example.testapi.local.userpool;

import java.time.Clock;
import java.util.List;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user does without being signed in, besides signing in: "Forgot your password?" ({@code ForgotPassword},
 * {@code ConfirmForgotPassword}) and "Create Account" ({@code SignUp}, {@code ConfirmSignUp},
 * {@code ResendConfirmationCode}), each as the template's pool answers it. Codes go through the {@link Outbox}.
 */
public final class SelfService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RESET = "ForgotPassword";

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final Outbox outbox;
    private final Clock clock;

    SelfService(UserPoolSettings settings, UserDirectory directory, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    ObjectNode forgotPassword(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        String username = input.path("Username").asText("");
        if (settings.recoveryMechanisms().equals(List.of("admin_only"))) {
            throw new AwsError("NotAuthorizedException", "User password cannot be reset: the pool's account"
                    + " recovery is admin_only.");
        }
        Outbox.Delivery delivery = directory.with(users -> {
            PoolUser user = users.get(username);
            if (user == null) {
                return null;
            }
            if (user.status == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
                throw new AwsError("NotAuthorizedException", "User password cannot be reset in the current state.");
            }
            String attribute = recoveryAttribute(user);
            return outbox.send(username, RESET, attribute, user.attributes.get(attribute));
        });
        if (delivery != null) {
            return Outbox.details(delivery);
        }
        if (!client.preventUserExistenceErrors()) {
            throw new AwsError("UserNotFoundException", "Username/client id combination not found.");
        }
        // PreventUserExistenceErrors: an unknown user gets an answer shaped like a delivery, and nothing is sent.
        return Outbox.details("EMAIL", Outbox.mask(username + "@" + Integer.toHexString(username.hashCode())));
    }

    ObjectNode confirmForgotPassword(ObjectNode input) {
        settings.client(input.path("ClientId").asText(null));
        String username = input.path("Username").asText("");
        String password = input.path("Password").asText(null);
        settings.passwordPolicy().check(password); // before the code is used: a refused password keeps it
        outbox.redeem(username, RESET, input.path("ConfirmationCode").asText(""));
        directory.with(users -> {
            UserDirectory.require(users, username).setPassword(settings.poolId(), password,
                    PoolUser.Status.CONFIRMED, clock.instant());
            return null;
        });
        return MAPPER.createObjectNode();
    }

    /** "Create Account": AllowAdminCreateUserOnly pools refuse it with Cognito's words; the local pool plays only those. */
    ObjectNode signUp(ObjectNode input) {
        settings.client(input.path("ClientId").asText(null));
        if (!settings.adminCreateUserOnly()) {
            throw new AwsError("InvalidParameterException", "The local user pool plays AllowAdminCreateUserOnly pools"
                    + " only: set it in template.yaml (see docs/local-cloud.md).");
        }
        throw new AwsError("NotAuthorizedException", "SignUp is not permitted for this user pool");
    }

    /** Nobody signs up here, so no user awaits confirmation: an existing one is confirmed, or an admin's to make. */
    ObjectNode confirmSignUp(ObjectNode input) {
        PoolUser user = signUpUser(input);
        throw new AwsError("NotAuthorizedException", "User cannot be confirmed. Current status is " + user.status);
    }

    ObjectNode resendConfirmationCode(ObjectNode input) {
        signUpUser(input);
        throw new AwsError("InvalidParameterException", "User is already confirmed.");
    }

    private PoolUser signUpUser(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        PoolUser user = directory.with(users -> users.get(input.path("Username").asText("")));
        if (user == null) {
            throw client.preventUserExistenceErrors()
                    ? new AwsError("CodeMismatchException", "Invalid verification code provided, please try again.")
                    : new AwsError("UserNotFoundException", "Username/client id combination not found.");
        }
        return user;
    }

    /** The attribute the pool's recovery setting sends the code to: the first verified contact in its order. */
    private String recoveryAttribute(PoolUser user) {
        for (String mechanism : settings.recoveryMechanisms()) {
            String attribute = mechanism.equals("verified_email") ? "email"
                    : mechanism.equals("verified_phone_number") ? "phone_number" : null;
            if (attribute != null && user.attributes.get(attribute) != null
                    && "true".equals(user.attributes.get(attribute + "_verified"))) {
                return attribute;
            }
        }
        throw new AwsError("InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number");
    }
}
