package com.example.testapi.local.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The transport of every local service: a JDK {@link HttpServer} on a loopback port (0: any free one) serving one
 * handler under {@code path} on its own threads, without Nagle's delay (else ~40 ms per small response). A request
 * whose {@code Host} is not this loopback address and port (127.0.0.1, localhost or [::1]) is refused with 403 before
 * the handler sees it: a web page that rebinds its own name to 127.0.0.1 (DNS rebinding) cannot reach the services.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Seconds a request may take from its first byte until it is read whole, headers and body (the JDK server's
     * documented {@code sun.net.httpserver.maxReqTime}; the time the handler then takes to answer is not counted): a
     * client that sends a body slowly, or never finishes it, loses its connection then instead of holding a thread
     * for ever. A value set on the command line wins.
     */
    static final String READ_LIMIT_SECONDS = "60";

    public static LoopbackServer start(int port, String path, HttpHandler handler, ExecutorService executor) {
        // Both are read once, when the JVM's first JDK server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", READ_LIMIT_SECONDS);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.createContext(path, exchange -> {
                if (ownHost(exchange.getRequestHeaders().getFirst("Host"), exchange.getLocalAddress().getPort())) {
                    handler.handle(exchange);
                } else {
                    refuseHost(exchange);
                }
            });
            server.setExecutor(executor);
            server.start();
            return new LoopbackServer(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
    }

    /** Whether {@code host} names this service: a loopback name with this port. */
    static boolean ownHost(String host, int port) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("127.0.0.1:" + port) || name.equals("localhost:" + port) || name.equals("[::1]:" + port);
    }

    private static void refuseHost(HttpExchange exchange) throws IOException {
        try (exchange) { // its body is never read: the server discards it with the connection
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            Replies.send(exchange, 403, ("Host not allowed: this local service answers only 127.0.0.1, localhost or"
                    + " [::1] with its port.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostAndPort() {
        return server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
