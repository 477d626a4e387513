package com.example.testapi.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * A stream handler of the class path run in this JVM, for a local cloud whose zips are not built yet (the unit
 * tests, {@code quarkus:dev}): the handler named in template.yaml ({@code CLASS::method}, a method taking the event
 * and answer streams, as Lambda's Java runtime finds it), on an instance made with the environment Lambda would
 * give it (its {@code (Map<String, String>)} constructor), fed the same event bytes the packaged run gets.
 */
public final class InProcessHandler implements FunctionBackend {

    private final String handler;
    private final Object instance;
    private final Method method;

    private InProcessHandler(String handler, Object instance, Method method) {
        this.handler = handler;
        this.instance = instance;
        this.method = method;
    }

    public static InProcessHandler load(String handler, Map<String, String> environment) {
        int separator = handler.indexOf("::");
        if (separator < 0) {
            throw new IllegalArgumentException("cannot run " + handler + " in-process: name it CLASS::method");
        }
        try {
            Class<?> type = Class.forName(handler.substring(0, separator));
            Method method = type.getMethod(handler.substring(separator + 2), InputStream.class, OutputStream.class);
            return new InProcessHandler(handler, type.getConstructor(Map.class).newInstance(environment), method);
        } catch (InvocationTargetException e) {
            // The handler's own constructor failed: what Lambda reports as an init error.
            throw new IllegalStateException(handler + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot run " + handler + " in-process: it needs a public constructor "
                    + "taking the environment (Map<String, String>) and a method (InputStream, OutputStream)", e);
        }
    }

    @Override
    public byte[] invoke(byte[] event) throws FunctionFailedException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            method.invoke(instance, new ByteArrayInputStream(event), answer);
        } catch (InvocationTargetException e) {
            // What Lambda reports of an unhandled exception: its type and message.
            Throwable failed = e.getCause();
            throw new FunctionFailedException(failed.getClass().getSimpleName() + ": " + failed.getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return answer.toByteArray();
    }

    @Override
    public String describe() {
        return handler + " in-process";
    }
}
