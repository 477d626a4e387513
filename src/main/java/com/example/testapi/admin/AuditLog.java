package com.example.testapi.admin;

import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.example.testapi.api.ContractViolationException;

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

    /** Runs {@code work} and audits its success; an exception is audited with its type (a failure, not a refusal). */
    public static <T> T audited(String actor, String action, String target, Supplier<T> work) {
        T result = failureAudited(actor, action, target, work);
        record(actor, action, target, "ok");
        return result;
    }

    public static <T> T failureAudited(String actor, String action, String target, Supplier<T> work) {
        try {
            return work.get();
        } catch (ContractViolationException e) {
            throw e; // a refusal, audited where it is decided
        } catch (RuntimeException e) {
            record(actor, action, target, "failed: "
                    + (e instanceof UserPoolFailure failure ? failure.type() : e.getClass().getSimpleName()));
            throw e;
        }
    }

}
