package com.example.testapi.local.userpool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user does without being signed in, besides signing in: "Forgot your password?" ({@code ForgotPassword},
 * {@code ConfirmForgotPassword}) and "Create Account" ({@code SignUp}, {@code ConfirmSignUp},
 * {@code ResendConfirmationCode}), each as the template's pool answers it. Codes are "delivered" to the local cloud's
 * console and to {@link #delivered()}, where a test reads them.
 */
public final class SelfService {

    /** A code the pool sent: to whom, where (masked, as CodeDeliveryDetails shows it), and the code itself. */
    public record Delivery(String username, String medium, String destination, String code) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CODE_LIFETIME = Duration.ofHours(1); // "valid for one hour" (account recovery)
    private static final String NO_SIGN_UP = "SignUp is not permitted for this user pool.";

    private record Code(String code, Instant expires) {
    }

    private final UserPoolSettings settings;
    private final UserDirectory directory;
    private final Clock clock;
    private final Consumer<String> console;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> resetCodes = new ConcurrentHashMap<>();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    SelfService(UserPoolSettings settings, UserDirectory directory, Clock clock, Consumer<String> console) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
        this.console = console;
    }

    List<Delivery> delivered() {
        return List.copyOf(delivered);
    }

    ObjectNode forgotPassword(ObjectNode input) {
        UserPoolSettings.Client client = settings.client(input.path("ClientId").asText(null));
        String username = input.path("Username").asText("");
        if (settings.recoveryMechanisms().equals(List.of("admin_only"))) {
            throw new AwsError("NotAuthorizedException", "User password cannot be reset: the pool's account"
                    + " recovery is admin_only.");
        }
        Delivery delivery = directory.with(users -> {
            PoolUser user = users.get(username);
            if (user == null) {
                return null;
            }
            if (user.status == PoolUser.Status.FORCE_CHANGE_PASSWORD) {
                throw new AwsError("NotAuthorizedException", "User password cannot be reset in the current state.");
            }
            Delivery to = destination(user);
            resetCodes.put(username, new Code(to.code(), clock.instant().plus(CODE_LIFETIME)));
            return to;
        });
        if (delivery == null) {
            if (!client.preventUserExistenceErrors()) {
                throw new AwsError("UserNotFoundException", "Username/client id combination not found.");
            }
            // PreventUserExistenceErrors: an unknown user gets an answer shaped like a delivery, and nothing is sent.
            return details("EMAIL", "email", "u***@e***");
        }
        delivered.add(delivery);
        console.accept("code for " + username + " (ForgotPassword, " + delivery.medium() + " to "
                + delivery.destination() + "): " + delivery.code());
        return details(delivery.medium(), delivery.medium().equals("SMS") ? "phone_number" : "email",
                delivery.destination());
    }

    ObjectNode confirmForgotPassword(ObjectNode input) {
        settings.client(input.path("ClientId").asText(null));
        String username = input.path("Username").asText("");
        String password = input.path("Password").asText(null);
        Code code = resetCodes.get(username);
        if (code == null || !code.code().equals(input.path("ConfirmationCode").asText())) {
            throw new AwsError("CodeMismatchException", "Invalid verification code provided, please try again.");
        }
        if (!clock.instant().isBefore(code.expires())) {
            throw new AwsError("ExpiredCodeException", "Invalid code provided, please request a code again.");
        }
        settings.passwordPolicy().check(password); // a refused password keeps the code for another try
        directory.with(users -> {
            UserDirectory.require(users, username).setPassword(settings.poolId(), password,
                    PoolUser.Status.CONFIRMED, clock.instant());
            return null;
        });
        resetCodes.remove(username);
        return MAPPER.createObjectNode();
    }

    /** "Create Account": AllowAdminCreateUserOnly pools refuse it with Cognito's words; the local pool plays only those. */
    ObjectNode signUp(ObjectNode input) {
        settings.client(input.path("ClientId").asText(null));
        if (settings.adminCreateUserOnly()) {
            throw new AwsError("NotAuthorizedException", NO_SIGN_UP);
        }
        throw new AwsError("InvalidParameterException", "The local user pool plays AllowAdminCreateUserOnly pools"
                + " only: set it in template.yaml (see README, local cloud limits).");
    }

    /** ConfirmSignUp and ResendConfirmationCode: nobody signs up here, so no user awaits confirmation. */
    ObjectNode confirmSignUp(ObjectNode input) {
        signUp(input);
        return MAPPER.createObjectNode();
    }

    /** Where the pool's recovery setting sends the code: the first verified contact in its priority order. */
    private Delivery destination(PoolUser user) {
        for (String mechanism : settings.recoveryMechanisms()) {
            String attribute = mechanism.equals("verified_email") ? "email"
                    : mechanism.equals("verified_phone_number") ? "phone_number" : null;
            String value = attribute == null ? null : user.attributes.get(attribute);
            if (value != null && "true".equals(user.attributes.get(attribute + "_verified"))) {
                return new Delivery(user.username, attribute.equals("email") ? "EMAIL" : "SMS", mask(value),
                        String.format("%06d", random.nextInt(1_000_000)));
            }
        }
        throw new AwsError("InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number");
    }

    /** a***@e*** for an email, +*******1234 for a phone number, as CodeDeliveryDetails masks them. */
    private static String mask(String value) {
        int at = value.indexOf('@');
        return at > 0 ? value.charAt(0) + "***@" + value.charAt(at + 1) + "***"
                : "+*******" + value.substring(Math.max(0, value.length() - 4));
    }

    private static ObjectNode details(String medium, String attribute, String destination) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.putObject("CodeDeliveryDetails").put("Destination", destination).put("DeliveryMedium", medium)
                .put("AttributeName", attribute);
        return answer;
    }
}
