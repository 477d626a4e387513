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
import java.util.function.IntSupplier;

import com.example.testapi.bench.Figures;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * The GET and POST events the warm phase sends; each POST carries a new {@code Idempotency-Key}, as the browser
     * app sends every new message (a key makes the store's write a two-item transaction).
     */
    record Events(byte[] get, byte[] post) {

        byte[] post(long n) throws IOException {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(post);
            ((ObjectNode) tree.get("headers")).put("idempotency-key", "power-" + n + "-" + System.nanoTime());
            return MAPPER.writeValueAsBytes(tree);
        }
    }

    /** How the warm phase runs: steady-state windows, measured events, and the storage waits to model. */
    record Warm(int events, int windowEvents, int maxWindows, double tolerance, List<Integer> waitsMs,
            int getCalls, int postCalls) {
    }

    /**
     * One warm phase: the windows it took to settle, then the measured GETs and POSTs, their CPU time per request,
     * and (with a counter of storage calls) the calls each made.
     */
    record WarmRun(List<Double> windowsP50, boolean steady, List<Double> get, List<Double> post, double getCpuMs,
            double postCpuMs, double getCalls, double postCalls) {
    }

    private final Path javaHome;
    private final int machineCores;
    private final List<String> extraJvmFlags;
    private long posts;

    SizeLauncher(Path javaHome, int machineCores, List<String> extraJvmFlags) {
        this.javaHome = javaHome;
        this.machineCores = machineCores;
        this.extraJvmFlags = extraJvmFlags;
    }

    /**
     * Launches {@code zip} once at {@code size} under a CFS period of {@code periodUs} and adds its figures to
     * {@code f}; a launch that fails (does not start, dies, times out) adds a failure instead and returns false. With
     * {@code p99Only}, only the warm p99s go in (the short-period launches).
     */
    boolean launch(Path zip, LambdaSize size, long periodUs, Map<String, String> environment, Events events, Warm warm,
            Path work, SizeFigures f, boolean p99Only) throws Exception {
        try {
            return run(zip, size, periodUs, environment, work, (function, limit) -> {
                if (p99Only) {
                    start(function, events);
                    WarmRun run = warm(function, events, warm, limit, () -> 0);
                    f.getP99ShortPeriodMs.add(Figures.percentile(run.get(), 99));
                    f.postP99ShortPeriodMs.add(Figures.percentile(run.post(), 99));
                } else {
                    measure(function, events, warm, f, limit);
                }
                return true;
            });
        } catch (LaunchFailed e) {
            f.failures.add(e.getMessage());
            return false;
        }
    }

    /**
     * One launch against a real DynamoDB API ({@code environment} names the table and the endpoint): its warm
     * phase, with the storage calls {@code calls} counts.
     */
    WarmRun launchWithStorage(Path zip, LambdaSize size, long periodUs, Events events, Warm warm, Path work,
            Map<String, String> environment, IntSupplier calls) throws Exception {
        return run(zip, size, periodUs, environment, work, (function, limit) -> {
            start(function, events);
            return warm(function, events, warm, limit, calls);
        });
    }

    /** What to do with a started function inside its cgroup. */
    private interface Phase<T> {
        T in(PackagedFunction function, CpuLimit limit) throws Exception;
    }

    /** A launch that did not start, died or timed out, with why and the function's last error line. */
    static final class LaunchFailed extends Exception {
        LaunchFailed(String message) {
            super(message);
        }
    }

    private <T> T run(Path zip, LambdaSize size, long periodUs, Map<String, String> extraEnvironment, Path work,
            Phase<T> phase) throws Exception {
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
            environment.putAll(extraEnvironment);
            try (PackagedFunction function = PackagedFunction.start(PackagedFunction.Launch.of(zip, work)
                    .withJavaHome(javaHome).withEnvironment(environment).withExtraJvmFlags(flags)
                    .withCommandPrefix(limit.commandPrefix()).withLog(work.resolve("function.log").toFile()))) {
                return phase.in(function, limit);
            } catch (Exception e) {
                throw new LaunchFailed(e.getClass().getSimpleName() + ": " + e.getMessage() + lastLogLine(work));
            }
        }
    }

    /** Init and cold start: launch to the first /next, and to the first answer. */
    private static double[] start(PackagedFunction function, Events events) throws Exception {
        CompletableFuture<Instant> firstResponse = function.runtimeApi().submit(events.get())
                .thenApply(body -> Instant.now());
        Instant ready = function.awaitReady(START_TIMEOUT);
        Instant answered = firstResponse.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new double[] {ms(function.launchedAt(), ready), ms(function.launchedAt(), answered)};
    }

    private void measure(PackagedFunction function, Events events, Warm warm, SizeFigures f, CpuLimit limit)
            throws Exception {
        double[] started = start(function, events);
        WarmRun run = warm(function, events, warm, limit, () -> 0);
        f.getWallsSample = run.get();
        f.postWallsSample = run.post();
        f.initMs.add(started[0]);
        f.coldStartMs.add(started[1]);
        f.warmupWindowsP50Ms.add(run.windowsP50());
        f.steady.add(run.steady());
        f.getP50Ms.add(Figures.percentile(run.get(), 50));
        f.getP99Ms.add(Figures.percentile(run.get(), 99));
        f.postP50Ms.add(Figures.percentile(run.post(), 50));
        f.postP99Ms.add(Figures.percentile(run.post(), 99));
        for (int wait : java.util.stream.Stream.concat(java.util.stream.Stream.of(0), warm.waitsMs().stream())
                .distinct().toList()) {
            f.getBilledMsByWait.computeIfAbsent(wait, w -> new ArrayList<>())
                    .add(meanBilled(run.get(), warm.getCalls() * wait));
            f.postBilledMsByWait.computeIfAbsent(wait, w -> new ArrayList<>())
                    .add(meanBilled(run.post(), warm.postCalls() * wait));
        }
        f.getCpuMs.add(run.getCpuMs());
        f.postCpuMs.add(run.postCpuMs());
        f.rssMiB.add(function.rssMiB());
        JsonNode answer = MAPPER.readTree(function.invoke(events.get()));
        f.getResponseBytes.add((double) answer.path("body").asText().length());
        f.getBodyBase64 = answer.path("isBase64Encoded").asBoolean(false);
        f.throttledMs.add((double) limit.throttledMs());
    }

    /**
     * Warms the function in windows of GETs and POSTs until the median of three successive windows stays within the
     * tolerance of their middle one (or the windows run out: then not steady), then measures {@code events / 2} GETs
     * and as many POSTs, each block with the CPU time the cgroup counted for it.
     */
    private WarmRun warm(PackagedFunction function, Events events, Warm warm, CpuLimit limit, IntSupplier calls)
            throws Exception {
        List<Double> windows = new ArrayList<>();
        boolean steady = false;
        while (!steady && windows.size() < warm.maxWindows()) {
            List<Double> window = new ArrayList<>();
            for (int i = 0; i < warm.windowEvents(); i++) {
                window.add(timed(function, i % 2 == 0 ? events.get() : events.post(posts++)));
            }
            windows.add(Figures.round(Figures.percentile(window, 50), 3).doubleValue());
            steady = settled(windows, warm.tolerance());
        }
        int each = Math.max(1, warm.events() / 2);
        List<Double> get = new ArrayList<>();
        int calls0 = calls.getAsInt();
        double cpu0 = limit.usageMs();
        for (int i = 0; i < each; i++) {
            get.add(timed(function, events.get()));
        }
        double cpu1 = limit.usageMs();
        int calls1 = calls.getAsInt();
        List<Double> post = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            post.add(timed(function, events.post(posts++)));
        }
        double cpu2 = limit.usageMs();
        int calls2 = calls.getAsInt();
        return new WarmRun(windows, steady, get, post, (cpu1 - cpu0) / each, (cpu2 - cpu1) / each,
                (calls1 - calls0) / (double) each, (calls2 - calls1) / (double) each);
    }

    /** True when the last three window medians lie within {@code tolerance} (a fraction) of their middle one. */
    static boolean settled(List<Double> windows, double tolerance) {
        if (windows.size() < 3) {
            return false;
        }
        List<Double> last = new ArrayList<>(windows.subList(windows.size() - 3, windows.size()));
        double middle = Figures.median(last);
        return last.stream().allMatch(w -> Math.abs(w - middle) <= tolerance * middle);
    }

    private static double timed(PackagedFunction function, byte[] event) throws Exception {
        long start = System.nanoTime();
        function.invoke(event);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Lambda bills each invocation's duration rounded up to the next millisecond. */
    static double meanBilled(List<Double> durationsMs) {
        return meanBilled(durationsMs, 0);
    }

    /**
     * The same with {@code waitMs} of storage wait added to each request before rounding: the model of a deployed
     * request, whose DynamoDB calls the in-memory store does not make (docs/performance.md says what it leaves out).
     */
    static double meanBilled(List<Double> durationsMs, double waitMs) {
        return durationsMs.stream().mapToDouble(d -> Math.ceil(d + waitMs)).average().orElse(0);
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
