package com.example.testapi.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.LocalCloud;

/**
 * A client that starts a request body and never finishes it cannot hold a local service's thread for ever: the local
 * cloud, started by its own main in a JVM of its own with a read limit of 2 s (the JDK server reads
 * {@code sun.net.httpserver.maxReqTime} once per JVM; the services' own default is 60 s), drops the connection at the
 * limit, and the user pool answers the next request.
 */
class SlowBodyTest {

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aBodyThatNeverEndsLosesItsConnectionAndTheServiceAnswersOn() throws Exception {
        int userPool = freePort();
        Process cloud = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.maxReqTime=2", "-Dlocal.users=none", "-Dlocal.web=" + work.resolve("no-web"),
                "-Dlocal.template=" + Path.of("template.yaml").toAbsolutePath(),
                "-Dlocal.backend=http://127.0.0.1:9/_lambda_", "-Dlocal.port=" + freePort(),
                "-Dlocal.user-pool-port=" + userPool, "-Dlocal.identity-pool-port=" + freePort(),
                "-Dlocal.web-port=" + freePort(), "-Dlocal.hosted-ui-port=" + freePort(),
                "-cp", System.getProperty("java.class.path"), LocalCloud.class.getName())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("cloud.log").toFile())
                .start();
        try {
            awaitListening(userPool, cloud);
            long started = System.nanoTime();
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), userPool)) {
                slow.setSoTimeout(20_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + userPool + "\r\nContent-Type: "
                        + "application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = slow.getInputStream();
                try {
                    while (in.read() >= 0) {
                        // whatever comes, until the server closes
                    }
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the user pool kept the unfinished request open for 20 s", e);
                } catch (IOException closed) {
                    // reset by the server: closed too
                }
            }
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited < 10_000, "closed at the read limit, not later: " + waited + " ms");

            HttpResponse<String> next = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + userPool + "/"))
                            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-amz-json-1.1")
                            .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(400, next.statusCode(), next.body()); // answered: a refusal of the empty request
        } finally {
            cloud.destroyForcibly();
            cloud.waitFor(10, TimeUnit.SECONDS);
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

    /** Until the local cloud's user pool accepts connections (its main prints its banner then), at most 60 s. */
    private void awaitListening(int port, Process cloud) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!cloud.isAlive()) {
                throw new AssertionError("the local cloud stopped: " + Files.readString(work.resolve("cloud.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the local cloud did not listen within 60 s: "
                + Files.readString(work.resolve("cloud.log")));
    }
}
