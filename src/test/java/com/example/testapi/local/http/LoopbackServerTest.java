package com.example.testapi.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.TestCloud;

/**
 * Every local service answers only requests addressed to it by a loopback name and its port: a page whose own name
 * was rebound to 127.0.0.1 (DNS rebinding) sends its own Host and is refused. Raw sockets, since HTTP clients will not
 * send a Host other than the one they connect to.
 */
class LoopbackServerTest {

    /** The status line's code for a GET with {@code host} to loopback {@code port}. */
    private static int statusFor(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000); // a hang fails fast, naming the request
            OutputStream out = socket.getOutputStream();
            out.write(("GET /x HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void onlyItsOwnLoopbackNamesAndPortAreAnswered() throws IOException {
        try (LoopbackServer server = LoopbackServer.start(0, "/", exchange -> {
            try (exchange) {
                Replies.send(exchange, 204, new byte[0]);
            }
        }, Executors.newSingleThreadExecutor())) {
            int port = server.port();
            for (String own : new String[] { "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port,
                    "[::1]:" + port }) {
                assertEquals(204, statusFor(port, own), own);
            }
            for (String foreign : new String[] { "evil.example:" + port, "127.0.0.1", "localhost:" + (port + 1),
                    "127.0.0.1.nip.io:" + port }) {
                assertEquals(403, statusFor(port, foreign), foreign);
            }
        }
    }

    @Test
    void everyServiceOfTheLocalCloudChecksIt() throws IOException {
        try (TestCloud cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION)) {
            for (int port : new int[] { cloud.cloud.gateway().baseUri().getPort(),
                    cloud.cloud.userPool().endpoint().getPort(), cloud.cloud.identityPool().endpoint().getPort() }) {
                assertEquals(403, statusFor(port, "rebound.example:" + port), "port " + port);
                assertTrue(statusFor(port, "127.0.0.1:" + port) != 403, "port " + port);
            }
        }
    }
}
