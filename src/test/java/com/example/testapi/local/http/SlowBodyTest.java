package com.example.testapi.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A client that starts a request body and never finishes it cannot hold a local service's thread for ever: the
 * server's read limit (LoopbackServer, {@code sun.net.httpserver.maxReqTime}; 2 s in this test's own JVM instead of the
 * services' 60) closes its connection, and the service's only thread answers the next request. An answer that takes
 * longer than the limit, once the request is read, is not cut.
 */
class SlowBodyTest {

    @Test
    void aBodyThatNeverEndsLosesItsConnectionAndFreesTheThread() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.maxReqTime=2", "-cp", System.getProperty("java.class.path"),
                SlowClientServer.class.getName()).redirectErrorStream(true).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().strip());
            long started = System.nanoTime();
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                slow.setSoTimeout(20_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 1000\r\n\r\nx")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = slow.getInputStream();
                try {
                    while (in.read() >= 0) {
                        // whatever comes, until the server closes
                    }
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the server kept the unfinished request open for 20 s", e);
                } catch (IOException closed) {
                    // reset by the server: closed too
                }
            }
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited < 10_000, "closed at the read limit, not later: " + waited + " ms");

            HttpResponse<String> next = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("hello"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode());
            assertEquals("read 5", next.body(), "the one thread is free again");

            // The limit is on reading the request, not on the answer: a handler that takes longer (the runtime
            // API's long poll for the next event, the gateway waiting for a function) still answers.
            HttpResponse<String> slowAnswer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wait"))
                            .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, slowAnswer.statusCode());
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theServicesSetTheirReadLimitUnlessTheCommandLineDid() {
        assertEquals("60", LoopbackServer.READ_LIMIT_SECONDS);
        LoopbackServer.start(0, "/", exchange -> exchange.close(), java.util.concurrent.Executors.newSingleThreadExecutor())
                .close();
        String limit = System.getProperty("sun.net.httpserver.maxReqTime");
        assertTrue(limit != null && Long.parseLong(limit) > 30, "set, and above the gateway's 30 s: " + limit);
    }
}
