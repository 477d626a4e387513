package com.example.testapi.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    /** Lambda's constructor: configured by the function's environment. */
    public AdminMfaGate() {
        this(System.getenv());
    }

    /** Configured by {@code environment} as Lambda would set it (how the local cloud runs it in-process too). */
    public AdminMfaGate(Map<String, String> environment) {
        this(new AdminsNeedTotp(CognitoUsers.from(environment)));
    }

    AdminMfaGate(AdminsNeedTotp rule) {
        this.rule = rule;
    }

    public void handleRequest(InputStream input, OutputStream output) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(input);
        MAPPER.writeValue(output, rule.apply(event));
    }
}
