package com.example.testapi.local.userpool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pre-token-generation trigger's V1_0 event as the developer guide documents it ("Pre token generation Lambda
 * trigger": version, triggerSource, region, userPoolId, userName, callerContext, request.userAttributes,
 * request.groupConfiguration, response.claimsOverrideDetails null), and what its answer may change: the ID token's
 * groups, roles and preferred role ({@code groupOverrideDetails} replaces all three) and its other claims
 * ({@code claimsToAddOrOverride}, {@code claimsToSuppress}), never the claims Cognito keeps for itself. A failed or
 * unreadable answer fails the sign-in with {@code UserLambdaValidationException}, as Cognito does.
 */
final class PreTokenGeneration {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The claims the guide says a trigger cannot change. */
    static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "auth_time", "azp", "exp", "iat", "identities",
            "iss", "sub", "token_use", "nonce", "at_hash", "cognito:username", "origin_jti", "event_id", "jti",
            "cognito:groups", "cognito:roles", "cognito:preferred_role");

    /** What the ID token will say of the user's groups, and the claims the trigger added or removed. */
    record IdTokenClaims(List<String> groups, List<String> roles, String preferredRole, ObjectNode added,
            List<String> suppressed) {
    }

    /**
     * Cognito waits this long for a trigger, whatever the function's own timeout ("Customizing user pool workflows
     * with Lambda triggers": "Amazon Cognito invokes Lambda functions synchronously ... the function must respond
     * within 5 seconds"); a later answer fails the sign-in.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    /**
     * Where invocations wait, so that the sign-in's thread can stop waiting at the limit: as many as the user pool's
     * own threads can ask for at once, and no more (one that gave up still holds its thread until it returns).
     */
    private static final ExecutorService INVOKER = Executors.newFixedThreadPool(32, runnable -> {
        Thread thread = new Thread(runnable, "pre-token-generation");
        thread.setDaemon(true);
        return thread;
    });

    private final UserPoolSettings settings;
    private final TokenTrigger trigger;

    PreTokenGeneration(UserPoolSettings settings, TokenTrigger trigger) {
        this.settings = settings;
        this.trigger = trigger;
    }

    /** Invokes the trigger for {@code source} and returns what the ID token will carry. */
    IdTokenClaims apply(String source, PoolUser user, String clientId, IdTokenClaims proposed) {
        ObjectNode event = MAPPER.createObjectNode().put("version", "1").put("triggerSource", source)
                .put("region", settings.region()).put("userPoolId", settings.poolId())
                .put("userName", user.username());
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", clientId);
        ObjectNode request = event.putObject("request");
        ObjectNode attributes = request.putObject("userAttributes");
        user.attributes().forEach(attributes::put);
        attributes.put("cognito:user_status", user.status().name());
        ObjectNode groups = request.putObject("groupConfiguration");
        proposed.groups().forEach(groups.putArray("groupsToOverride")::add);
        proposed.roles().forEach(groups.putArray("iamRolesToOverride")::add);
        groups.put("preferredRole", proposed.preferredRole());
        event.putObject("response").putNull("claimsOverrideDetails");
        JsonNode answer;
        Future<JsonNode> invocation = INVOKER.submit(() -> trigger.invoke(event));
        try {
            answer = invocation.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            invocation.cancel(true);
            throw failure("TimeoutError: the trigger did not answer within " + TIME_LIMIT.toSeconds() + " s");
        } catch (ExecutionException failed) {
            throw failure(failed.getCause().getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
        return read(answer.path("response").path("claimsOverrideDetails"), proposed);
    }

    private static IdTokenClaims read(JsonNode details, IdTokenClaims proposed) {
        if (details.isMissingNode() || details.isNull()) {
            return proposed;
        }
        if (!details.isObject()) {
            throw failure("claimsOverrideDetails must be an object");
        }
        JsonNode override = details.path("groupOverrideDetails");
        IdTokenClaims result = proposed;
        if (override.isObject()) {
            JsonNode preferred = override.path("preferredRole");
            result = new IdTokenClaims(strings(override.path("groupsToOverride")),
                    strings(override.path("iamRolesToOverride")), preferred.isTextual() ? preferred.asText() : null,
                    proposed.added(), proposed.suppressed());
        }
        ObjectNode added = MAPPER.createObjectNode();
        details.path("claimsToAddOrOverride").fields().forEachRemaining(claim -> {
            if (!RESERVED.contains(claim.getKey())) {
                added.put(claim.getKey(), claim.getValue().asText());
            }
        });
        List<String> suppressed = strings(details.path("claimsToSuppress")).stream()
                .filter(claim -> !RESERVED.contains(claim)).toList();
        return new IdTokenClaims(result.groups(), result.roles(), result.preferredRole(), added, suppressed);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array instanceof ArrayNode list) {
            list.forEach(value -> values.add(value.asText()));
        }
        return List.copyOf(values);
    }

    private static AwsError failure(String why) {
        return new AwsError("UserLambdaValidationException", "PreTokenGeneration failed with error " + why + ".");
    }
}
