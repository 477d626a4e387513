package com.example.testapi.local.http;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;

/**
 * The one way the local services end an exchange: status, then the body, or no body at all when it is empty; then
 * the rest of a refused request body is thrown away where {@link RequestBodies} says so.
 */
public final class Replies {

    private Replies() {
    }

    /** Sends {@code status} and {@code body} (headers already set); an empty body is sent as none (-1). */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
                out.flush(); // the answer is on its way before anything more of the request is read
                RequestBodies.discardRest(exchange); // before the close, which would close the request side too
            }
        }
    }
}
