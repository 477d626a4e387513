package com.example.testapi.api;

/** A request the contract refuses; {@link ErrorMappers} turns it into its status and {@link ApiError} body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a failure
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(code, getMessage());
    }
}
