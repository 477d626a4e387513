package com.example.testapi.local.awsjson;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.Replies;
import com.example.testapi.local.http.RequestBodies;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * One AWS JSON 1.1 service on a loopback port, as the AWS SDKs and the AWS CLI call it through their endpoint
 * override: {@code POST /} with {@code X-Amz-Target: PREFIX.Operation} and a JSON body; answers JSON, or an
 * {@link AwsError} as {@code {"__type","message"}} with its status and {@code x-amzn-ErrorType}. CORS answers pages
 * of the origins the template allows (the API's {@code AllowedOrigins}; preflight answered without authorization),
 * so the app can call it; unlike the real Cognito, which answers any origin, no other page the developer happens to
 * open can read the local pool's answers.
 * A failure that is no {@link AwsError} is a 500 {@code InternalErrorException}, logged with its cause: a crash is
 * never passed off as a refusal.
 */
public final class AwsJsonEndpoint implements AutoCloseable {

    /**
     * One operation: its request, checked against the service model ({@link Input}), in; the response body out;
     * refusals are thrown as {@link AwsError}.
     */
    public interface Operation {
        ObjectNode call(Input input);
    }

    /** A signed request as it arrived: headers by lower-case name. */
    public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
    }

    /**
     * Decides whether a signed call of {@code operation} may run; throws the service's {@link AwsError} if not. The
     * body is parsed on demand ({@code input}), so a caller is judged by its signature before its body is read.
     */
    public interface CallerCheck {
        void check(String operation, SignedRequest request, Supplier<ObjectNode> input);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY = 256 * 1024;

    private final ServiceModel model;
    private final String targetPrefix;
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, Boolean> signed = new HashMap<>();
    private final Map<String, Supplier<JsonNode>> documents = new HashMap<>();
    private final Consumer<String> log;
    private final Set<String> origins;
    private final LoopbackServer server;
    // Until told who may call, nobody may: a signed operation is never open by omission.
    private volatile CallerCheck callers = (operation, request, input) -> {
        throw AwsError.unrecognizedClient();
    };

    /**
     * Listens on loopback {@code port} (0: any free port) for the operations of {@code model}
     * ({@code TARGET_PREFIX.Operation}), answering CORS for {@code origins}.
     */
    public AwsJsonEndpoint(ServiceModel model, int port, Set<String> origins, Consumer<String> log) {
        this.model = model;
        this.targetPrefix = model.targetPrefix();
        this.origins = Set.copyOf(origins);
        this.log = log;
        server = LoopbackServer.start(port, "/", this::handle, Executors.newFixedThreadPool(THREADS));
    }

    /**
     * Requests answered at once. An administrator's sign-in holds one while the user pool's token trigger calls back
     * into this endpoint (AdminGetUser): with 16, fifteen such sign-ins at the same moment still leave the trigger a
     * thread; a local cloud sees far fewer.
     */
    static final int THREADS = 16;

    /** An operation anyone may call (e.g. InitiateAuth, GetId). */
    public AwsJsonEndpoint open(String name, Operation operation) {
        operations.put(modelled(name), operation);
        signed.put(name, false);
        return this;
    }

    /** An operation that needs a SigV4-signed request (the admin API), checked by the {@link CallerCheck}. */
    public AwsJsonEndpoint signed(String name, Operation operation) {
        operations.put(modelled(name), operation);
        signed.put(name, true);
        return this;
    }

    private String modelled(String name) {
        if (!model.hasOperation(name)) {
            throw new IllegalArgumentException(targetPrefix + " has no operation " + name + " in its service model");
        }
        return name;
    }

    /** Who may call the signed operations: verifies the signature and decides (default: nobody). */
    public AwsJsonEndpoint callers(CallerCheck check) {
        this.callers = check;
        return this;
    }

    /** A JSON document served by {@code GET path} (e.g. a JWKS). */
    public AwsJsonEndpoint document(String path, Supplier<JsonNode> document) {
        documents.put(path, document);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: the exchange must stay open for the error answers of the catch blocks.
        try {
            byte[] body;
            try {
                body = RequestBodies.read(exchange, MAX_BODY); // a Cognito request is a few KiB
            } catch (RequestBodies.TooLarge e) {
                throw AwsError.tooLarge("256 KiB");
            }
            Headers out = exchange.getResponseHeaders();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && origins.contains(origin)) {
                out.add("Access-Control-Allow-Origin", origin);
            }
            out.add("Vary", "Origin");
            out.add("x-amzn-RequestId", UUID.randomUUID().toString());
            switch (exchange.getRequestMethod()) {
                case "OPTIONS" -> preflight(exchange);
                case "GET" -> {
                    Supplier<JsonNode> document = documents.get(exchange.getRequestURI().getPath());
                    if (document == null) {
                        send(exchange, 404, "application/json", MAPPER.createObjectNode().put("message", "Not Found"));
                    } else {
                        send(exchange, 200, "application/json", document.get());
                    }
                }
                case "POST" -> send(exchange, 200, "application/x-amz-json-1.1", call(exchange, body));
                default -> send(exchange, 405, "application/json", MAPPER.createObjectNode().put("message",
                        "Method Not Allowed"));
            }
        } catch (AwsError e) {
            // Refusals are logged as successes are, by type only (a message may quote the caller's input).
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String named = target == null ? targetPrefix + ".(no target)" : target.replaceAll("[^A-Za-z0-9_.]", "?");
            log.accept(named.substring(0, Math.min(named.length(), 120)) + " -> " + e.status() + " " + e.type());
            exchange.getResponseHeaders().add("x-amzn-ErrorType", e.type() + ":");
            send(exchange, e.status(), "application/x-amz-json-1.1",
                    MAPPER.createObjectNode().put("__type", e.type()).put("message", e.getMessage()));
        } catch (RuntimeException e) {
            log.accept(targetPrefix + " failed: " + e);
            e.printStackTrace();
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalErrorException:");
            send(exchange, 500, "application/x-amz-json-1.1", MAPPER.createObjectNode()
                    .put("__type", "InternalErrorException").put("message", "The local service failed: " + e));
        } finally {
            exchange.close();
        }
    }

    private ObjectNode call(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String name = target != null && target.startsWith(targetPrefix + ".")
                ? target.substring(targetPrefix.length() + 1) : null;
        Operation operation = name == null ? null : operations.get(name);
        if (operation == null) {
            throw AwsError.unknownOperation(target);
        }
        if (signed.get(name)) { // who signed is judged before the body is read, as AWS does
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers
                    .computeIfAbsent(header.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).addAll(values));
            URI uri = exchange.getRequestURI();
            callers.check(name, new SignedRequest("POST", uri.getRawPath(), uri.getRawQuery(), headers, body),
                    () -> parse(body));
        }
        ObjectNode result = operation.call(Input.check(model, name, parse(body)));
        List<String> problems = OutputCheck.problems(model, name, result);
        if (!problems.isEmpty()) {
            // The local cloud's own bug: never sent as if AWS had answered it.
            throw new IllegalStateException(name + "'s answer breaks the service model: " + problems);
        }
        log.accept(targetPrefix + "." + name + " -> 200");
        return result;
    }

    private static ObjectNode parse(byte[] body) {
        JsonNode input;
        try {
            input = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw AwsError.serialization("The request body is not valid JSON.");
        }
        if (!(input instanceof ObjectNode object)) {
            throw AwsError.serialization("The request body must be a JSON object.");
        }
        return object;
    }

    private static void preflight(HttpExchange exchange) throws IOException {
        Headers in = exchange.getRequestHeaders();
        Headers out = exchange.getResponseHeaders();
        out.add("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
        String requested = in.getFirst("Access-Control-Request-Headers");
        out.add("Access-Control-Allow-Headers", requested == null ? "content-type,x-amz-target,x-amz-user-agent"
                : requested);
        out.add("Access-Control-Max-Age", "86400");
        exchange.sendResponseHeaders(200, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().add("Access-Control-Expose-Headers",
                "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
        Replies.send(exchange, status, bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
