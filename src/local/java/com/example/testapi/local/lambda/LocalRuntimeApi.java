package com.example.testapi.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.Replies;
import com.example.testapi.local.http.RequestBodies;

import com.sun.net.httpserver.HttpExchange;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as the Lambda service offers it to a function's runtime: the
 * runtime polls {@code /next} for an event and posts the response or an error back. One function instance, one event
 * at a time, as in Lambda. The cold-start benchmark reads its timestamps.
 */
public final class LocalRuntimeApi implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime/";
    /**
     * Lambda's limit on a synchronous invocation's response and on an event (6 MB): a runtime that posts more gets
     * 413, and the invocation fails; nothing larger is read.
     */
    static final int MAX_BODY = 6 * 1024 * 1024;

    record Invocation(String id, byte[] event, CompletableFuture<byte[]> response) {
    }

    private final LoopbackServer server;
    /**
     * A random first path segment, handed to the runtime in AWS_LAMBDA_RUNTIME_API only ({@link #address}): another
     * process on this machine cannot take the function's invocations or post its answers. Lambda's clients build
     * their URLs as {@code "http://" + AWS_LAMBDA_RUNTIME_API + "/2018-06-01/..."}, so a path there is kept.
     */
    private final String prefix;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Instant> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    public LocalRuntimeApi() throws IOException {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        prefix = "/" + HexFormat.of().formatHex(secret);
        // One runtime polls and posts, one call of each at a time: four threads are room enough, and bounded.
        server = LoopbackServer.start(0, prefix + API, this::handle, Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "local-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** host:port/SECRET, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return server.hostAndPort() + prefix;
    }

    /** Completes when the runtime first asks for an event: its initialisation is over. */
    public CompletableFuture<Instant> firstPoll() {
        return firstPoll;
    }

    /** Completes when the runtime reports that initialisation failed. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** Queues an event; the future completes with the function's response body. */
    public CompletableFuture<byte[]> submit(byte[] event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        if (closed) {
            invocation.response().completeExceptionally(new IllegalStateException("runtime API closed"));
        } else {
            pending.add(invocation);
        }
        return invocation.response();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(prefix.length() + API.length());
            byte[] body;
            try {
                body = RequestBodies.read(exchange, MAX_BODY);
            } catch (RequestBodies.TooLarge e) {
                tooLarge(exchange, path);
                return;
            }
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                Replies.send(exchange, 202, new byte[0]);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = inFlight.remove(id);
                if (invocation == null) {
                    Replies.send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (path.endsWith("/response")) {
                    invocation.response().complete(body);
                } else {
                    invocation.response().completeExceptionally(new FunctionBackend.FunctionFailedException(
                            new String(body, StandardCharsets.UTF_8)));
                }
                Replies.send(exchange, 202, new byte[0]);
            } else {
                Replies.send(exchange, 404, new byte[0]);
            }
        }
    }

    /** A body over Lambda's 6 MB: 413, and the invocation it answers fails as Lambda fails it. */
    private void tooLarge(HttpExchange exchange, String path) throws IOException {
        if (path.startsWith("invocation/") && path.endsWith("/response")) {
            Invocation invocation = inFlight.remove(path.substring("invocation/".length(), path.lastIndexOf('/')));
            if (invocation != null) {
                invocation.response().completeExceptionally(new FunctionBackend.FunctionFailedException(
                        "Response payload size exceeded maximum allowed payload size (" + MAX_BODY + " bytes)."));
            }
        }
        Replies.send(exchange, 413, "{\"errorMessage\":\"payload too large\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(Instant.now());
        Invocation invocation = null;
        try {
            while (!closed && invocation == null) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
                if (invocation != null && invocation.response().isDone()) {
                    invocation = null; // its caller gave up (a trigger past Cognito's 5 s): not run late
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            Replies.send(exchange, 503, new byte[0]);
            return;
        }
        inFlight.put(invocation.id(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 900_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:local-function");
        headers.add("Lambda-Runtime-Trace-Id", traceHeader());
        headers.add("Content-Type", "application/json");
        Replies.send(exchange, 200, invocation.event());
    }

    /** A sampled X-Ray trace header of its own per invocation, as Lambda hands it with Tracing: Active. */
    static String traceHeader() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%08x%016x;Parent=%016x;Sampled=1", Instant.now().getEpochSecond(),
                random.nextInt(), random.nextLong(), random.nextLong());
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        IllegalStateException stopped = new IllegalStateException("runtime API closed");
        pending.forEach(i -> i.response().completeExceptionally(stopped));
        inFlight.values().forEach(i -> i.response().completeExceptionally(stopped));
    }
}
