package com.example.testapi.bench.deployed;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

import com.example.testapi.bench.Figures;

/** p50 and p99 of the cold starts of one function in one mode, from their REPORT lines. */
public record ColdStartStats(String function, String mode, int count, double startP50Ms, double startP99Ms,
        double durationP50Ms, double durationP99Ms, double totalP50Ms, double totalP99Ms) {

    /** Start = init (on demand) or restore (SnapStart); total = start + the first invocation's duration. */
    public static ColdStartStats of(String function, String mode, List<ReportLine> reports) {
        List<ReportLine> cold = reports.stream().filter(ReportLine::cold).toList();
        if (cold.isEmpty()) {
            throw new IllegalArgumentException(function + " " + mode + ": no cold start among " + reports.size()
                    + " invocations");
        }
        Function<ReportLine, Double> start = r -> orZero(r.restoreMs()) + orZero(r.initMs());
        return new ColdStartStats(function, mode, cold.size(),
                percentile(cold, start, 50), percentile(cold, start, 99),
                percentile(cold, ReportLine::durationMs, 50), percentile(cold, ReportLine::durationMs, 99),
                percentile(cold, r -> start.apply(r) + r.durationMs(), 50),
                percentile(cold, r -> start.apply(r) + r.durationMs(), 99));
    }

    public String row() {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f |", function, mode,
                count, startP50Ms, startP99Ms, durationP50Ms, durationP99Ms, totalP50Ms, totalP99Ms);
    }

    public static String header() {
        return "| function | mode | cold starts | init or restore p50 / p99 (ms) | first invocation p50 / p99 (ms)"
                + " | total p50 / p99 (ms) |\n|---|---|---|---|---|---|";
    }

    static double percentile(List<ReportLine> reports, Function<ReportLine, Double> value, double p) {
        return Figures.percentile(reports.stream().map(value).toList(), p);
    }

    private static double orZero(OptionalDouble value) {
        return value.orElse(0);
    }
}
