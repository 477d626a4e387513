package com.example.testapi.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.example.testapi.local.lambda.portable.NativeClientProbe;
import com.example.testapi.local.lambda.portable.PortableRuntime;

/**
 * Which runtime a packaged function runs on here: the AWS runtime interface client, as Lambda's java runtime, where
 * its native library loads (it ships Linux builds only), else the {@link PortableRuntime} (macOS, Windows, an unusual
 * Linux). Decided once per JVM by trying the library in a child JVM ({@link NativeClientProbe}), not by the OS's
 * name. {@code -Dlocal.lambda.runtime=portable} (or {@code ric}) forces one: how CI proves the path a Mac takes.
 *
 * @param portable whether the portable runtime runs it
 * @param why what decided it, for the console
 */
public record FunctionRuntime(boolean portable, String why) {

    public static final String PROPERTY = "local.lambda.runtime";
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The portable runtime's classes, copied into a folder of their own: nothing else of ours reaches the function. */
    private static final List<String> PORTABLE_CLASSES = List.of("PortableRuntime", "PortableContext",
            "StreamHandler", "NativeClientProbe");

    /** What the probe found, per JDK: a machine's answer does not change while the cloud runs. */
    private static final Map<Path, FunctionRuntime> DETECTED = new ConcurrentHashMap<>();
    private static Path copied; // the portable classes' folder, written once per JVM (guarded by the class)

    /** The runtime for functions started with {@code javaHome}'s java, as the property or the probe decides. */
    public static FunctionRuntime choose(Path javaHome) throws IOException {
        String forced = System.getProperty(PROPERTY, "auto");
        switch (forced) {
            case "portable":
                return new FunctionRuntime(true, "forced by -D" + PROPERTY + "=portable");
            case "ric":
                return new FunctionRuntime(false, "forced by -D" + PROPERTY + "=ric");
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " is auto, ric or portable, not " + forced);
        }
        try {
            return DETECTED.computeIfAbsent(javaHome, home -> {
                try {
                    return probe(home);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The main class the function's JVM starts. */
    String mainClass() {
        return portable ? PortableRuntime.class.getName() : RIC_MAIN;
    }

    /** Class path entries before the task root: the client's jars (as in Lambda, the runtime's own come first). */
    List<String> before() {
        return portable ? List.of() : runtimeClientJars();
    }

    /** Class path entries after the task root and its jars: the portable runtime's own, so the function's win. */
    List<String> after() throws IOException {
        return portable ? List.of(portableClasses().toString(), jarOf("com.fasterxml.jackson.core.JsonFactory"),
                jarOf("com.amazonaws.services.lambda.runtime.Context")) : List.of();
    }

    private static FunctionRuntime probe(Path javaHome) throws IOException {
        List<String> classpath = new ArrayList<>(runtimeClientJars());
        classpath.add(portableClasses().toString());
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(PackagedFunction.RUNTIME_FLAGS); // the functions' JVM, as far as loading a library goes
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), NativeClientProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return new FunctionRuntime(true, "the runtime interface client's library did not load within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying the runtime interface client's library", e);
        }
        // Its own line, marked: the JVM may print others (JAVA_TOOL_OPTIONS' "Picked up …").
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith(NativeClientProbe.MARK)).map(line -> line.substring(NativeClientProbe
                        .MARK.length())).findFirst().orElse("exit " + probe.exitValue());
        return probe.exitValue() == 0 ? new FunctionRuntime(false, "its native library loads here")
                : new FunctionRuntime(true, "the runtime interface client's native library does not load here ("
                        + said + ")");
    }

    /**
     * The portable runtime's class files, copied from this class path once per JVM into a folder of this process
     * (target/local-runtime/PID): a function already running loads its classes from there lazily, so they are never
     * rewritten under it, and two clouds sharing target/ do not write over each other's.
     */
    private static synchronized Path portableClasses() throws IOException {
        if (copied != null) {
            return copied;
        }
        Path root = Path.of("target", "local-runtime", String.valueOf(ProcessHandle.current().pid()))
                .toAbsolutePath();
        Path dir = Files.createDirectories(root.resolve(PortableRuntime.class.getPackageName().replace('.', '/')));
        for (String name : PORTABLE_CLASSES) {
            try (InputStream in = PortableRuntime.class.getResourceAsStream(name + ".class")) {
                if (in == null) {
                    throw new IOException("the portable runtime's " + name + ".class is not on the class path");
                }
                Path part = Files.createTempFile(dir, name, ".part");
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, dir.resolve(name + ".class"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        copied = root;
        return root;
    }

    /** The jars of the runtime interface client and its dependencies, wherever this JVM loaded them. */
    private static List<String> runtimeClientJars() {
        return List.of(jarOf(RIC_MAIN), jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"),
                jarOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal"));
    }

    private static String jarOf(String className) {
        try {
            return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (ReflectiveOperationException | URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the local cloud's class path", e);
        }
    }
}
