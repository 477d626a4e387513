package com.example.testapi.local.awsjson;

/**
 * An error as an AWS JSON 1.1 service returns it: HTTP 400 (client errors) with {@code {"__type", "message"}}. The
 * type names are the services' own (botocore's service models list them per operation), so SDKs raise their typed
 * exceptions, e.g. the Java SDK's {@code NotAuthorizedException}.
 */
public final class AwsError extends RuntimeException {

    private final String type;
    private final int status;

    public AwsError(String type, String message) {
        this(type, message, 400);
    }

    public AwsError(String type, String message, int status) {
        super(message, null, false, false); // an answer, not a failure: no stack trace
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
