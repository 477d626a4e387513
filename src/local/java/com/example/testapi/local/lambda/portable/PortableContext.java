package com.example.testapi.local.lambda.portable;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * One invocation's {@link Context}, from the Runtime API's headers and the function's environment, as Lambda's java
 * runtime fills it; its logger writes lines to stdout, which the local cloud shows (Lambda sends them to the log group).
 */
final class PortableContext implements Context, LambdaLogger {

    private final String requestId;
    private final long deadlineMillis;
    private final String functionArn;
    private final String traceId;

    PortableContext(String requestId, long deadlineMillis, String functionArn, String traceId) {
        this.requestId = requestId;
        this.deadlineMillis = deadlineMillis;
        this.functionArn = functionArn;
        this.traceId = traceId;
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + getFunctionName());
    }

    @Override
    public String getLogStreamName() {
        return env("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    }

    @Override
    public String getFunctionName() {
        return env("AWS_LAMBDA_FUNCTION_NAME", "local-function");
    }

    @Override
    public String getFunctionVersion() {
        return env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null; // only a mobile SDK's invocation carries one
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, deadlineMillis - System.currentTimeMillis()));
    }

    @Override
    public int getMemoryLimitInMB() {
        return Integer.parseInt(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public String getXrayTraceId() {
        return traceId;
    }

    @Override
    public void log(String message) {
        System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
