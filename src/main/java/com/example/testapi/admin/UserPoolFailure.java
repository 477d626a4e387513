package com.example.testapi.admin;

/**
 * What the user pool answered when it did not do what was asked, in the function's own terms: {@link AdminErrors}
 * maps these, so no Cognito SDK class is loaded until the first administration call (the /test functions never
 * load one). {@code type} is Cognito's error type (or the SDK's exception), for the audit line and the log.
 */
public final class UserPoolFailure extends RuntimeException {

    /** How the caller should take it. */
    public enum Kind {
        /** No such user: 404. */
        NOT_FOUND,
        /** The name is taken: 409. */
        EXISTS,
        /** The pool refused a value (password policy, parameter): 400. */
        INVALID,
        /** Throttled: 503, retry. */
        BUSY,
        /** No answer in time: 503, retry. */
        UNREACHABLE,
        /** The function's own role or configuration was refused: our fault, 500. */
        REFUSED
    }

    private final Kind kind;
    private final String type;

    UserPoolFailure(Kind kind, String type, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }
}
