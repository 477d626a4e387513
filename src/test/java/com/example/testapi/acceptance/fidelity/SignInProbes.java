package com.example.testapi.acceptance.fidelity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.example.testapi.client.CognitoClients;
import com.example.testapi.client.StackOutputs;
import com.example.testapi.support.SignedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The probes of the user pool's protections: the lockout's answer, a reset code's wrong tries, an admin call
 * signed with a key nobody issued, and bodies that break the service model's constraints. Each user it makes is its own and deleted afterwards.
 */
final class SignInProbes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProbeTarget target;
    private final StackOutputs stack;

    SignInProbes(ProbeTarget target) {
        this.target = target;
        this.stack = target.stack();
    }

    Observation observe(Row row) {
        return switch (row) {
            case LOCKOUT_ANSWER -> lockout(row);
            case RESET_CODE_TRIES -> codeTries(row);
            case ADMIN_UNKNOWN_KEY -> unknownKey(row);
            case INPUT_VALIDATION -> inputValidation(row);
            default -> throw new IllegalArgumentException(row + " is not a sign-in probe");
        };
    }

    private Observation lockout(Row row) {
        String[] user = target.newUser("ReadOnlyAccess");
        for (int i = 0; i < 5; i++) {
            String wrong = "Wrong-Probe-Passw0rd-" + i;
            errorOf(() -> signIn(user[0], wrong));
        }
        Map<String, String> sixth = errorOf(() -> signIn(user[0], user[1]));
        return Observation.of(row, Map.of("error", sixth.get("error"), "message", sixth.get("message")));
    }

    private Observation codeTries(Row row) {
        String username = "fidelity-probe-" + UUID.randomUUID();
        CognitoIdentityProviderClient pool = target.userPool();
        pool.adminCreateUser(r -> r.userPoolId(stack.userPoolId()).username(username).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        try {
            pool.adminSetUserPassword(r -> r.userPoolId(stack.userPoolId()).username(username)
                    .password("Probe-" + UUID.randomUUID() + "-Aa1!").permanent(true));
            pool.forgotPassword(r -> r.clientId(stack.userPoolClientId()).username(username));
            StringBuilder first = new StringBuilder();
            StringBuilder later = new StringBuilder();
            for (int i = 1; i <= 7; i++) {
                String code = String.format("%06d", 100000 + i); // wrong, but for a one-in-a-million chance
                String error = errorOf(() -> pool.confirmForgotPassword(r -> r.clientId(stack.userPoolClientId())
                        .username(username).confirmationCode(code).password("Probe-New-Str0ng-Passw0rd!")))
                        .get("error");
                StringBuilder into = i <= 5 ? first : later;
                if (into.indexOf(error) < 0) {
                    into.append(into.length() == 0 ? "" : ", ").append(error);
                }
            }
            return Observation.of(row, Map.of("tries1to5", first.toString(), "tries6and7", later.toString()));
        } finally {
            pool.adminDeleteUser(r -> r.userPoolId(stack.userPoolId()).username(username));
        }
    }

    private Observation unknownKey(Row row) {
        try (CognitoIdentityProviderClient stranger = CognitoClients.userPool(stack, AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))) {
            stranger.listUsers(r -> r.userPoolId(stack.userPoolId()));
            return Observation.of(row, Map.of("error", "(none: the call succeeded)"));
        } catch (AwsServiceException e) {
            return Observation.of(row, Map.of("status", String.valueOf(e.statusCode()),
                    "error", e.awsErrorDetails().errorCode(), "message", e.awsErrorDetails().errorMessage()));
        }
    }

    /**
     * What the user pool answers bodies no SDK sends, raw over HTTP (an open operation: no signature). The missing and
     * the long name are seen by their messages, the number by its error type.
     */
    private Observation inputValidation(Row row) {
        URI endpoint = stack.cognitoIdpEndpoint() != null ? stack.cognitoIdpEndpoint()
                : URI.create("https://cognito-idp." + stack.region() + ".amazonaws.com/");
        String client = "\"ClientId\":\"" + stack.userPoolClientId() + "\"";
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("missing", post(endpoint, "ForgotPassword", "{" + client + "}").path("message").asText());
        facts.put("tooLong", post(endpoint, "ForgotPassword", "{" + client + ",\"Username\":\"" + "p".repeat(129) + "\"}")
                .path("message").asText());
        facts.put("number", post(endpoint, "ForgotPassword", "{" + client + ",\"Username\":42}").path("__type")
                .asText().replaceFirst(".*#", ""));
        facts.put("longAuthUsername", post(endpoint, "InitiateAuth", "{" + client + ",\"AuthFlow\":"
                + "\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + "p".repeat(129) + "\",\"PASSWORD\":"
                + "\"Probe-Passw0rd!\"}}").path("__type").asText().replaceFirst(".*#", ""));
        return Observation.of(row, facts);
    }

    private static JsonNode post(URI endpoint, String operation, String body) {
        HttpResponse<String> answer = SignedHttp.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        try {
            return MAPPER.readTree(answer.body());
        } catch (IOException e) {
            return MAPPER.createObjectNode().put("message", "(not JSON: " + answer.body() + ")");
        }
    }

    private void signIn(String username, String password) {
        target.userPool().initiateAuth(r -> r.clientId(stack.userPoolClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    /** The error a call ends in: its code and message, or "(none)" when it succeeded. */
    static Map<String, String> errorOf(Runnable call) {
        Map<String, String> error = new LinkedHashMap<>();
        try {
            call.run();
            error.put("error", "(none)");
            error.put("message", "(none)");
        } catch (AwsServiceException e) {
            error.put("error", e.awsErrorDetails().errorCode());
            error.put("message", e.awsErrorDetails().errorMessage());
        }
        return error;
    }
}
