package com.example.testapi.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs {@code target/function.zip} the way Lambda's java25 managed runtime does: unzipped as the task root, a JVM
 * with the runtime's flags, the AWS runtime interface client as main class with the handler of template.yaml (or,
 * where its native library does not load, the portable runtime: {@link FunctionRuntime}), and
 * {@code AWS_LAMBDA_RUNTIME_API} pointing to a {@link LocalRuntimeApi}.
 */
public final class PackagedFunction implements FunctionBackend {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** The flags the java runtimes start a 512 MB function with (max heap ~85% of memory). */
    public static final List<String> RUNTIME_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx435m");

    /**
     * What to start: the zip, where to unpack it, the JDK, the handler, extra environment, and JVM flags after the
     * runtime's (a later flag overrides an earlier one: how the benchmark tries another JIT setting).
     */
    public record Launch(Path functionZip, Path workDir, Path javaHome, String handler, List<String> classpathExtras,
            Map<String, String> environment, File log, List<String> extraJvmFlags, List<String> commandPrefix) {

        public static Launch of(Path functionZip, Path workDir) {
            return new Launch(functionZip, workDir, Path.of(System.getProperty("java.home")), HANDLER, List.of(),
                    Map.of(), null, List.of(), List.of());
        }

        /**
         * A command the JVM's command line is appended to, which must exec it (same pid): how the power-tuning run
         * puts the JVM into a CPU-limited cgroup before its first instruction.
         */
        public Launch withCommandPrefix(List<String> prefix) {
            return new Launch(functionZip, workDir, javaHome, handler, classpathExtras, environment, log,
                    extraJvmFlags, prefix);
        }

        public Launch withJavaHome(Path home) {
            return new Launch(functionZip, workDir, home, handler, classpathExtras, environment, log, extraJvmFlags,
                    commandPrefix);
        }

        /** Another handler, with extra class path entries (the benchmark's plain handler runs without a zip). */
        public Launch withHandler(String name, List<String> extras) {
            return new Launch(functionZip, workDir, javaHome, name, extras, environment, log, extraJvmFlags,
                    commandPrefix);
        }

        public Launch withEnvironment(Map<String, String> env) {
            return new Launch(functionZip, workDir, javaHome, handler, classpathExtras, env, log, extraJvmFlags,
                    commandPrefix);
        }

        /** Function output to this file (appended) instead of this console. */
        public Launch withLog(File file) {
            return new Launch(functionZip, workDir, javaHome, handler, classpathExtras, environment, file,
                    extraJvmFlags, commandPrefix);
        }

        public Launch withExtraJvmFlags(List<String> flags) {
            return new Launch(functionZip, workDir, javaHome, handler, classpathExtras, environment, log, flags,
                    commandPrefix);
        }
    }

    private final LocalRuntimeApi runtimeApi;
    private final Process process;
    private final Instant launchedAt;
    private final String code;
    private final FunctionRuntime runtime;

    private PackagedFunction(LocalRuntimeApi runtimeApi, Process process, Instant launchedAt, String code,
            FunctionRuntime runtime) {
        this.code = code;
        this.runtime = runtime;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.launchedAt = launchedAt;
    }

    /** Unpacks the zip (fresh, per work dir) and starts one function instance. Without a zip, the task is empty. */
    public static PackagedFunction start(Launch launch) throws IOException {
        Path taskRoot = launch.functionZip() == null ? Files.createDirectories(launch.workDir().resolve("task"))
                .toRealPath() : unpack(launch.functionZip(), launch.workDir().resolve("task"));
        FunctionRuntime runtime = FunctionRuntime.choose(launch.javaHome());
        List<String> command = new ArrayList<>(launch.commandPrefix());
        command.add(launch.javaHome().resolve("bin").resolve("java").toString());
        command.addAll(RUNTIME_FLAGS);
        command.addAll(launch.extraJvmFlags());
        command.add("-cp");
        List<String> classpath = new ArrayList<>(runtime.before());
        classpath.add(taskRoot.toString());
        classpath.add(taskRoot.resolve("lib") + File.separator + "*");
        classpath.addAll(launch.classpathExtras());
        classpath.addAll(runtime.after());
        command.add(String.join(File.pathSeparator, classpath));
        command.add(runtime.mainClass());
        command.add(launch.handler());

        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        LocalRuntimeApi api = new LocalRuntimeApi();
        Map<String, String> env = builder.environment();
        // The caller's environment passes through (TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB, keys for it); the
        // variables Lambda itself sets are ours.
        env.putAll(lambdaEnvironment(api.address(), launch.handler(), taskRoot));
        env.putAll(launch.environment());
        if (env.getOrDefault("TABLE_NAME", "").isBlank()) {
            // Locally, without a table, the function keeps items in memory: said explicitly, as Lambda demands.
            env.put("ITEMS_IN_MEMORY", "true");
        }
        if (launch.log() == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log()));
        }
        Instant launchedAt = Instant.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            api.close(); // its server thread would keep the JVM alive for nothing
            throw e;
        }
        return new PackagedFunction(api, process, launchedAt,
                launch.functionZip() == null ? launch.handler() : launch.functionZip().toString(), runtime);
    }

    /** The Runtime API this instance polls: the benchmark submits to it directly to time the first response. */
    public LocalRuntimeApi runtimeApi() {
        return runtimeApi;
    }

    public Instant launchedAt() {
        return launchedAt;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the runtime polls for its first event; fails if it reports an init error or exits. */
    public Instant awaitReady(Duration timeout) throws Exception {
        CompletableFuture<Object> done = CompletableFuture.anyOf(runtimeApi.firstPoll(), runtimeApi.initError(),
                process.onExit());
        Object first = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first instanceof Instant ready) {
            return ready;
        }
        throw new IllegalStateException("the function did not start: " + (first instanceof Process p
                ? "exited with " + p.exitValue() : first));
    }

    @Override
    public byte[] invoke(byte[] event) throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("the function process exited with " + process.exitValue());
        }
        java.util.concurrent.CompletableFuture<byte[]> answer = runtimeApi.submit(event);
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            answer.cancel(false); // none when answered; else the runtime never takes an event nobody waits for
        }
    }

    @Override
    public String describe() {
        return code + (runtime.portable() ? " on the portable runtime (" + runtime.why() + ")"
                : " on the AWS runtime interface client") + " (pid " + process.pid() + ")";
    }

    /** Resident memory of the function process in MiB, from /proc (Linux only: elsewhere an IOException says so). */
    public double rssMiB() throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.isReadable(status)) {
            throw new IOException("resident memory is read from /proc, which this system does not have");
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for pid " + process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.close();
    }

    private static Map<String, String> lambdaEnvironment(String runtimeApi, String handler, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("_HANDLER", handler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "local-function");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        env.put("TZ", ":UTC");
        return env;
    }

    private static Path unpack(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException(zip + " does not exist: run ./mvnw package first");
        }
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
        Path root = target.toRealPath();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out);
                    // The entry's time, not the unpacking's: a JVM cache (CDS/AOT) keyed on the class path's jar
                    // times then stays valid from one launch to the next.
                    Files.setLastModifiedTime(out, entry.getLastModifiedTime());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return root;
    }
}
