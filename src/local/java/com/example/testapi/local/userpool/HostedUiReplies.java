package com.example.testapi.local.userpool;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import com.example.testapi.local.http.Replies;
import com.sun.net.httpserver.HttpExchange;

/** How the hosted UI answers: a page, a redirect, or a body, never cached, with CORS for the template's origins. */
final class HostedUiReplies {

    private final Set<String> origins;

    HostedUiReplies(Set<String> origins) {
        this.origins = origins;
    }

    void page(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", HostedUiPages.html(body));
    }

    void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        send(exchange, 302, null, new byte[0]);
    }

    /** The token endpoint is called from the app's origin: CORS for the template's origins, as the pool's API. */
    void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && origins.contains(origin)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        exchange.getResponseHeaders().set("Vary", "Origin");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type, accept");
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, OPTIONS");
        Replies.send(exchange, status, body);
    }
}
