package com.example.testapi.bench.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that send a request's body a byte at a time and never finish it, to every local server, held for the
 * whole run beside the flood: each server must drop them once its time limit on reading a request has passed
 * (docs/local-cloud.md, "Under abuse": 60 s), and meanwhile keep answering everyone else.
 */
final class SlowSenders implements AutoCloseable {

    /** One connection and when (seconds into the run) the server dropped it; -1 while it is held. */
    private static final class Slow {
        final Socket socket;
        double droppedAt = -1;

        Slow(Socket socket) {
            this.socket = socket;
        }
    }

    private final List<Slow> connections = new ArrayList<>();
    private final long start = System.nanoTime();

    /** Opens {@code each} connections to every server in {@code servers}, each declaring a body it will not finish. */
    static SlowSenders open(List<URI> servers, int each) throws IOException {
        SlowSenders senders = new SlowSenders();
        for (URI server : servers) {
            for (int i = 0; i < each; i++) {
                Socket socket = new Socket(server.getHost(), server.getPort());
                socket.setSoTimeout(1);
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.getPort()
                        + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                senders.connections.add(new Slow(socket));
            }
        }
        return senders;
    }

    /** One more byte on every connection still held; notes those the server has dropped. */
    synchronized void trickle() {
        double now = (System.nanoTime() - start) / 1e9;
        for (Slow slow : connections) {
            if (slow.droppedAt >= 0) {
                continue;
            }
            try {
                OutputStream out = slow.socket.getOutputStream();
                out.write(' ');
                out.flush();
                InputStream in = slow.socket.getInputStream();
                if (in.read() < 0) {
                    slow.droppedAt = now;
                }
            } catch (SocketTimeoutException stillHeld) {
                // nothing to read: the server still waits for the body
            } catch (IOException reset) {
                slow.droppedAt = now;
            }
        }
    }

    /** Holds {@code others}' connections too. */
    synchronized void add(SlowSenders others) {
        connections.addAll(others.connections);
    }

    synchronized int opened() {
        return connections.size();
    }

    synchronized int dropped() {
        return (int) connections.stream().filter(s -> s.droppedAt >= 0).count();
    }

    /** The earliest drop, in seconds after they were opened; -1 when none was dropped. */
    synchronized double earliestDrop() {
        return connections.stream().mapToDouble(s -> s.droppedAt).filter(t -> t >= 0).min().orElse(-1);
    }

    /** The latest drop, in seconds after they were opened; -1 when none was dropped. */
    synchronized double latestDrop() {
        return connections.stream().mapToDouble(s -> s.droppedAt).max().orElse(-1);
    }

    @Override
    public synchronized void close() {
        for (Slow slow : connections) {
            try {
                slow.socket.close();
            } catch (IOException ignored) {
                // closing what the server may have closed already
            }
        }
    }
}
