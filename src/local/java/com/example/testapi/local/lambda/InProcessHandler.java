package com.example.testapi.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * A stream handler of the class path run in this JVM, for a local cloud whose zips are not built yet (the unit
 * tests, {@code quarkus:dev}): the handler named in template.yaml ({@code CLASS::handleRequest}), made with the
 * environment Lambda would give it (its {@code (Map<String, String>)} constructor), fed the same event bytes the
 * packaged run gets. It is given no Context: a handler run this way must not read one.
 */
public final class InProcessHandler implements FunctionBackend {

    private final String handler;
    private final RequestStreamHandler instance;

    private InProcessHandler(String handler, RequestStreamHandler instance) {
        this.handler = handler;
        this.instance = instance;
    }

    public static InProcessHandler load(String handler, Map<String, String> environment) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        try {
            Object made = Class.forName(className).getConstructor(Map.class).newInstance(environment);
            if (!(made instanceof RequestStreamHandler streamHandler)) {
                throw new IllegalArgumentException(className + " is not a RequestStreamHandler");
            }
            return new InProcessHandler(handler, streamHandler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot run " + handler + " in-process: it needs a public constructor "
                    + "taking the environment (Map<String, String>) on the class path", e);
        }
    }

    @Override
    public byte[] invoke(byte[] event) throws FunctionFailedException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            instance.handleRequest(new ByteArrayInputStream(event), answer, null);
        } catch (Exception | LinkageError failed) {
            // What Lambda reports of an unhandled exception: its type and message.
            throw new FunctionFailedException(failed.getClass().getSimpleName() + ": " + failed.getMessage());
        }
        return answer.toByteArray();
    }

    @Override
    public String describe() {
        return handler + " in-process";
    }
}
