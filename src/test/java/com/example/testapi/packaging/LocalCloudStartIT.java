package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.lambda.FunctionRuntime;

/**
 * Runs after {@code package}: {@code ./mvnw -Plocal}'s command (the local cloud's main, in a JVM of its own) on a
 * machine where the runtime interface client's native library does not load, made so here with the client's own
 * {@code …NativeClient.JNI} property pointing at a missing file (in JAVA_TOOL_OPTIONS, which every JVM it starts
 * reads). By default the cloud starts on the portable runtime and says so; forced onto the client, it stops with one
 * line and exit code 1 instead of running with half a cloud.
 */
class LocalCloudStartIT {

    private static final String UNLOADABLE = "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi."
            + "NativeClient.JNI=/no/such/libaws-lambda-jni.so";

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Process start(Path log, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dlocal.users=none", "-Dlocal.web=" + work.resolve("no-web"),
                "-Dlocal.port=" + freePort(), "-Dlocal.user-pool-port=" + freePort(),
                "-Dlocal.identity-pool-port=" + freePort(), "-Dlocal.web-port=" + freePort(),
                "-Dlocal.hosted-ui-port=" + freePort()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalCloud.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", UNLOADABLE);
        return builder.start();
    }

    /** Waits until the log has {@code text} or the process ends; the log so far. */
    private static String awaitLine(Path log, Process process, String text, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String seen = Files.readString(log, StandardCharsets.UTF_8);
            if (seen.contains(text) || !process.isAlive()) {
                return seen;
            }
            Thread.sleep(200);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheNativeLibraryTheFunctionsRunOnThePortableRuntime() throws Exception {
        Path log = work.resolve("portable.log");
        Process cloud = start(log);
        try {
            String seen = awaitLine(log, cloud, "Ctrl-C stops it.", Duration.ofSeconds(120));
            assertTrue(cloud.isAlive(), "the cloud stopped:\n" + seen);
            assertTrue(seen.contains("on the portable runtime (the runtime interface client's native library does "
                    + "not load here"), seen);
        } finally {
            cloud.destroy();
            cloud.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void forcedOntoTheClientItStopsWithOneLineAndExitCodeOne() throws Exception {
        Path log = work.resolve("ric.log");
        Process cloud = start(log, "-D" + FunctionRuntime.PROPERTY + "=ric");
        try {
            assertTrue(cloud.waitFor(120, TimeUnit.SECONDS), "still running after 120 s");
            String seen = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(1, cloud.exitValue(), seen);
            List<String> lines = seen.lines().filter(l -> !l.isBlank()).toList();
            String last = lines.get(lines.size() - 1);
            assertTrue(last.startsWith("The local cloud did not start: the function did not start"), seen);
            assertEquals(1, lines.stream().filter(l -> l.startsWith("The local cloud did not start")).count());
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat com.example.testapi.local")),
                    "no stack trace of the local cloud's: " + seen);
        } finally {
            cloud.destroyForcibly();
        }
    }
}
