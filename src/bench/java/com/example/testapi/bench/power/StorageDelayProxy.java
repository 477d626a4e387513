package com.example.testapi.bench.power;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.Replies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * A loopback stand-in for DynamoDB in front of a DynamoDB API (moto), so that the function does all of its storage
 * work (the SDK's marshalling, signing and HTTP) while each call takes the wait a run asks for. Its first calls go
 * through to moto, which stores the items and answers for real; after {@code passThrough} calls it answers each call
 * with moto's last answer to a call of the same kind (operation, and for a Query whether it asks for one item),
 * after exactly the wait: moto's own time, which grows with its table and varies by tens of milliseconds, would
 * otherwise be measured instead of the wait. It records how long each call took.
 */
final class StorageDelayProxy implements AutoCloseable {

    /** Headers the JDK's client sets itself, or that describe this hop only. */
    private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final LoopbackServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** moto's answer, kept to be given again. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final URI upstream;
    private final long waitNanos;
    private final int passThrough;
    private final List<Double> callsMs = new ArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private StorageDelayProxy(URI upstream, double waitMs, int passThrough) {
        this.upstream = upstream;
        this.waitNanos = Math.round(waitMs * 1e6);
        this.passThrough = passThrough;
        this.server = LoopbackServer.start(0, "/", this::forward, Executors.newFixedThreadPool(4));
    }

    static StorageDelayProxy start(URI upstream, double waitMs, int passThrough) {
        return new StorageDelayProxy(upstream, waitMs, passThrough);
    }

    String endpoint() {
        return "http://" + server.hostAndPort();
    }

    /** How many calls it has answered. */
    synchronized int calls() {
        return callsMs.size();
    }

    /** The calls so far, each as long as it really took, in milliseconds. */
    synchronized List<Double> callsMs() {
        return List.copyOf(callsMs);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            long started = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String kind = kind(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            Answer kept = answers.get(kind);
            if (kept != null && calls() >= passThrough) {
                sleepRest(started);
                reply(exchange, kept, started);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding to " + upstream, e);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            Answer answer = new Answer(response.statusCode(), headers, response.body());
            if (answer.status() == 200) {
                answers.put(kind, answer);
            }
            sleepRest(started);
            reply(exchange, answer, started);
        }
    }

    /** The operation, and for a Query whether it asks for one item (the newest day) or a page. */
    private static String kind(String target, byte[] body) throws IOException {
        String operation = String.valueOf(target);
        if (operation.endsWith(".Query")) {
            JsonNode limit = MAPPER.readTree(body).path("Limit");
            return operation + (limit.asInt(0) == 1 ? "/one" : "/page");
        }
        return operation;
    }

    private void sleepRest(long started) throws IOException {
        long left = waitNanos - (System.nanoTime() - started);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting", e);
            }
        }
    }

    private void reply(HttpExchange exchange, Answer answer, long started) throws IOException {
        answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        synchronized (this) {
            callsMs.add((System.nanoTime() - started) / 1e6);
        }
        Replies.send(exchange, answer.status(), answer.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
