package com.example.testapi.api;

import java.util.Optional;
import java.util.regex.Pattern;

import com.example.testapi.caller.Caller;

/** The optional {@code Idempotency-Key} header: 1–128 printable ASCII characters, scoped to the caller. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,128}");

    private IdempotencyKey() {
    }

    /**
     * The store key for this caller, or empty without a header. Scoping by identity keeps one user's key from
     * replaying, or conflicting with, another user's item.
     */
    public static Optional<String> scoped(String header, Caller caller) {
        if (header == null) {
            return Optional.empty();
        }
        if (!VALID.matcher(header).matches() || header.isBlank()) {
            throw ContractViolationException.badRequest("invalid_header",
                    "Header '" + HEADER + "' must be 1 to 128 printable ASCII characters.");
        }
        String owner = caller.identityId() != null ? caller.identityId() : caller.userId();
        return Optional.of(owner + "\n" + header);
    }
}
