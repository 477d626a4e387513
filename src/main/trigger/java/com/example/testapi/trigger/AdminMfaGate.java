package com.example.testapi.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The user pool's pre-token-generation trigger (event version V1_0): an {@code Admins} member whose TOTP is not
 * enabled gets tokens without {@code Admins} and its role ({@link AdminsNeedTotp}). The event is read and answered
 * as JSON, unchanged but for {@code response}, so whatever Cognito sends comes back as it expects. Lambda builds it
 * once per environment (the SDK client is made here, in the init phase SnapStart snapshots).
 *
 * <p>A plain class whose {@link #handleRequest} Lambda's Java runtime finds by name (template.yaml's
 * {@code AdminMfaGate::handleRequest}, a stream method without Context): it implements no Lambda interface, so
 * Quarkus's Lambda extension, which takes any RequestStreamHandler on its class path for its own, leaves it alone.
 */
public final class AdminMfaGate {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminsNeedTotp rule;
    private final TriggerLog log;

    /** Lambda's constructor: configured by the function's environment; its lines to stdout, which Lambda keeps. */
    public AdminMfaGate() {
        this(System.getenv());
    }

    /** Configured by {@code environment} as Lambda would set it (how the local cloud runs it in-process too). */
    public AdminMfaGate(Map<String, String> environment) {
        this(new AdminsNeedTotp(CognitoUsers.from(environment)), System.out);
    }

    AdminMfaGate(AdminsNeedTotp rule, PrintStream log) {
        this.rule = rule;
        this.log = new TriggerLog(log);
    }

    /**
     * One JSON line per token: what was decided for whom, from which trigger source, in how many milliseconds; a
     * failure as an ERROR line before Cognito fails the sign-in (closed).
     */
    public void handleRequest(InputStream input, OutputStream output) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(input);
        long start = System.nanoTime();
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user", event.path("userName").asText());
        mdc.put("triggerSource", event.path("triggerSource").asText());
        ObjectNode answer;
        try {
            answer = rule.apply(event);
        } catch (RuntimeException e) {
            mdc.put("error", e.getClass().getSimpleName());
            mdc.put("durationMs", String.valueOf((System.nanoTime() - start) / 1_000_000));
            log.write("ERROR", "token refused: the user pool could not be read (" + e.getMessage() + ")", mdc);
            throw e;
        }
        String withheld = answer.path("response").path("claimsOverrideDetails").path("claimsToAddOrOverride")
                .path(AdminsNeedTotp.WITHHELD_CLAIM).asText("");
        boolean member = answer.path("request").path("groupConfiguration").path("groupsToOverride").toString()
                .contains("\"" + AdminsNeedTotp.GATED_GROUP + "\"");
        String decision = !member ? "not_an_administrator" : withheld.isEmpty() ? "admins_granted"
                : "admins_withheld";
        mdc.put("decision", decision);
        if (!withheld.isEmpty()) {
            mdc.put("reason", withheld);
        }
        mdc.put("durationMs", String.valueOf((System.nanoTime() - start) / 1_000_000));
        log.write("INFO", decision + (withheld.isEmpty() ? "" : " (" + withheld + ")"), mdc);
        MAPPER.writeValue(output, answer);
    }
}
