package com.example.testapi.support;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * The moto server the AWS-backed tests talk to. CI starts one and exports {@code AWS_ENDPOINT_URL_DYNAMODB}
 * (.ci/run); without it, the first test that needs moto starts {@code moto_server} on a free loopback port for this
 * JVM. Either way the AWS SDK finds it through its standard endpoint settings, with dummy credentials.
 */
public final class Moto {

    private static String endpoint;

    private Moto() {
    }

    public static synchronized String endpoint() {
        if (endpoint == null) {
            String given = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
            endpoint = given != null && !given.isBlank() ? given : start();
            // The SDK reads these system properties (region, keys, endpoint) before its other default sources.
            System.setProperty("aws.endpointUrl", endpoint);
            System.setProperty("aws.region", "us-east-1");
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
        return endpoint;
    }

    private static String start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            File log = new File("target", "moto-server.log");
            log.getParentFile().mkdirs();
            Process process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return "http://127.0.0.1:" + port;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        break;
                    }
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("moto_server did not start (see " + log + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server: install it (pip install 'moto[server]') or set "
                    + "AWS_ENDPOINT_URL_DYNAMODB to a running one", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
