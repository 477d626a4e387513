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

    /** API Gateway refused before the function ran: signature, token, expiry, or the role's policy lacks the route. */
    public static final class GatewayRefused extends ApiException {
        private final String gatewayMessage;

        GatewayRefused(int status, String gatewayMessage) {
            super(status, "API Gateway: " + gatewayMessage);
            this.gatewayMessage = gatewayMessage;
        }

        public String gatewayMessage() {
            return gatewayMessage;
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
