package com.example.testapi.client;

/**
 * An answer other than success, typed by who refused: API Gateway's IAM check ({@link GatewayRefused}), the
 * function's own role check ({@link FunctionRefused}), the API contract ({@link ContractViolation}: 400, 404, 409…),
 * or a failure on the server side ({@link ServerFailure}: 5xx, retry later).
 */
public abstract sealed class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * API Gateway refused before the function ran: no or a bad signature, an expired token, a clock off by more than
     * SigV4 allows, or the role's policy lacks the route. Which one is not told by its message (AWS does not document
     * the HTTP API's words): {@link #afterRenewal()} says the client had already retried with fresh credentials (so
     * expiry is ruled out), and {@link #clockSkew()} how far this machine's clock is from the gateway's.
     */
    public static final class GatewayRefused extends ApiException {
        /** SigV4 refuses a signature dated more than this away from the service's clock. */
        public static final java.time.Duration MAX_SKEW = java.time.Duration.ofMinutes(5);

        private final String gatewayMessage;
        private final boolean afterRenewal;
        private final java.time.Duration clockSkew;

        GatewayRefused(int status, String gatewayMessage, boolean afterRenewal, java.time.Duration clockSkew) {
            super(status, "API Gateway: " + gatewayMessage);
            this.gatewayMessage = gatewayMessage;
            this.afterRenewal = afterRenewal;
            this.clockSkew = clockSkew;
        }

        /** The gateway's words ({@code message} or {@code Message}), to show, not to match. */
        public String gatewayMessage() {
            return gatewayMessage;
        }

        public boolean afterRenewal() {
            return afterRenewal;
        }

        /** The gateway's Date minus this machine's clock; null when the answer had no Date. */
        public java.time.Duration clockSkew() {
            return clockSkew;
        }

        /** True when the clock, not the caller's rights, is the likely cause: off by more than {@link #MAX_SKEW}. */
        public boolean clockOff() {
            return clockSkew != null && clockSkew.abs().compareTo(MAX_SKEW) > 0;
        }
    }

    /** The function refused the caller: no identity, or a role that is not this stack's (or may not write). */
    public static final class FunctionRefused extends ApiException {
        FunctionRefused(int status, String message) {
            super(status, "function: " + message);
        }
    }

    /** The request broke the contract: the {@code error} code says how (invalid_field, idempotency_conflict…). */
    public static final class ContractViolation extends ApiException {
        private final String code;

        ContractViolation(int status, String code, String message) {
            super(status, code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The server could not answer (5xx); {@code retryAfterSeconds} when it said so. */
    public static final class ServerFailure extends ApiException {
        private final Integer retryAfterSeconds;

        ServerFailure(int status, String message, Integer retryAfterSeconds) {
            super(status, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public Integer retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
