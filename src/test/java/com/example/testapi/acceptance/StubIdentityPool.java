package com.example.testapi.acceptance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.testapi.local.gateway.LocalUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Cognito identity pool's GetId and GetCredentialsForIdentity (moto only stubs them, without role
 * mapping): records the Logins map each call carried and hands out distinct fake credentials valid for an hour.
 */
final class StubIdentityPool implements AutoCloseable {

    record Call(String operation, JsonNode request) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    volatile boolean refuseCredentials;
    /** Group → keys to hand out, as token-based role mapping would pick the group's role; empty: fresh fake keys. */
    volatile Map<String, LocalUser> keysByGroup = Map.of();

    StubIdentityPool() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (this) {
            calls.add(new Call(operation, request));
        }
        int n = issued.incrementAndGet();
        String body;
        int status = 200;
        if (operation.equals("GetId")) {
            body = MAPPER.createObjectNode().put("IdentityId", "us-east-1:stub-identity-" + n).toString();
        } else if (refuseCredentials) {
            status = 400;
            body = "{\"__type\":\"NotAuthorizedException\",\"message\":\"Ambiguous role mapping\"}";
        } else {
            String group = firstGroup(request.path("Logins"));
            LocalUser keys = group == null ? null : keysByGroup.get(group); // Map.of() refuses a null key
            var answer = MAPPER.createObjectNode().put("IdentityId", request.path("IdentityId").asText());
            answer.putObject("Credentials")
                    .put("AccessKeyId", keys == null ? "ASIASTUB" + n : keys.accessKeyId())
                    .put("SecretKey", keys == null ? "stub-secret-" + n : keys.secretAccessKey())
                    .put("SessionToken", keys == null ? "stub-token-" + n : keys.sessionToken())
                    .put("Expiration", Instant.now().plusSeconds(3600).getEpochSecond());
            body = answer.toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The first {@code cognito:groups} entry of the (only) ID token in a Logins map. */
    static String firstGroup(JsonNode logins) {
        var tokens = logins.elements();
        if (!tokens.hasNext()) {
            return null;
        }
        return claims(tokens.next().asText()).path("cognito:groups").path(0).asText(null);
    }

    /** The payload of a JWT (not verified: the stub only reads what the user pool put there); empty if unreadable. */
    static JsonNode claims(String jwt) {
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException | RuntimeException e) {
            return MAPPER.createObjectNode();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
