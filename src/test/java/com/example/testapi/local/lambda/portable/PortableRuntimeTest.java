package com.example.testapi.local.lambda.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portable runtime's own rules, apart from a function: handlers resolved as Lambda's java runtime resolves them
 * (stream methods only), the context from the Runtime API's headers, and the error document the java runtime posts.
 * PortableRuntimeIT runs the functions and the trigger on it.
 */
class PortableRuntimeTest {

    /** A handler with the context form and the plain form: the context form is taken. */
    public static final class Both {
        public void handleRequest(InputStream in, OutputStream out) throws IOException {
            out.write("plain".getBytes(StandardCharsets.UTF_8));
        }

        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write((context.getAwsRequestId() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        }

        public void fail(InputStream in, OutputStream out) {
            throw new IllegalStateException("refused on purpose");
        }
    }

    /** A POJO handler, which Lambda binds with its own JSON: not taken here. */
    public static final class Pojo {
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    private static String run(String handler, String event) throws Throwable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler.resolve(handler).invoke(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new PortableContext("req-1", System.currentTimeMillis() + 3_000, "arn:aws:lambda:local", "Root=1-x"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void handlersResolveAsTheJavaRuntimeResolvesThem() throws Throwable {
        assertEquals("req-1 {}", run(Both.class.getName() + "::handleRequest", "{}"));
        assertEquals("req-1 {}", run(Both.class.getName(), "{}"), "no method named: handleRequest");
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> run(Both.class.getName()
                + "::fail", "{}"));
        assertEquals("refused on purpose", failed.getMessage(), "the handler's own exception, not a wrapper");
        NoSuchMethodException pojo = assertThrows(NoSuchMethodException.class,
                () -> StreamHandler.resolve(Pojo.class.getName()));
        assertTrue(pojo.getMessage().contains("stream handlers only"), pojo.getMessage());
        assertThrows(ClassNotFoundException.class, () -> StreamHandler.resolve("no.such.Handler::handleRequest"));
    }

    @Test
    void theContextComesFromTheHeadersAndTheEnvironment() {
        PortableContext context = new PortableContext("req-2", System.currentTimeMillis() + 5_000,
                "arn:aws:lambda:us-east-1:123456789012:function:f", "Root=1-abc");
        assertEquals("req-2", context.getAwsRequestId());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:f", context.getInvokedFunctionArn());
        assertEquals("Root=1-abc", context.getXrayTraceId());
        int left = context.getRemainingTimeInMillis();
        assertTrue(left > 4_000 && left <= 5_000, String.valueOf(left));
        assertEquals(0, new PortableContext("r", 0, "", null).getRemainingTimeInMillis(), "never negative");
    }

    @Test
    void errorsAreTheJavaRuntimesDocument() throws IOException {
        JsonNode error = new ObjectMapper().readTree(PortableRuntime.error(new IllegalArgumentException("bad \"x\"")));
        assertEquals("bad \"x\"", error.path("errorMessage").asText());
        assertEquals("java.lang.IllegalArgumentException", error.path("errorType").asText());
        assertTrue(error.path("stackTrace").isArray() && error.path("stackTrace").size() > 0, error::toString);
        assertTrue(error.path("stackTrace").get(0).asText().contains("PortableRuntimeTest"), error::toString);
    }
}
