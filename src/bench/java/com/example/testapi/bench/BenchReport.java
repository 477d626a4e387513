package com.example.testapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The benchmark's report: where and how it was made, each contender's figures, and our function's ratios. */
public final class BenchReport {

    private BenchReport() {
    }

    static Map<String, Object> of(String command, Path javaHome, List<Contender> contenders,
            Map<String, Figures> figures, int launches, int warm) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", command);
        report.put("date", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put("jdk", version(javaHome) + " (" + javaHome + ")");
        report.put("launches", launches);
        report.put("warmEventsPerLaunch", warm);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            Figures f = figures.get(contender.name());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("label", contender.label());
            values.put("coldStartMs", Figures.spread(f.coldStartMs, 0));
            values.put("initMs", Figures.spread(f.initMs, 0));
            values.put("warmP50Ms", Figures.spread(f.warmP50Ms, 2));
            values.put("warmP99Ms", Figures.spread(f.warmP99Ms, 2));
            values.put("rssMiB", Figures.spread(f.rssMb, 0));
            values.put("classesLoaded", Figures.spread(f.classesLoaded, 0));
            values.put("allocatedKiBPerEvent", Figures.spread(f.allocatedKiBPerEvent, 1));
            values.put("codeMiB", Figures.round(contender.codeBytes() / 1048576.0, 1));
            all.put(contender.name(), values);
        }
        report.put("contenders", all);
        Figures ours = figures.get("function");
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("toPlain", ratios(ours, figures.get("plain")));
        ratios.put("toQuarkusDefault", ratios(ours, figures.get("quarkusDefault")));
        ratios.put("toQuarkusDefaultPage", ratios(ours, figures.get("quarkusDefaultPage")));
        if (figures.containsKey("lever")) {
            ratios.put("leverToFunction", ratios(figures.get("lever"), ours));
        }
        report.put("ratios", ratios);
        return report;
    }

    /** Ours divided by theirs, medians: above 1 means ours is slower or bigger. */
    private static Map<String, Double> ratios(Figures ours, Figures theirs) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("coldStart", ratio(Figures.median(ours.coldStartMs), Figures.median(theirs.coldStartMs)));
        ratios.put("init", ratio(Figures.median(ours.initMs), Figures.median(theirs.initMs)));
        ratios.put("warmP50", ratio(Figures.median(ours.warmP50Ms), Figures.median(theirs.warmP50Ms)));
        ratios.put("rss", ratio(Figures.median(ours.rssMb), Figures.median(theirs.rssMb)));
        ratios.put("allocationPerEvent", ratio(Figures.median(ours.allocatedKiBPerEvent),
                Figures.median(theirs.allocatedKiBPerEvent)));
        return ratios;
    }

    private static double ratio(double a, double b) {
        return Math.round(a / b * 100) / 100.0;
    }

    /** The JDK's full version from its release file (the benchmark itself may run on another JDK). */
    public static String version(Path javaHome) throws IOException {
        Properties release = new Properties();
        try (var in = Files.newInputStream(javaHome.resolve("release"))) {
            release.load(in);
        }
        return release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", "?"))
                .replace("\"", "");
    }

    static int majorVersion(Path javaHome) throws IOException {
        String version = version(javaHome);
        return Integer.parseInt(version.split("[.+\\-]")[0]);
    }
}
