package com.example.testapi.local.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback service with one thread that reads each request's whole body, run in a JVM of its own by
 * {@link SlowBodyTest} (the JDK server reads its read limit once per JVM): prints its port, then serves until killed.
 */
public final class SlowClientServer {

    private SlowClientServer() {
    }

    public static void main(String[] args) throws Exception {
        LoopbackServer server = LoopbackServer.start(0, "/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().equals("/wait")) {
                    Thread.sleep(4_000); // an answer slower than the read limit, as the runtime API's long poll
                }
                Replies.send(exchange, 200, ("read " + body.length).getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Executors.newFixedThreadPool(1));
        System.out.println(server.port());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
