package com.example.testapi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.testapi.bench.profile.Layers;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The warm path of our function, profiled ({@code ./mvnw -Pbench package -Dbench.profile=true}): one launch as the
 * runtime starts it, warmed up, then JFR's execution samples (every millisecond) and allocation samples over
 * {@code -Dbench.profile.events} (20,000) GET and POST events. async-profiler's converter (jfr-converter, from Maven
 * Central) turns the recording into flame graphs (HTML, and a PNG of the CPU one made by headless Chromium) and
 * collapsed stacks, which {@link Layers} sorts into the request's layers. Writes target/bench/profile/ and, with
 * {@code -Dbench.record=true}, src/bench/results/profile/.
 */
final class WarmProfile {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="warm path">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">1 ms</setting></event>
              <event name="jdk.ObjectAllocationSample"><setting name="enabled">true</setting><setting name="throttle">20000/s</setting><setting name="stackTrace">true</setting></event>
            </configuration>
            """;
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", "--window-size=1600,1000");

    private WarmProfile() {
    }

    static void run(Contender.Events events, Path javaHome, Path work) throws Exception {
        int count = Integer.getInteger("bench.profile.events", 20_000);
        Path out = Files.createDirectories(work.resolve("profile"));
        Contender function = Contender.profiled(events);
        Map<String, Object> report = new LinkedHashMap<>();
        try (PackagedFunction running = function.starter().start(work.resolve("profiled"), javaHome)) {
            running.runtimeApi().submit(events.get());
            running.awaitReady(Duration.ofSeconds(120));
            for (int i = 0; i < 3_000; i++) { // the JIT's and the caches' warm-up
                running.invoke(i % 2 == 0 ? events.get() : events.post());
            }
            Path settings = out.resolve("warm.jfc");
            Files.writeString(settings, SETTINGS);
            Path recording = out.resolve("warm.jfr");
            Files.deleteIfExists(recording);
            long cpuBefore = processCpuMs(running.pid());
            long start = System.nanoTime();
            JdkTool.jcmd(javaHome, running.pid(), "JFR.start", "name=warm", "settings=" + settings.toAbsolutePath());
            for (int i = 0; i < count; i++) {
                running.invoke(i % 2 == 0 ? events.get() : events.post());
            }
            JdkTool.jcmd(javaHome, running.pid(), "JFR.stop", "name=warm", "filename=" + recording.toAbsolutePath());
            double cpuMsPerEvent = (processCpuMs(running.pid()) - cpuBefore) / (double) count;
            double allocatedKiB = Allocation.perEvent(running, events, 1_000, javaHome, out) / 1024;
            report.put("events", count);
            report.put("wallMsPerEvent", round((System.nanoTime() - start) / 1e6 / count));
            report.put("processCpuMsPerEvent", round(cpuMsPerEvent));
            report.put("allocatedKiBPerEvent", round(allocatedKiB));
            report.put("cpu", layers(javaHome, recording, out, "cpu", cpuMsPerEvent, "ms"));
            report.put("allocation", layers(javaHome, recording, out, "alloc", allocatedKiB, "KiB"));
        }
        screenshot(out.resolve("cpu-by-leaf.html"), out.resolve("cpu.png"));
        Files.writeString(out.resolve("profile.json"), MAPPER.writeValueAsString(report));
        if (Boolean.getBoolean("bench.record")) {
            Path results = Files.createDirectories(Path.of("src", "bench", "results", "profile"));
            for (String file : List.of("profile.json", "cpu.png", "cpu.html", "cpu-by-leaf.html", "alloc.html")) {
                Files.copy(out.resolve(file), results.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("Profile: " + out.resolve("profile.json") + "\n" + MAPPER.writeValueAsString(report));
    }

    /** Flame graph (HTML) and collapsed stacks of one kind of sample, and its share per layer. */
    private static Map<String, Object> layers(Path javaHome, Path recording, Path out, String kind, double perEvent,
            String unit) throws Exception {
        // The converter reads the JDK's own jdk.ExecutionSample by default; its --cpu means async-profiler's events.
        List<String> options = kind.equals("cpu") ? List.of() : List.of("--" + kind);
        convert(javaHome, options, recording, out.resolve(kind + ".html"));
        if (kind.equals("cpu")) {
            // Leaves first (an icicle of self time): the frames that cost the most are on top, where a picture shows.
            List<String> byLeaf = new ArrayList<>(options);
            byLeaf.addAll(List.of("--reverse", "--minwidth", "0.5", "--simple"));
            convert(javaHome, byLeaf, recording, out.resolve("cpu-by-leaf.html"));
        }
        Path collapsed = out.resolve(kind + ".collapsed");
        convert(javaHome, options, recording, collapsed);
        List<String> lines = Files.readAllLines(collapsed, StandardCharsets.UTF_8);
        Map<String, Long> samples = Layers.samples(lines);
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> byLayer = new LinkedHashMap<>();
        samples.forEach((layer, n) -> byLayer.put(layer, Map.of("share", round(100.0 * n / Math.max(1, total)),
                "per" + unit + "Event", round(perEvent * n / Math.max(1, total)))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("samples", total);
        result.put("byLayer", byLayer);
        result.put("topLeaves", Layers.topLeaves(lines, 15));
        return result;
    }

    /** async-profiler's converter, run on the contenders' JDK (it needs a newer Java than the build's). */
    private static void convert(Path javaHome, List<String> options, Path recording, Path target) throws Exception {
        String jar = Path.of(Class.forName("one.convert.JfrToFlame").getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        List<String> arguments = new ArrayList<>(List.of("-cp", jar, "Main"));
        arguments.addAll(options);
        arguments.addAll(List.of("--title", "Warm GET and POST /test, " + (options.contains("--alloc") ? "allocation"
                : "CPU") + (options.contains("--reverse") ? " by leaf frame" : ""),
                recording.toAbsolutePath().toString(), target.toAbsolutePath().toString()));
        JdkTool.run(javaHome, "java", arguments);
    }

    private static void screenshot(Path html, Path png) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium()));
        command.addAll(CHROMIUM_FLAGS);
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add(html.toAbsolutePath().toUri().toString());
        Process chromium = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(html.resolveSibling("chromium.log").toFile()).start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS) || !Files.exists(png)) {
            chromium.destroyForcibly();
            throw new IOException("headless Chromium made no " + png + ": see " + html.resolveSibling("chromium.log"));
        }
    }

    /**
     * The Chromium the build's tool check found (target/test-tools/browser.properties, as the browser tests read it),
     * else {@code CHROME_BIN}, else {@code chromium} on PATH.
     */
    private static String chromium() throws IOException {
        Path found = Path.of("target", "test-tools", "browser.properties");
        if (Files.isRegularFile(found)) {
            java.util.Properties browser = new java.util.Properties();
            try (var in = Files.newBufferedReader(found)) {
                browser.load(in);
            }
            if (!browser.getProperty("chromium", "").isBlank()) {
                return browser.getProperty("chromium");
            }
        }
        String fromEnv = System.getenv("CHROME_BIN");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "chromium";
    }

    /** User and system CPU time of a process so far, from /proc (clock ticks of 10 ms on Linux). */
    private static long processCpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
