package com.example.testapi.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.testapi.bench.power.PowerTuning;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cold start, warm latency, memory and classes of three contenders run as Lambda's java runtime runs a function
 * (runtime interface client, the runtime's JVM flags, a local Runtime API), launches alternating A B C A B C: our
 * function.zip, the same work as a plain handler, and the default Quarkus lambda-http app. Every launch measures all
 * figures. Writes target/bench/report.json (and report-jdkNN.json; with {@code -Dbench.record=true} also
 * src/bench/results/jdkNN.json) and prints a Markdown table. Run by {@code ./mvnw -Pbench package}.
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int launches = Integer.getInteger("bench.launches", 7);
        int warm = Integer.getInteger("bench.warm", 1000);
        Path javaHome = javaHome();
        byte[] get = Files.readAllBytes(Path.of("events", "get-full-access.json"));
        byte[] post = Files.readAllBytes(Path.of("events", "post-full-access.json"));
        if (Boolean.getBoolean("bench.power")) {
            // Our function alone, at each memory size: the other contenders would only lengthen the run.
            PowerTuning.run(get, post, javaHome, Path.of("target", "bench"), Contender.jvmFlags());
            return;
        }
        Path work = Path.of("target", "bench");
        if (Boolean.getBoolean("bench.profile")) {
            // The warm-path profile runs our function alone: the contenders (and the default app's build) are not needed.
            WarmProfile.run(new Contender.Events(get, post), javaHome, work);
            return;
        }
        Path defaultApp = DefaultQuarkusApp.build();
        List<Contender> contenders = new java.util.ArrayList<>(List.of(Contender.function(new Contender.Events(get, post)),
                Contender.plain(new Contender.Events(get, post)),
                Contender.quarkusDefault(defaultApp, new Contender.Events(route(get, "/hello"),
                        route(get, "/hello"))),
                Contender.quarkusDefaultPage(defaultApp, new Contender.Events(route(get, "/page"),
                        route(get, "/page")))));
        Contender.lever(new Contender.Events(get, post)).ifPresent(contenders::add);

        Map<String, Figures> figures = new LinkedHashMap<>();
        contenders.forEach(c -> figures.put(c.name(), new Figures()));
        for (int round = 1; round <= launches; round++) {
            for (Contender contender : contenders) { // A B C A B C: all see the same machine state
                Figures f = figures.get(contender.name());
                try (PackagedFunction function = contender.starter().start(work.resolve(contender.name()), javaHome)) {
                    CompletableFuture<Instant> firstResponse = function.runtimeApi()
                            .submit(contender.events().get()).thenApply(body -> Instant.now());
                    Instant ready = function.awaitReady(Duration.ofSeconds(120));
                    Instant answered = firstResponse.get(120, TimeUnit.SECONDS);
                    f.initMs.add(ms(function.launchedAt(), ready));
                    f.coldStartMs.add(ms(function.launchedAt(), answered));
                    warmPhase(function, contender.events(), warm, f);
                    f.rssMb.add(function.rssMiB());
                    f.classesLoaded.add((double) LoadedClasses.of(function.pid(), javaHome));
                    // Last: the recording it takes would touch the figures above.
                    f.allocatedKiBPerEvent.add(Allocation.perEvent(function, contender.events(),
                            Integer.getInteger("bench.allocationEvents", 500), javaHome,
                            work.resolve(contender.name())) / 1024);
                    System.out.printf("round %d %-15s cold start %5.0f ms, init %5.0f ms, warm p50 %.2f ms, %.1f KiB"
                            + "/event%n", round, contender.name(), last(f.coldStartMs), last(f.initMs),
                            last(f.warmP50Ms), last(f.allocatedKiBPerEvent));
                }
            }
        }
        String command = command(javaHome, launches, warm);
        Map<String, Object> report = BenchReport.of(command, javaHome, contenders, figures, launches, warm);
        String json = MAPPER.writeValueAsString(report);
        int major = BenchReport.majorVersion(javaHome);
        Files.createDirectories(work);
        Files.writeString(work.resolve("report.json"), json, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("report-jdk" + major + ".json"), json, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("bench.record")) {
            Path results = Files.createDirectories(Path.of("src", "bench", "results"));
            // One file per JDK and JIT mode: jdk25.json (the runtime's on-demand C1), jdk25-tiered.json (SnapStart's).
            String mode = Contender.jvmFlags().contains("-XX:TieredStopAtLevel=4") ? "-tiered" : "";
            Files.writeString(results.resolve("jdk" + major + mode + ".json"), json, StandardCharsets.UTF_8);
        }
        System.out.println(BenchTable.markdown(report));
        System.out.println("Report: " + work.resolve("report.json"));
    }

    /** The JDK the contenders run on: {@link Jdk25}. */
    static Path javaHome() {
        return Jdk25.home();
    }

    /** Warm-up (JIT, caches), then {@code count} timed events alternating the contender's two events. */
    private static void warmPhase(PackagedFunction function, Contender.Events events, int count, Figures f)
            throws Exception {
        for (int i = 0; i < Math.max(100, count / 10); i++) {
            function.invoke(i % 2 == 0 ? events.get() : events.post());
        }
        List<Double> times = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            function.invoke(i % 2 == 0 ? events.get() : events.post());
            times.add((System.nanoTime() - start) / 1e6);
        }
        f.warmP50Ms.add(Figures.percentile(times, 50));
        f.warmP99Ms.add(Figures.percentile(times, 99));
    }

    /** The GET event pointed at one of the default app's resources: GET /hello, or GET /page. */
    private static byte[] route(byte[] get, String path) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(get);
        event.put("routeKey", "GET " + path).put("rawPath", path);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", "GET " + path);
        ((ObjectNode) context.get("http")).put("path", path);
        return MAPPER.writeValueAsBytes(event);
    }

    private static String command(Path javaHome, int launches, int warm) {
        String options = System.getProperty("bench.javaToolOptions", "");
        String flags = System.getProperty("bench.jvmFlags", "");
        return "./mvnw -Pbench package -Dbench.javaHome=" + javaHome + " -Dbench.launches=" + launches
                + " -Dbench.warm=" + warm + (options.isBlank() ? "" : " \"-Dbench.javaToolOptions=" + options + "\"")
                + (flags.isBlank() ? "" : " \"-Dbench.jvmFlags=" + flags + "\"");
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
