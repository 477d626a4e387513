package com.example.testapi.local.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The transport of every local service: a JDK {@link HttpServer} on a loopback port (0: any free one) serving one
 * handler under {@code path} on its own threads, without Nagle's delay (else ~40 ms per small response).
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static LoopbackServer start(int port, String path, HttpHandler handler, ExecutorService executor) {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // read when the first server is made
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.createContext(path, handler);
            server.setExecutor(executor);
            server.start();
            return new LoopbackServer(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
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
