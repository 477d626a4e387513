package com.example.testapi.bench.power;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.testapi.bench.BenchReport;
import com.example.testapi.bench.Figures;
import com.example.testapi.bench.Machine;

/**
 * The power-tuning report: per size its figures and cost per million requests, and the recommendation by the rule
 * the manual states: the cheapest size (mean of a GET's and a POST's full cost) that holds the function and whose
 * median cold start and warm p99 stay within bounds ({@code -Dbench.power.maxColdStartMs}, {@code
 * -Dbench.power.maxWarmP99Ms}).
 */
final class PowerReport {

    static final double MAX_COLD_START_MS = Double.parseDouble(System.getProperty("bench.power.maxColdStartMs",
            "3000"));
    static final double MAX_WARM_P99_MS = Double.parseDouble(System.getProperty("bench.power.maxWarmP99Ms", "100"));

    private PowerReport() {
    }

    static Map<String, Object> of(Map<String, Object> settings, Path javaHome, int cores,
            Map<Integer, SizeFigures> figures, Prices prices) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.putAll(settings);
        report.put("date", Instant.now().toString());
        Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
        // Load averages are in the settings; what else ran is only known to whoever started the run.
        machine.put("conditions", System.getProperty("bench.power.conditions", "not stated (-Dbench.power.conditions)"));
        report.put("machine", machine);
        report.put("jdk", BenchReport.version(javaHome) + " (" + javaHome + ")");
        report.put("prices", prices.describe());
        Map<String, Object> sizes = new LinkedHashMap<>();
        figures.forEach((memory, f) -> sizes.put(memory.toString(), size(LambdaSize.of(memory, cores), f, prices)));
        report.put("sizes", sizes);
        report.put("rule", "the cheapest size (mean cost per million of one GET and one POST, with HTTP API and "
                + "DynamoDB) whose RSS stays under its memory, every launch answered, median cold start <= "
                + Figures.round(MAX_COLD_START_MS, 0) + " ms and warm p99 (GET and POST) <= "
                + Figures.round(MAX_WARM_P99_MS, 0) + " ms");
        report.put("recommendation", recommend(sizes));
        return report;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recommend(Map<String, Object> sizes) {
        String best = null;
        double bestCost = Double.MAX_VALUE;
        for (Map.Entry<String, Object> e : sizes.entrySet()) {
            Map<String, Object> size = (Map<String, Object>) e.getValue();
            if (Boolean.TRUE.equals(size.get("withinBounds")) && (double) size.get("meanCostPerMillion") < bestCost) {
                best = e.getKey();
                bestCost = (double) size.get("meanCostPerMillion");
            }
        }
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("memoryMb", best == null ? null : Integer.valueOf(best));
        recommendation.put("why", best == null ? "no size met the bounds: none is recommended by the rule"
                : best + " MB is the cheapest size within the bounds");
        return recommendation;
    }

    private static Map<String, Object> size(LambdaSize size, SizeFigures f, Prices prices) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lambdaVcpus", Figures.round(size.lambdaVcpus(), 3));
        values.put("cpuCoresGiven", Figures.round(size.cores(), 3));
        if (size.capped()) {
            values.put("cpuNote", "capped at this machine's " + Math.round(size.cores()) + " cores");
        }
        values.put("heapFlag", size.jvmFlags().get(0));
        values.put("launchesMeasured", f.coldStartMs.size());
        values.put("failedLaunches", f.failures);
        if (!f.measured()) {
            values.put("fits", false);
            values.put("withinBounds", false);
            return values;
        }
        values.put("coldStartMs", Figures.spread(f.coldStartMs, 0));
        values.put("initMs", Figures.spread(f.initMs, 0));
        values.put("getP50Ms", Figures.spread(f.getP50Ms, 2));
        values.put("getP99Ms", Figures.spread(f.getP99Ms, 2));
        values.put("postP50Ms", Figures.spread(f.postP50Ms, 2));
        values.put("postP99Ms", Figures.spread(f.postP99Ms, 2));
        values.put("rssMiB", Figures.spread(f.rssMiB, 0));
        values.put("throttledMsPerLaunch", Figures.spread(f.throttledMs, 0));
        double getBilled = Figures.median(f.getBilledMs);
        double postBilled = Figures.median(f.postBilledMs);
        double coldBilled = Math.ceil(Figures.median(f.coldStartMs));
        values.put("billedMs", Map.of("warmGet", Figures.round(getBilled, 2), "warmPost", Figures.round(postBilled, 2),
                "coldStart", Figures.round(coldBilled, 0)));
        double lambdaGet = prices.lambdaPerMillion(size.memoryMb(), getBilled);
        double lambdaPost = prices.lambdaPerMillion(size.memoryMb(), postBilled);
        double fullGet = lambdaGet + prices.aroundLambdaPerMillion("GET");
        double fullPost = lambdaPost + prices.aroundLambdaPerMillion("POST");
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("lambdaGet", Figures.round(lambdaGet, 4));
        cost.put("lambdaPost", Figures.round(lambdaPost, 4));
        cost.put("withHttpApiAndDynamoDbGet", Figures.round(fullGet, 4));
        cost.put("withHttpApiAndDynamoDbPost", Figures.round(fullPost, 4));
        cost.put("perMillionColdStarts", Figures.round(prices.lambdaPerMillion(size.memoryMb(), coldBilled), 2));
        values.put("costPerMillionUsd", cost);
        double rss = java.util.Collections.max(f.rssMiB);
        boolean fits = f.failures.isEmpty() && rss < size.memoryMb();
        values.put("fits", fits);
        if (!fits) {
            values.put("fitsNote", f.failures.isEmpty() ? "RSS " + Math.round(rss) + " MiB exceeds " + size.memoryMb()
                    + " MB: Lambda would stop the function" : "launches failed");
        }
        double p99 = Math.max(Figures.median(f.getP99Ms), Figures.median(f.postP99Ms));
        values.put("withinBounds", fits && Figures.median(f.coldStartMs) <= MAX_COLD_START_MS
                && p99 <= MAX_WARM_P99_MS);
        values.put("meanCostPerMillion", (double) Figures.round((fullGet + fullPost) / 2, 4).doubleValue());
        return values;
    }

    /** The gzip lever at one size: warm latency, billed ms and body size with and without it, same requests. */
    static Map<String, Object> lever(String zip, int memoryMb, SizeFigures without, SizeFigures with, Prices prices) {
        Map<String, Object> lever = new LinkedHashMap<>();
        lever.put("zip", zip);
        lever.put("memoryMb", memoryMb);
        lever.put("requests", "GET and POST events with accept-encoding: gzip, deflate, br (a browser's)");
        for (Map.Entry<String, SizeFigures> e : Map.of("without", without, "with", with).entrySet()) {
            SizeFigures f = e.getValue();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("failedLaunches", f.failures);
            if (f.measured()) {
                values.put("getP50Ms", Figures.spread(f.getP50Ms, 3));
                values.put("postP50Ms", Figures.spread(f.postP50Ms, 3));
                values.put("billedMsGet", Figures.round(Figures.median(f.getBilledMs), 3));
                values.put("billedMsPost", Figures.round(Figures.median(f.postBilledMs), 3));
                values.put("getBodyChars", Figures.round(Figures.median(f.getResponseBytes), 0));
                values.put("getBodyBase64", f.getBodyBase64);
                values.put("lambdaCostPerMillionGet", Figures.round(prices.lambdaPerMillion(memoryMb,
                        Figures.median(f.getBilledMs)), 4));
            }
            lever.put(e.getKey(), values);
        }
        return lever;
    }

    /** The table docs/performance.md shows. */
    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder table = new StringBuilder("| MB | CPU | cold start ms | init ms | GET p50/p99 ms | POST p50/p99 ms"
                + " | billed ms GET/POST | RSS MiB | $ per 1M GET (Lambda / all) | $ per 1M POST (Lambda / all) |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        ((Map<String, Object>) report.get("sizes")).forEach((mb, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            if (!s.containsKey("coldStartMs")) {
                table.append("| ").append(mb).append(" | ").append(s.get("cpuCoresGiven"))
                        .append(" | did not start | | | | | | | |\n");
                return;
            }
            Map<String, Object> cost = (Map<String, Object>) s.get("costPerMillionUsd");
            Map<String, Object> billed = (Map<String, Object>) s.get("billedMs");
            table.append("| ").append(mb).append(" | ").append(s.get("cpuCoresGiven")).append(" | ")
                    .append(median(s, "coldStartMs")).append(" | ").append(median(s, "initMs")).append(" | ")
                    .append(median(s, "getP50Ms")).append(" / ").append(median(s, "getP99Ms")).append(" | ")
                    .append(median(s, "postP50Ms")).append(" / ").append(median(s, "postP99Ms")).append(" | ")
                    .append(billed.get("warmGet")).append(" / ").append(billed.get("warmPost")).append(" | ")
                    .append(median(s, "rssMiB")).append(Boolean.TRUE.equals(s.get("fits")) ? "" : " (does not fit)")
                    .append(" | ").append(cost.get("lambdaGet")).append(" / ").append(cost.get("withHttpApiAndDynamoDbGet"))
                    .append(" | ").append(cost.get("lambdaPost")).append(" / ")
                    .append(cost.get("withHttpApiAndDynamoDbPost")).append(" |\n");
        });
        Map<String, Object> recommendation = (Map<String, Object>) report.get("recommendation");
        return table.append("\nRecommendation: ").append(recommendation.get("why")).append(" (rule: ")
                .append(report.get("rule")).append(")").toString();
    }

    @SuppressWarnings("unchecked")
    private static Object median(Map<String, Object> size, String figure) {
        return ((Map<String, Object>) size.get(figure)).get("median");
    }
}
