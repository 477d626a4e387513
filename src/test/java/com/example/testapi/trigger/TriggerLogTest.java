package com.example.testapi.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trigger's log as an operator reads it: one JSON line per token, in the functions' shape (timestamp,
 * loggerName, level, message, threadName, mdc), saying what was decided for whom, from which source, how fast; a
 * failed lookup an ERROR line before the sign-in fails.
 */
class TriggerLogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** ada in Admins and FullAccess, with TOTP {@code totp}; or a pool that cannot be read. */
    private static AdminsNeedTotp.Users users(boolean totp, boolean down) {
        return new AdminsNeedTotp.Users() {
            @Override
            public boolean totpEnabled(String userPoolId, String username) {
                if (down) {
                    throw new IllegalStateException("Cognito unreachable");
                }
                return totp;
            }

            @Override
            public List<AdminsNeedTotp.Group> groups(String userPoolId, String username) {
                return List.of(new AdminsNeedTotp.Group("Admins", 0, "arn:aws:iam::1:role/admin"),
                        new AdminsNeedTotp.Group("FullAccess", 1, "arn:aws:iam::1:role/full"));
            }

            @Override
            public void leave(String userPoolId, String username, String group) {
            }
        };
    }

    private static JsonNode line(AdminsNeedTotp.Users users, ObjectNode event) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new AdminMfaGate(new AdminsNeedTotp(users), new PrintStream(log, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), new ByteArrayOutputStream());
        String[] lines = log.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "one line per token");
        return MAPPER.readTree(lines[0]);
    }

    private static ObjectNode event(String source) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("events",
                "pre-token-generation.json")));
        return event.put("triggerSource", source);
    }

    @Test
    void eachTokenIsOneJsonLineInTheFunctionsShape() throws IOException {
        JsonNode granted = line(users(true, false), event(AdminsNeedTotp.PROVEN_SOURCE));
        for (String field : List.of("timestamp", "loggerName", "level", "message", "threadName", "mdc")) {
            assertTrue(granted.has(field), field + " in " + granted);
        }
        assertEquals(TriggerLog.LOGGER, granted.path("loggerName").asText());
        assertEquals("INFO", granted.path("level").asText());
        assertEquals("admins_granted", granted.path("mdc").path("decision").asText());
        assertEquals("ada", granted.path("mdc").path("user").asText());
        assertTrue(granted.path("mdc").path("durationMs").asText().matches("\\d+"), granted::toString);

        JsonNode refresh = line(users(true, false), event("TokenGeneration_RefreshTokens"));
        assertEquals("admins_withheld", refresh.path("mdc").path("decision").asText());
        assertEquals(AdminsNeedTotp.TOTP_NOT_PROVEN, refresh.path("mdc").path("reason").asText());
        assertEquals("TokenGeneration_RefreshTokens", refresh.path("mdc").path("triggerSource").asText());

        ObjectNode other = event(AdminsNeedTotp.PROVEN_SOURCE);
        ((ObjectNode) other.path("request").path("groupConfiguration")).putArray("groupsToOverride").add("FullAccess");
        assertEquals("not_an_administrator", line(users(false, true), other).path("mdc").path("decision").asText(),
                "no lookup, so no failure");
    }

    @Test
    void aFailedLookupIsAnErrorLineAndTheTokenIsRefused() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AdminMfaGate gate = new AdminMfaGate(new AdminsNeedTotp(users(true, true)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        byte[] event = MAPPER.writeValueAsBytes(event(AdminsNeedTotp.PROVEN_SOURCE));
        assertThrows(IllegalStateException.class, () -> gate.handleRequest(new ByteArrayInputStream(event),
                new ByteArrayOutputStream()));
        JsonNode line = MAPPER.readTree(log.toString(StandardCharsets.UTF_8).strip());
        assertEquals("ERROR", line.path("level").asText());
        assertEquals("IllegalStateException", line.path("mdc").path("error").asText());
        assertTrue(line.path("message").asText().contains("Cognito unreachable"), line::toString);
    }
}
