package com.example.testapi.local.http;

import java.io.IOException;
import java.io.InputStream;

import com.sun.net.httpserver.HttpExchange;

/**
 * The one way the local services read a request body: at most a limit, and a body that says it is larger
 * ({@code Content-Length}) is refused before a byte of it is read, as AWS's front ends refuse an oversized payload. A
 * body without a length (chunked) is read up to the limit and one byte more, never further. After the refusal is
 * sent, {@link Replies} throws away up to {@link #SWALLOW} more of a body that said its length, as web servers do
 * (Tomcat's maxSwallowSize), so that a client still sending it reads the answer instead of a reset connection; a body
 * further over is left unread, and the server drops the connection.
 */
public final class RequestBodies {

    /** A body over the limit: nothing more of it is read. */
    public static final class TooLarge extends Exception {
        public TooLarge(long limit) {
            super("the request body is over " + limit + " bytes", null, false, false);
        }
    }

    /** How much of a refused body is thrown away after the answer, never kept. */
    static final long SWALLOW = 1024 * 1024;
    /**
     * Whether the exchange this thread handles has a refused body to throw away after its answer. Per thread, not an
     * exchange attribute: the JDK server keeps those per context, shared by every exchange.
     */
    private static final ThreadLocal<Boolean> DISCARD = new ThreadLocal<>();

    private RequestBodies() {
    }

    /** Throws away what is left of a refused body, when it said it is at most {@link #SWALLOW} over its cap. */
    static void discardRest(HttpExchange exchange) {
        if (DISCARD.get() == null) {
            return;
        }
        DISCARD.remove();
        try {
            exchange.getRequestBody().skip(SWALLOW + 1);
        } catch (IOException e) {
            // the client went away: nothing to discard
        }
    }

    public static byte[] read(HttpExchange exchange, int limit) throws IOException, TooLarge {
        DISCARD.remove();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE; // the JDK server refuses such a request itself; never read it here
            }
            if (length > limit) {
                if (length <= limit + SWALLOW) {
                    DISCARD.set(Boolean.TRUE);
                }
                throw tooLarge(exchange, limit);
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(exchange, limit);
        }
        return body;
    }

    /**
     * The refusal, with {@code Connection: close} on its answer: the connection cannot carry another request, since
     * the client may stop sending the body when it reads the answer, or go on.
     */
    private static TooLarge tooLarge(HttpExchange exchange, int limit) {
        exchange.getResponseHeaders().set("Connection", "close");
        return new TooLarge(limit);
    }
}
