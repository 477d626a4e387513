package com.example.testapi.local.lambda.portable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A Lambda runtime in plain Java, for machines where the AWS runtime interface client's native library does not load
 * (it ships Linux builds only): it speaks the Runtime API as Lambda's java runtime does. At init it resolves the
 * handler ({@link StreamHandler}) and posts a failure to {@code /init/error}; then it loops on {@code
 * /invocation/next}, gives the handler the event with a {@link PortableContext} built from the request id, deadline,
 * function ARN and trace headers (the trace also as the {@code com.amazonaws.xray.traceHeader} property, where the
 * X-Ray SDK reads it), and posts the output to {@code /response} or the failure to {@code /error} in the shape the
 * java runtime posts ({@code errorMessage}, {@code errorType}, {@code stackTrace}).
 *
 * <p>It runs in the function's JVM, after the task root and its jars on the class path, so the function's own classes
 * win; it needs nothing beyond the JDK, aws-lambda-java-core and jackson-core.
 */
public final class PortableRuntime {

    private static final String VERSION = "/2018-06-01/runtime/";
    private static final JsonFactory JSON = new JsonFactory();

    private PortableRuntime() {
    }

    public static void main(String[] args) throws Exception {
        // As the java runtime: the function's stdout and stderr are UTF-8, whatever the platform's encoding.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        String base = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + VERSION;
        String handlerName = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        // No request timeout on /next: it is a long poll that waits for the next event, as in Lambda.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        StreamHandler handler;
        try {
            handler = StreamHandler.resolve(handlerName);
        } catch (Throwable e) {
            Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null
                    ? init.getCause() : e;
            post(http, base + "init/error", error(cause), "Runtime.HandlerNotFound");
            System.exit(1);
            return;
        }
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(base + "invocation/next")).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            String trace = next.headers().firstValue("Lambda-Runtime-Trace-Id").orElse(null);
            if (trace != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", trace);
            } else {
                System.clearProperty("com.amazonaws.xray.traceHeader");
            }
            PortableContext context = new PortableContext(id,
                    next.headers().firstValueAsLong("Lambda-Runtime-Deadline-Ms").orElse(Long.MAX_VALUE),
                    next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(""), trace);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try {
                handler.invoke(new ByteArrayInputStream(next.body()), output, context);
            } catch (Throwable e) {
                post(http, base + "invocation/" + id + "/error", error(e), e.getClass().getName());
                if (e instanceof VirtualMachineError || e instanceof IOError) {
                    System.exit(1); // as the java runtime: a JVM that ran out of memory does not serve on
                }
                continue;
            }
            post(http, base + "invocation/" + id + "/response", output.toByteArray(), null);
        }
    }

    private static void post(HttpClient http, String url, byte[] body, String errorType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The java runtime's error document: message, type (the exception's class) and stack trace lines. */
    static byte[] error(Throwable e) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("errorMessage", String.valueOf(e.getMessage()));
            json.writeStringField("errorType", e.getClass().getName());
            json.writeArrayFieldStart("stackTrace");
            for (StackTraceElement frame : e.getStackTrace()) {
                json.writeString(frame.toString());
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
