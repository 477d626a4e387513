package com.example.testapi.bench.power;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.testapi.bench.Figures;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One launch of a function.zip at one memory size, as the benchmark runs it (runtime interface client, the runtime's
 * flags, a local Runtime API), with the size's heap and inside a cgroup holding the size's CPU share. The Runtime
 * API and this driver stay outside the cgroup, as API Gateway and Lambda's own service are outside the function.
 */
final class SizeLauncher {

    /** A start that takes longer is a size that cannot hold the function in time (Lambda's init limit is 10 s). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("bench.power.startTimeoutSeconds",
            180));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The GET and POST events the warm phase alternates. */
    record Events(byte[] get, byte[] post) {
    }

    private final Path javaHome;
    private final long periodUs;
    private final int machineCores;
    private final List<String> extraJvmFlags;

    SizeLauncher(Path javaHome, long periodUs, int machineCores, List<String> extraJvmFlags) {
        this.javaHome = javaHome;
        this.periodUs = periodUs;
        this.machineCores = machineCores;
        this.extraJvmFlags = extraJvmFlags;
    }

    /**
     * Launches {@code zip} once at {@code size} and adds its figures to {@code f}; a launch that fails (does not start,
     * dies, times out) adds a failure instead and returns false.
     */
    boolean launch(Path zip, LambdaSize size, Events events, int warm, Path work, SizeFigures f) throws Exception {
        CpuLimit.Result created = CpuLimit.create("power-tuning-" + ProcessHandle.current().pid(), size.cores(),
                periodUs);
        if (created.limit().isEmpty()) {
            throw new IllegalStateException("Power tuning stopped: " + created.whyNot()
                    + ". Without a CPU limit every size would get the whole machine, and its figures are not the size's.");
        }
        Files.createDirectories(work);
        try (CpuLimit limit = created.limit().get()) {
            List<String> flags = new ArrayList<>(size.jvmFlags());
            // The JVM sizes its compiler and GC threads by the CPUs it sees; Lambda shows its two vCPUs at every
            // size, so the JVM here sees the machine's cores, not the quota: only the CPU time differs.
            flags.add("-XX:ActiveProcessorCount=" + machineCores);
            flags.addAll(extraJvmFlags);
            Map<String, String> environment = new HashMap<>(size.environment());
            try (PackagedFunction function = PackagedFunction.start(PackagedFunction.Launch.of(zip, work)
                    .withJavaHome(javaHome).withEnvironment(environment).withExtraJvmFlags(flags)
                    .withCommandPrefix(limit.commandPrefix()).withLog(work.resolve("function.log").toFile()))) {
                measure(function, events, warm, f, limit);
                return true;
            } catch (Exception e) {
                f.failures.add(e.getClass().getSimpleName() + ": " + e.getMessage() + lastLogLine(work));
                return false;
            }
        }
    }

    private void measure(PackagedFunction function, Events events, int warm, SizeFigures f, CpuLimit limit)
            throws Exception {
        CompletableFuture<Instant> firstResponse = function.runtimeApi().submit(events.get())
                .thenApply(body -> Instant.now());
        Instant ready = function.awaitReady(START_TIMEOUT);
        Instant answered = firstResponse.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        double init = ms(function.launchedAt(), ready);
        double cold = ms(function.launchedAt(), answered);
        for (int i = 0; i < Math.max(20, warm / 5); i++) { // warm-up: the JIT and caches, as a busy function's
            function.invoke(i % 2 == 0 ? events.get() : events.post());
        }
        List<Double> get = new ArrayList<>();
        List<Double> post = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            boolean isGet = i % 2 == 0;
            long start = System.nanoTime();
            function.invoke(isGet ? events.get() : events.post());
            (isGet ? get : post).add((System.nanoTime() - start) / 1e6);
        }
        f.initMs.add(init);
        f.coldStartMs.add(cold);
        f.getP50Ms.add(Figures.percentile(get, 50));
        f.getP99Ms.add(Figures.percentile(get, 99));
        f.postP50Ms.add(Figures.percentile(post, 50));
        f.postP99Ms.add(Figures.percentile(post, 99));
        f.getBilledMs.add(meanBilled(get));
        f.postBilledMs.add(meanBilled(post));
        f.rssMiB.add(function.rssMiB());
        JsonNode answer = MAPPER.readTree(function.invoke(events.get()));
        f.getResponseBytes.add((double) answer.path("body").asText().length());
        f.getBodyBase64 = answer.path("isBase64Encoded").asBoolean(false);
        f.throttledMs.add((double) limit.throttledMs());
    }

    /** Lambda bills each invocation's duration rounded up to the next millisecond. */
    static double meanBilled(List<Double> durationsMs) {
        return durationsMs.stream().mapToDouble(Math::ceil).average().orElse(0);
    }

    private static String lastLogLine(Path work) {
        try {
            List<String> lines = Files.readAllLines(work.resolve("function.log"));
            return lines.stream().filter(l -> l.contains("Error") || l.contains("Exception")).reduce((a, b) -> b)
                    .map(l -> " (function log: " + l.strip() + ")").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
