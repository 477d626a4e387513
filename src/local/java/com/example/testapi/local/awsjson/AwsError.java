package com.example.testapi.local.awsjson;

/**
 * An error as an AWS JSON 1.1 service returns it: HTTP 400 (client errors) with {@code {"__type", "message"}}. The
 * type names are the services' own (botocore's service models list them per operation), so SDKs raise their typed
 * exceptions, e.g. the Java SDK's {@code NotAuthorizedException}. Each service writes its own types once, in its
 * factory ({@code userpool.CognitoErrors}, {@code identitypool.IdentityPoolErrors}); the protocol's own are here.
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

    /** A body that is no JSON, or a value of another JSON type than the model's. */
    public static AwsError serialization(String message) {
        return new AwsError("SerializationException", message);
    }

    /** A target the service does not answer. */
    static AwsError unknownOperation(String target) {
        return new AwsError("UnknownOperationException", "Unknown operation " + target);
    }

    /** A body over the endpoint's limit, refused before it is read further. */
    static AwsError tooLarge(String limit) {
        return new AwsError("RequestEntityTooLargeException", "The request body is over " + limit + ".", 413);
    }

    /** The security token is none the local cloud issued (and who may call was never set: nobody may). */
    public static AwsError unrecognizedClient() {
        return new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
