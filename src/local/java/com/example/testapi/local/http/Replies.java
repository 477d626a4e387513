package com.example.testapi.local.http;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;

/** The one way the local services end an exchange: status, then the body, or no body at all when it is empty. */
public final class Replies {

    private Replies() {
    }

    /** Sends {@code status} and {@code body} (headers already set); an empty body is sent as none (-1). */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
