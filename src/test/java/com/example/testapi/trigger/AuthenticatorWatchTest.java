package com.example.testapi.trigger;

import static com.example.testapi.local.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authenticator watch as Lambda runs it (its public constructor, the environment the template gives it, its
 * stream handler), reading a local user pool through the AWS SDK as it reads Cognito: a verified authenticator of an
 * Admins member writes the line the template's metric filter counts; anyone else's a plain line; a record it cannot
 * place, or a pool it cannot reach, the alert with the reason.
 */
class AuthenticatorWatchTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TestCloud cloud;

    @BeforeAll
    static void start() throws IOException {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** The function's environment: the pool's id and endpoint, and a key the local pool trusts. */
    private static Map<String, String> environment(String endpoint) {
        return Map.of("AWS_REGION", TestCloud.REGION, "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "USER_POOL_ID", cloud.cloud.outputs().get("UserPoolId"),
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", endpoint);
    }

    private static JsonNode watch(Map<String, String> environment, String sub) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new AuthenticatorWatch(environment, new PrintStream(log, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(record(sub)), new ByteArrayOutputStream());
        String[] lines = log.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "one line per record");
        return MAPPER.readTree(lines[0]);
    }

    private static JsonNode watch(String sub) throws IOException {
        return watch(environment(cloud.cloud.userPool().endpoint().toString()), sub);
    }

    /** CloudTrail's record of a successful VerifySoftwareToken as EventBridge delivers it: the user by sub only. */
    static byte[] record(String sub) throws IOException {
        var detail = MAPPER.createObjectNode().put("eventSource", "cognito-idp.amazonaws.com")
                .put("eventName", "VerifySoftwareToken").put("eventTime", "2026-12-08T01:02:03Z")
                .put("sourceIPAddress", "192.0.2.7");
        detail.putObject("requestParameters").put("accessToken", "HIDDEN_DUE_TO_SECURITY_REASONS")
                .put("userCode", "HIDDEN_DUE_TO_SECURITY_REASONS");
        if (sub != null) {
            detail.putObject("additionalEventData").put("sub", sub);
        }
        var event = MAPPER.createObjectNode().put("source", "aws.cognito-idp")
                .put("detail-type", "AWS API Call via CloudTrail").put("time", "2026-12-08T01:02:04Z");
        event.set("detail", detail);
        return MAPPER.writeValueAsBytes(event);
    }

    private static String sub(String username) {
        try (var pool = CognitoSdk.userPool(cloud.cloud)) {
            return pool.adminGetUser(r -> r.userPoolId(cloud.cloud.outputs().get("UserPoolId")).username(username))
                    .userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }
    }

    @Test
    void anAdministratorsNewAuthenticatorIsAnAlertNamingThem() throws IOException {
        JsonNode line = watch(sub("ada"));
        assertEquals(AuthenticatorReplaced.ALERT, line.path("alert").asText(), line.toString());
        assertEquals("ada", line.path("user").asText());
        assertEquals("VerifySoftwareToken", line.path("call").asText());
        assertEquals("2026-12-08T01:02:03Z", line.path("at").asText());
        assertEquals("192.0.2.7", line.path("from").asText());
    }

    @Test
    void anyoneElsesIsAPlainLine() throws IOException {
        JsonNode line = watch(sub("alice"));
        assertFalse(line.has("alert"), line.toString());
        assertEquals("not_an_administrator", line.path("watch").asText());
        assertEquals("alice", line.path("user").asText());

        JsonNode elsewhere = watch("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertFalse(elsewhere.has("alert"), elsewhere.toString());
        assertEquals("not_in_this_pool", elsewhere.path("watch").asText());
    }

    @Test
    void aRecordItCannotPlaceOrAPoolItCannotReachIsStillAnAlert() throws IOException {
        JsonNode unplaced = watch((String) null);
        assertEquals(AuthenticatorReplaced.ALERT, unplaced.path("alert").asText());
        assertEquals("no_sub_in_record", unplaced.path("reason").asText());

        JsonNode unreachable = watch(environment("http://127.0.0.1:9"), sub("ada"));
        assertEquals(AuthenticatorReplaced.ALERT, unreachable.path("alert").asText());
        assertEquals("lookup_failed", unreachable.path("reason").asText(), unreachable.toString());
        assertTrue(unreachable.path("error").asText().endsWith("Exception"), unreachable.toString());
    }

    /** The alarm counts what this class writes: the template's metric filter names the same alert. */
    @Test
    void theTemplatesAlarmCountsTheseLines() {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        assertEquals("{ $.alert = \"" + AuthenticatorReplaced.ALERT + "\" }",
                template.properties("AuthenticatorWatchAlerts").get("FilterPattern"));
        assertEquals("com.example.testapi.trigger.AuthenticatorWatch::handleRequest",
                template.properties("AuthenticatorWatchFunction").get("Handler"));
        assertEquals(Map.of("Ref", "UserPool"), map(map(template.properties("AuthenticatorWatchFunction"),
                "Environment"), "Variables").get("USER_POOL_ID"));
    }
}
