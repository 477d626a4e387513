package com.example.testapi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Cold start, warm latency and memory of target/function.zip against {@link BaselineHandler}, both run as the
 * java21 managed runtime runs a function (runtime interface client, the runtime's JVM flags, a local Runtime API),
 * alternating A B A B. Writes target/bench/report.json and prints a Markdown table. Run by
 * {@code ./mvnw -Pbench clean package}; {@code -Dbench.launches} (7) and {@code -Dbench.warm} (2000) size it.
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    interface Starter {
        PackagedFunction start(Path work, Path javaHome) throws Exception;
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int launches = Integer.getInteger("bench.launches", 7);
        int warm = Integer.getInteger("bench.warm", 2000);
        Path javaHome = Path.of(System.getProperty("java.home"));
        byte[] get = Files.readAllBytes(Path.of("events", "get-full-access.json"));
        byte[] post = Files.readAllBytes(Path.of("events", "post-full-access.json"));
        Path work = Path.of("target", "bench");

        Map<String, Starter> contenders = new LinkedHashMap<>();
        contenders.put("quarkus", Launches::quarkus);
        contenders.put("baseline", Launches::baseline);
        Map<String, Figures> figures = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> figures.put(name, new Figures()));

        for (int round = 1; round <= launches; round++) {
            boolean last = round == launches;
            for (var contender : contenders.entrySet()) { // A B A B: both see the same machine state
                Figures f = figures.get(contender.getKey());
                try (PackagedFunction function = contender.getValue().start(work.resolve(contender.getKey()), javaHome)) {
                    CompletableFuture<Instant> firstResponse = function.runtimeApi().submit(get)
                            .thenApply(body -> Instant.now());
                    Instant ready = Launches.awaitReady(function);
                    Instant answered = firstResponse.get(120, TimeUnit.SECONDS);
                    f.initMs.add(ms(function.launchedAt(), ready));
                    f.coldStartMs.add(ms(function.launchedAt(), answered));
                    System.out.printf("round %d %-8s cold start %.0f ms (init %.0f ms)%n", round, contender.getKey(),
                            f.coldStartMs.get(f.coldStartMs.size() - 1), f.initMs.get(f.initMs.size() - 1));
                    if (last) {
                        warmPhase(function, f, get, post, warm);
                    }
                }
            }
        }
        Map<String, Object> report = report(javaHome, figures);
        Files.createDirectories(work);
        Files.writeString(work.resolve("report.json"), MAPPER.writeValueAsString(report), StandardCharsets.UTF_8);
        System.out.println(BenchTable.markdown(report, launches, warm));
        System.out.println("Report: " + work.resolve("report.json"));
    }

    /** Warm-up (JIT, caches), then {@code count} timed events alternating GET and POST; RSS afterwards. */
    private static void warmPhase(PackagedFunction function, Figures f, byte[] get, byte[] post, int count)
            throws Exception {
        for (int i = 0; i < Math.max(200, count / 10); i++) {
            function.invoke(i % 2 == 0 ? get : post);
        }
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            function.invoke(i % 2 == 0 ? get : post);
            f.warmMs.add((System.nanoTime() - start) / 1e6);
        }
        f.rssMb = function.rssMiB();
    }

    private static Map<String, Object> report(Path javaHome, Map<String, Figures> figures) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("jdk", Runtime.version().toString() + " (" + javaHome + ")");
        report.put("functionZipBytes", Files.size(Path.of("target", "function.zip")));
        figures.forEach((name, f) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("coldStartMsMedian", Figures.round(Figures.median(f.coldStartMs)));
            values.put("coldStartMsMin", Figures.round(Collections.min(f.coldStartMs)));
            values.put("coldStartMsMax", Figures.round(Collections.max(f.coldStartMs)));
            values.put("initMsMedian", Figures.round(Figures.median(f.initMs)));
            values.put("warmP50Ms", f.warmMs.isEmpty() ? null : Figures.round2(Figures.median(f.warmMs)));
            values.put("warmP99Ms", f.warmMs.isEmpty() ? null : Figures.round2(Figures.percentile(f.warmMs, 99)));
            values.put("rssMb", Figures.round(f.rssMb));
            report.put(name, values);
        });
        Figures q = figures.get("quarkus");
        Figures b = figures.get("baseline");
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("coldStart", ratio(Figures.median(q.coldStartMs), Figures.median(b.coldStartMs)));
        ratios.put("warmP50", q.warmMs.isEmpty() ? null : ratio(Figures.median(q.warmMs), Figures.median(b.warmMs)));
        report.put("ratios", ratios);
        return report;
    }

    private static double ratio(double a, double b) {
        return Math.round(a / b * 100) / 100.0;
    }

    private static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
