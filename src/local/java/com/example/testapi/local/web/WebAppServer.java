package com.example.testapi.local.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.example.testapi.local.http.LoopbackServer;
import com.example.testapi.local.http.Replies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.sun.net.httpserver.HttpExchange;

/**
 * Serves the built browser app (the Vite bundle in {@code target/web}) and its {@code config.json} for the local
 * cloud, on {@code http://localhost:PORT}: another origin than the API, as in AWS, so CORS is exercised for real.
 */
public final class WebAppServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    private final Path root;
    private final byte[] config;
    private final String contentSecurityPolicy;
    private final LoopbackServer server;

    /**
     * {@code connectTo}: the origins the app may call (API, user pool, identity pool, hosted UI), what its
     * Content-Security-Policy allows besides itself, as the hosted app's CloudFront policy does for the stack's.
     */
    public WebAppServer(Path root, String configJson, int port, List<String> connectTo) {
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalStateException("no browser app in " + root + ": build it with ./mvnw package");
        }
        this.root = root.toAbsolutePath().normalize();
        this.config = configJson.getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self' "
                + String.join(" ", connectTo);
        server = LoopbackServer.start(port, "/", this::handle, Executors.newFixedThreadPool(4));
    }

    /** The app's URL, on {@code localhost} (the origin template.yaml's AllowedOrigins names by default). */
    public URI uri() {
        return URI.create("http://localhost:" + server.port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/config.json")) {
                send(exchange, 200, TYPES.get("json"), config);
                return;
            }
            Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            send(exchange, 200, type, Files.readAllBytes(file));
        }
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // The hosted app's security headers (template.yaml, WebSecurityHeaders) but HSTS, which plain http ignores.
        exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Replies.send(exchange, status, body);
    }

    @Override
    public void close() {
        server.close();
    }

    /** The browser app's {@code config.json} for a stack with these {@code outputs} (the hosted app's fields). */
    public static String config(String region, Map<String, String> outputs) {
        ObjectNode config = new ObjectMapper().createObjectNode().put("region", region)
                .put("userPoolId", outputs.get("UserPoolId")).put("userPoolClientId", outputs.get("UserPoolClientId"))
                .put("identityPoolId", outputs.get("IdentityPoolId")).put("apiUrl", outputs.get("ApiUrl"))
                .put("cognitoIdpEndpoint", outputs.get("CognitoIdpEndpoint"))
                .put("cognitoIdentityEndpoint", outputs.get("CognitoIdentityEndpoint"))
                .put("fullAccessRoleArn", outputs.get("FullAccessRoleArn"))
                .put("readAccessRoleArn", outputs.get("ReadAccessRoleArn"))
                .put("adminRoleArn", outputs.get("AdminRoleArn"));
        if (outputs.containsKey("HostedUiUrl")) {
            config.put("hostedUiUrl", outputs.get("HostedUiUrl"));
        }
        return config.toString();
    }
}
