package com.example.testapi.admin;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One line per administrative action, whatever its end: who, what, to whom, and the result ({@code ok}, a refusal's
 * code, or the failure's type). The fields go into the logging context, which the JSON log writes as {@code mdc}
 * (docs/administration.md, "Audit"); no password or token is ever among them.
 */
public final class AuditLog {

    private static final Logger LOG = Logger.getLogger("testapi.audit");
    private static final List<String> KEYS = List.of("auditActor", "auditAction", "auditTarget", "auditResult");

    private AuditLog() {
    }

    public static void record(String actor, String action, String target, String result) {
        try {
            MDC.put("auditActor", String.valueOf(actor));
            MDC.put("auditAction", action);
            MDC.put("auditTarget", String.valueOf(target));
            MDC.put("auditResult", result);
            LOG.info("admin " + action + " of " + target + " by " + actor + ": " + result);
        } finally {
            KEYS.forEach(MDC::remove);
        }
    }
}
