package com.example.testapi.api;

/** A request the contract refuses; {@link ErrorMappers} turns it into its status and {@link ApiError} body. */
public class ContractViolationException extends RuntimeException {

    private final int status;
    private final String code;

    public ContractViolationException(int status, String code, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a failure
        this.status = status;
        this.code = code;
    }

    public static ContractViolationException badRequest(String code, String message) {
        return new ContractViolationException(400, code, message);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(code, getMessage());
    }
}
