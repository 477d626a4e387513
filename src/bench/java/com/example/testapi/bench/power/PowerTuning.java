package com.example.testapi.bench.power;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A local power-tuning run, as AWS Lambda Power Tuning does on a deployed function: function.zip at each memory size
 * ({@code -Dbench.power.sizes=128,256,512,1024,1769,3008}), launched {@code -Dbench.power.launches} times each
 * (default 5; sizes alternate within a round so the machine's drift touches all alike), each launch with the size's
 * CPU share and heap ({@link LambdaSize}); cold start, init, warm GET and POST latency, billed duration, RSS, and cost
 * per million requests at the prices of src/bench/prices.json. With {@code -Dbench.power.lever.zip=PATH} another
 * build of the zip is compared with ours at {@code -Dbench.power.lever.size} (512) on requests that accept gzip.
 * Writes target/bench/power.json and power.png; {@code -Dbench.record=true} also src/bench/results/. Run by
 * {@code ./mvnw -Pbench package -Dbench.power=true}.
 */
public final class PowerTuning {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PowerTuning() {
    }

    public static void run(byte[] get, byte[] post, Path javaHome, Path work, List<String> extraJvmFlags)
            throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.power.sizes", "128,256,512,1024,1769,3008")
                .split(",")).map(String::strip).map(Integer::valueOf).toList();
        int launches = Integer.getInteger("bench.power.launches", 5);
        int warmEvents = Integer.getInteger("bench.power.warm", 400);
        long periodUs = Long.getLong("bench.power.periodUs", 100_000);
        // A second, shorter scheduling period (0: none), one launch a size: how much of the p99 is the period's.
        long shortPeriodUs = Long.getLong("bench.power.shortPeriodUs", 20_000);
        List<Integer> waits = Arrays.stream(System.getProperty("bench.power.waitsMs", "0,2,5,10,20").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int defaultWait = Integer.getInteger("bench.power.waitMs", StorageWait.DEFAULT_MS);
        if (!waits.contains(defaultWait)) {
            throw new IllegalArgumentException("-Dbench.power.waitMs=" + defaultWait + " is not among the waits "
                    + waits);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Path zip = Path.of(System.getProperty("bench.functionZip", Path.of("target", "function.zip").toString()));
        String leverZip = System.getProperty("bench.power.lever.zip", "");
        int leverSize = Integer.getInteger("bench.power.lever.size", 512);
        Prices prices = Prices.load(Path.of(System.getProperty("bench.power.prices", Prices.FILE.toString())));
        Path powerWork = work.resolve("power");
        String loadBefore = loadAverage();

        SizeLauncher launcher = new SizeLauncher(javaHome, cores, extraJvmFlags);
        SizeLauncher.Events events = new SizeLauncher.Events(get, post);
        StorageWait calls = StorageWait.load(prices);
        SizeLauncher.Warm warm = new SizeLauncher.Warm(warmEvents, Integer.getInteger("bench.power.window", 100),
                Integer.getInteger("bench.power.maxWindows", 30), Double.parseDouble(System.getProperty(
                        "bench.power.tolerance", "0.05")), waits, calls.calls("GET"), calls.calls("POST"));
        SizeLauncher.Events gzipEvents = new SizeLauncher.Events(acceptingGzip(get), acceptingGzip(post));
        // Storage: moto behind a stand-in whose calls take no time, so the measured requests do all of their storage
        // work but wait for none; the waits are then added per call. Without moto, the in-memory store.
        Optional<StorageEndpoint> storage = StorageEndpoint.fromEnvironment();
        Optional<StorageDelayProxy> atZero = storage.map(s -> s.proxy(0, 400));
        Map<String, String> environment = storage.isPresent() ? storage.get().environment(atZero.get()) : Map.of();
        Map<Integer, SizeFigures> figures = new LinkedHashMap<>();
        sizes.forEach(s -> figures.put(s, new SizeFigures()));
        SizeFigures plainAtLever = new SizeFigures();
        SizeFigures gzipAtLever = new SizeFigures();
        long started = System.nanoTime();
        for (int round = 1; round <= launches; round++) {
            for (int memory : sizes) {
                LambdaSize size = LambdaSize.of(memory, cores);
                SizeFigures f = figures.get(memory);
                boolean ok = launcher.launch(zip, size, periodUs, environment, events, warm,
                        powerWork.resolve(memory + "mb"), f, false);
                System.out.println(progress(round, memory + " MB", f, ok));
            }
            if (!leverZip.isBlank()) {
                LambdaSize size = LambdaSize.of(leverSize, cores);
                boolean ok = launcher.launch(zip, size, periodUs, environment, gzipEvents, warm,
                        powerWork.resolve("lever-without"), plainAtLever, false);
                System.out.println(progress(round, "without gzip", plainAtLever, ok));
                ok = launcher.launch(Path.of(leverZip), size, periodUs, environment, gzipEvents, warm,
                        powerWork.resolve("lever-with"), gzipAtLever, false);
                System.out.println(progress(round, "with gzip", gzipAtLever, ok));
            }
        }
        if (shortPeriodUs > 0) {
            for (int memory : sizes) {
                SizeFigures f = figures.get(memory);
                boolean ok = launcher.launch(zip, LambdaSize.of(memory, cores), shortPeriodUs, environment, events,
                        warm, powerWork.resolve(memory + "mb-short-period"), f, true);
                System.out.println(String.format("%d MB at a %d ms period: %s", memory, shortPeriodUs / 1000,
                        ok ? "warm p99 GET " + f.getP99ShortPeriodMs.get(f.getP99ShortPeriodMs.size() - 1)
                                + " ms" : "FAILED"));
            }
        }
        List<Integer> crossSizes = Arrays.stream(System.getProperty("bench.power.crossCheckSizes", "512,1769")
                .split(",")).map(String::strip).filter(x -> !x.isEmpty()).map(Integer::valueOf)
                .filter(sizes::contains).toList();
        Map<String, Object> crossCheck = storage.isEmpty() ? Map.of("run", false, "why",
                "no AWS_ENDPOINT_URL_DYNAMODB: start moto_server and export it") : StorageCrossCheck.run(launcher, zip,
                        crossSizes, cores, periodUs, events, warm, defaultWait, figures, storage.get(), powerWork);
        atZero.ifPresent(StorageDelayProxy::close);
        storage.ifPresent(StorageEndpoint::close);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", command(sizes, launches, warmEvents, periodUs, leverZip, leverSize));
        settings.put("launchesPerSize", launches);
        settings.put("warmEventsPerLaunch", warmEvents);
        settings.put("steadyState", Map.of("windowEvents", warm.windowEvents(), "maxWindows", warm.maxWindows(),
                "rule", "warm-up windows of GETs and POSTs until the medians of three successive windows lie within "
                        + Math.round(warm.tolerance() * 100) + " % of their middle one; then the measured events"));
        settings.put("cfsPeriodUs", periodUs);
        settings.put("shortCfsPeriodUs", shortPeriodUs);
        Map<String, Object> storageWait = new LinkedHashMap<>(calls.describe(waits, defaultWait));
        storageWait.put("storagePath", storage.map(StorageEndpoint::describe).orElse("in-memory store: no "
                + "AWS_ENDPOINT_URL_DYNAMODB, so the SDK's own work (marshalling, signing, HTTP) is not measured and "
                + "every figure is too low"));
        settings.put("storageWait", storageWait);
        StartMode mode = StartMode.configured();
        settings.put("startMode", mode.describe());
        settings.put("minutes", Math.round((System.nanoTime() - started) / 6e9) / 10.0);
        settings.put("loadAverageBefore", loadBefore);
        settings.put("loadAverageAfter", loadAverage());
        Map<String, Object> report = PowerReport.of(settings, javaHome, cores, figures, prices, waits, defaultWait,
                mode);
        report.put("storageCrossCheck", crossCheck);
        if (!leverZip.isBlank()) {
            report.put("gzipLever", PowerReport.lever(leverZip, leverSize, plainAtLever, gzipAtLever, prices));
        }
        Files.createDirectories(work);
        Files.writeString(work.resolve("power.json"), MAPPER.writeValueAsString(report), StandardCharsets.UTF_8);
        PowerChart.write(report, work.resolve("power.png"));
        if (Boolean.getBoolean("bench.record")) {
            Path results = Files.createDirectories(Path.of("src", "bench", "results"));
            Files.copy(work.resolve("power.json"), results.resolve("power.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(work.resolve("power.png"), results.resolve("power.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println(PowerReport.markdown(report));
        System.out.println("Report: " + work.resolve("power.json") + ", picture: " + work.resolve("power.png"));
    }

    /** The event as a browser or an SDK sends it: willing to take a gzip body. */
    private static byte[] acceptingGzip(byte[] event) throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(event);
        ((ObjectNode) tree.get("headers")).put("accept-encoding", "gzip, deflate, br");
        return MAPPER.writeValueAsBytes(tree);
    }

    private static String progress(int round, String what, SizeFigures f, boolean ok) {
        if (!ok) {
            return String.format("round %d %-14s FAILED: %s", round, what, f.failures.get(f.failures.size() - 1));
        }
        int last = f.coldStartMs.size() - 1;
        return String.format("round %d %-14s cold start %6.0f ms, init %6.0f ms, warm p50 GET %.2f / POST %.2f ms,"
                + " RSS %.0f MiB, throttled %.0f ms", round, what, f.coldStartMs.get(last), f.initMs.get(last),
                f.getP50Ms.get(last), f.postP50Ms.get(last), f.rssMiB.get(last), f.throttledMs.get(last));
    }

    /** /proc/loadavg: how busy the machine was, since a shared machine's figures are noisier. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The command that repeats this run: every setting that differs from the default is on it. */
    private static String command(List<Integer> sizes, int launches, int warm, long periodUs, String leverZip,
            int leverSize) {
        StringBuilder command = new StringBuilder("./mvnw -Pbench package -Dbench.power=true -Dbench.power.sizes=")
                .append(String.join(",", sizes.stream().map(String::valueOf).toList()))
                .append(" -Dbench.power.launches=").append(launches).append(" -Dbench.power.warm=").append(warm);
        if (periodUs != 100_000) {
            command.append(" -Dbench.power.periodUs=").append(periodUs);
        }
        for (String name : List.of("bench.jvmFlags", "bench.power.shortPeriodUs", "bench.power.waitsMs", "bench.power.waitMs",
                "bench.power.startMode", "bench.power.window", "bench.power.maxWindows", "bench.power.tolerance",
                "bench.power.crossCheckSizes")) {
            String value = System.getProperty(name, "");
            if (!value.isBlank()) {
                command.append(value.contains(" ") ? " \"-D" : " -D").append(name).append('=').append(value)
                        .append(value.contains(" ") ? "\"" : "");
            }
        }
        if (!leverZip.isBlank()) {
            command.append(" -Dbench.power.lever.zip=").append(leverZip).append(" -Dbench.power.lever.size=")
                    .append(leverSize);
        }
        return command.toString();
    }
}
