package com.example.testapi.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authenticator watch (template.yaml's AuthenticatorWatchFunction, with {@code WatchAdminActions}): EventBridge
 * hands it CloudTrail's record of each successful {@code AssociateSoftwareToken} and {@code VerifySoftwareToken}, and
 * it writes one JSON line saying whether the user is an administrator ({@link AuthenticatorReplaced}). The line is
 * the alert: a metric filter on the watch's log group counts {@code "alert"} lines and an alarm tells the alarms'
 * topic, so the operator reads who, when and from where in one line. It answers nothing: EventBridge reads no reply.
 *
 * <p>A plain class like {@link AdminMfaGate}, in the trigger's zip: it reads the same pool with the same client.
 */
public final class AuthenticatorWatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AuthenticatorReplaced rule;
    private final PrintStream log;

    /** Lambda's constructor: configured by the function's environment; lines to stdout, which Lambda keeps. */
    public AuthenticatorWatch() {
        this(System.getenv(), System.out);
    }

    /** Configured by {@code environment} as Lambda would set it, writing its lines to {@code log}. */
    public AuthenticatorWatch(Map<String, String> environment, PrintStream log) {
        this(new AuthenticatorReplaced(CognitoUsers.from(environment), environment.get("USER_POOL_ID")), log);
    }

    AuthenticatorWatch(AuthenticatorReplaced rule, PrintStream log) {
        this.rule = rule;
        this.log = log;
    }

    public void handleRequest(InputStream input, OutputStream output) throws IOException {
        String line = MAPPER.writeValueAsString(rule.judge(MAPPER.readTree(input)));
        log.println(line);
        log.flush();
    }
}
