package com.example.testapi.local.http;

import java.io.IOException;
import java.io.InputStream;

import com.sun.net.httpserver.HttpExchange;

/**
 * The one way the local services read a request body: at most a limit, and a body that says it is larger
 * ({@code Content-Length}) is refused before a byte of it is read, as AWS's front ends refuse an oversized payload. A
 * body without a length (chunked) is read up to the limit and one byte more, never further. What is left unread is
 * the server's to discard when the exchange closes (it drops the connection rather than read it all).
 */
public final class RequestBodies {

    /** A body over the limit: nothing more of it is read. */
    public static final class TooLarge extends Exception {
        public TooLarge(long limit) {
            super("the request body is over " + limit + " bytes", null, false, false);
        }
    }

    private RequestBodies() {
    }

    public static byte[] read(HttpExchange exchange, int limit) throws IOException, TooLarge {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE; // the JDK server refuses such a request itself; never read it here
            }
            if (length > limit) {
                throw new TooLarge(limit);
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new TooLarge(limit);
        }
        return body;
    }
}
