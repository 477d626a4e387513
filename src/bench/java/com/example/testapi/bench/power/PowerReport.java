package com.example.testapi.bench.power;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.bench.BenchReport;
import com.example.testapi.bench.Figures;
import com.example.testapi.bench.Machine;

/**
 * The power-tuning report: per size its figures and cost per million requests at each storage wait, and the
 * recommendation per wait by the rule the manual states: the cheapest size (mean of a GET's and a POST's full cost)
 * that holds the function, whose on-demand init stays within Lambda's 10 s, whose warm p99 stays within its bound
 * ({@code -Dbench.power.maxWarmP99Ms}; judged at the shorter scheduling period when measured, so that the bound
 * judges the function rather than the quota's period) and, when the start mode makes it one, whose median cold start
 * does ({@code -Dbench.power.maxColdStartMs}).
 */
final class PowerReport {

    static final double MAX_COLD_START_MS = Double.parseDouble(System.getProperty("bench.power.maxColdStartMs",
            "3000"));
    static final double MAX_WARM_P99_MS = Double.parseDouble(System.getProperty("bench.power.maxWarmP99Ms", "100"));

    private PowerReport() {
    }

    static Map<String, Object> of(Map<String, Object> settings, Path javaHome, int cores,
            Map<Integer, SizeFigures> figures, Prices prices, List<Integer> waits, int defaultWait, StartMode mode)
            throws IOException {
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
        figures.forEach((memory, f) -> sizes.put(memory.toString(), size(LambdaSize.of(memory, cores), f, prices,
                waits, defaultWait, mode)));
        report.put("sizes", sizes);
        report.put("rule", "the cheapest size (mean cost per million of one GET and one POST, with HTTP API and "
                + "DynamoDB, at the storage wait) whose RSS stays under its memory, every launch answered, median "
                + "on-demand init <= " + Figures.round(StartMode.INIT_LIMIT_MS, 0) + " ms, warm p99 (GET and POST, "
                + "at the shorter scheduling period when measured) <= " + Figures.round(MAX_WARM_P99_MS, 0) + " ms"
                + (mode.coldStartIsBound() ? " and median cold start <= " + Figures.round(MAX_COLD_START_MS, 0)
                        + " ms" : " (start mode " + mode.name().toLowerCase() + ": no cold-start bound)"));
        Map<String, Object> byWait = new LinkedHashMap<>();
        for (int wait : waits) {
            byWait.put(Integer.toString(wait), recommend(sizes, wait));
        }
        report.put("recommendationByWait", byWait);
        Map<String, Object> recommendation = new LinkedHashMap<>(recommend(sizes, defaultWait));
        recommendation.put("storageWaitMsPerCall", defaultWait);
        report.put("recommendation", recommendation);
        return report;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recommend(Map<String, Object> sizes, int wait) {
        String best = null;
        double bestCost = Double.MAX_VALUE;
        for (Map.Entry<String, Object> e : sizes.entrySet()) {
            Map<String, Object> size = (Map<String, Object>) e.getValue();
            if (!Boolean.TRUE.equals(size.get("withinBounds"))) {
                continue;
            }
            double cost = meanCost(size, wait);
            if (cost < bestCost) {
                best = e.getKey();
                bestCost = cost;
            }
        }
        Map<String, Object> recommendation = new LinkedHashMap<>();
        recommendation.put("memoryMb", best == null ? null : Integer.valueOf(best));
        recommendation.put("meanCostPerMillion", best == null ? null : Figures.round(bestCost, 4));
        recommendation.put("why", best == null ? "no size met the bounds: none is recommended by the rule"
                : best + " MB is the cheapest size within the bounds at " + wait + " ms per storage call");
        return recommendation;
    }

    /** A size's mean cost per million (GET and POST, everything) at {@code wait} ms per storage call. */
    @SuppressWarnings("unchecked")
    static double meanCost(Map<String, Object> size, int wait) {
        Map<String, Object> atWait = (Map<String, Object>) ((Map<String, Object>) size.get("byStorageWaitMs"))
                .get(Integer.toString(wait));
        return ((Number) atWait.get("meanCostPerMillion")).doubleValue();
    }

    private static Map<String, Object> size(LambdaSize size, SizeFigures f, Prices prices, List<Integer> waits,
            int defaultWait, StartMode mode) {
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
        if (!f.getCpuMs.isEmpty()) {
            // CPU per request against the billed time: what the quota and the idle moments add to the work itself.
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("getCpuMs", Figures.spread(f.getCpuMs, 3));
            cpu.put("postCpuMs", Figures.spread(f.postCpuMs, 3));
            cpu.put("getCpuMsDividedByShare", Figures.round(Figures.median(f.getCpuMs) / size.cores(), 2));
            cpu.put("postCpuMsDividedByShare", Figures.round(Figures.median(f.postCpuMs) / size.cores(), 2));
            values.put("cpuPerRequest", cpu);
        }
        if (!f.warmupWindowsP50Ms.isEmpty()) {
            values.put("steadyState", Map.of("launchesSteady", f.steady.stream().filter(b -> b).count(),
                    "windowsP50MsFirstLaunch", f.warmupWindowsP50Ms.get(0), "windowsPerLaunch",
                    f.warmupWindowsP50Ms.stream().map(List::size).toList()));
        }
        if (!f.getP99ShortPeriodMs.isEmpty()) {
            values.put("shortPeriodP99Ms", Map.of("get", Figures.round(Figures.median(f.getP99ShortPeriodMs), 2),
                    "post", Figures.round(Figures.median(f.postP99ShortPeriodMs), 2)));
        }
        double getBilled = Figures.median(f.getBilledMs(defaultWait));
        double postBilled = Figures.median(f.postBilledMs(defaultWait));
        double coldBilled = Math.ceil(Figures.median(f.coldStartMs));
        values.put("billedMs", Map.of("warmGet", Figures.round(getBilled, 2), "warmPost", Figures.round(postBilled, 2),
                "coldStart", Figures.round(coldBilled, 0), "storageWaitMsPerCall", defaultWait));
        Map<String, Object> byWait = new LinkedHashMap<>();
        for (int wait : waits) {
            double g = Figures.median(f.getBilledMs(wait));
            double p = Figures.median(f.postBilledMs(wait));
            double fullG = prices.lambdaPerMillion(size.memoryMb(), g) + prices.aroundLambdaPerMillion("GET");
            double fullP = prices.lambdaPerMillion(size.memoryMb(), p) + prices.aroundLambdaPerMillion("POST");
            byWait.put(Integer.toString(wait), Map.of("billedMsGet", Figures.round(g, 2), "billedMsPost",
                    Figures.round(p, 2), "meanCostPerMillion", Figures.round((fullG + fullP) / 2, 4)));
        }
        values.put("byStorageWaitMs", byWait);
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
        boolean initOver = Figures.median(f.initMs) > StartMode.INIT_LIMIT_MS;
        values.put("initOverLambdaLimit", initOver);
        double p99 = f.getP99ShortPeriodMs.isEmpty() ? Math.max(Figures.median(f.getP99Ms), Figures.median(f.postP99Ms))
                : Math.max(Figures.median(f.getP99ShortPeriodMs), Figures.median(f.postP99ShortPeriodMs));
        values.put("warmP99JudgedMs", Figures.round(p99, 2));
        values.put("withinBounds", fits && !initOver && p99 <= MAX_WARM_P99_MS
                && (!mode.coldStartIsBound() || Figures.median(f.coldStartMs) <= MAX_COLD_START_MS));
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
                values.put("billedMsGet", Figures.round(Figures.median(f.getBilledMs(0)), 3));
                values.put("billedMsPost", Figures.round(Figures.median(f.postBilledMs(0)), 3));
                values.put("getBodyChars", Figures.round(Figures.median(f.getResponseBytes), 0));
                values.put("getBodyBase64", f.getBodyBase64);
                values.put("lambdaCostPerMillionGet", Figures.round(prices.lambdaPerMillion(memoryMb,
                        Figures.median(f.getBilledMs(0))), 4));
            }
            lever.put(e.getKey(), values);
        }
        return lever;
    }

    /** The tables docs/performance.md shows: each size's figures, then its cost at each storage wait. */
    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder table = new StringBuilder("| MB | CPU | cold start ms | init ms | GET p50/p99 ms | POST p50/p99 ms"
                + " | p99 at short period GET/POST | CPU ms GET/POST | RSS MiB | within bounds |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        Map<String, Object> sizes = (Map<String, Object>) report.get("sizes");
        sizes.forEach((mb, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            if (!s.containsKey("coldStartMs")) {
                table.append("| ").append(mb).append(" | ").append(s.get("cpuCoresGiven"))
                        .append(" | did not start | | | | | | | no |\n");
                return;
            }
            Map<String, Object> shortP99 = (Map<String, Object>) s.getOrDefault("shortPeriodP99Ms", Map.of());
            Map<String, Object> cpu = (Map<String, Object>) s.getOrDefault("cpuPerRequest", Map.of());
            table.append("| ").append(mb).append(" | ").append(s.get("cpuCoresGiven")).append(" | ")
                    .append(median(s, "coldStartMs")).append(" | ").append(median(s, "initMs"))
                    .append(Boolean.TRUE.equals(s.get("initOverLambdaLimit")) ? " (over 10 s)" : "").append(" | ")
                    .append(median(s, "getP50Ms")).append(" / ").append(median(s, "getP99Ms")).append(" | ")
                    .append(median(s, "postP50Ms")).append(" / ").append(median(s, "postP99Ms")).append(" | ")
                    .append(shortP99.getOrDefault("get", "")).append(" / ").append(shortP99.getOrDefault("post", ""))
                    .append(" | ").append(cpu.isEmpty() ? "" : ((Map<String, Object>) cpu.get("getCpuMs")).get("median"))
                    .append(" / ").append(cpu.isEmpty() ? "" : ((Map<String, Object>) cpu.get("postCpuMs")).get("median"))
                    .append(" | ").append(median(s, "rssMiB"))
                    .append(Boolean.TRUE.equals(s.get("fits")) ? "" : " (does not fit)").append(" | ")
                    .append(Boolean.TRUE.equals(s.get("withinBounds")) ? "yes" : "no").append(" |\n");
        });
        Map<String, Object> byWait = (Map<String, Object>) report.get("recommendationByWait");
        table.append("\n| $ per 1M requests (mean of GET and POST, all services) | ")
                .append(String.join(" | ", byWait.keySet().stream().map(w -> w + " ms a call").toList()))
                .append(" |\n|---:|").append("---:|".repeat(byWait.size())).append("\n");
        sizes.forEach((mb, value) -> {
            Map<String, Object> s = (Map<String, Object>) value;
            if (!s.containsKey("byStorageWaitMs")) {
                return;
            }
            table.append("| ").append(mb).append(" MB |");
            byWait.forEach((wait, chosen) -> {
                boolean isChosen = mb.equals(String.valueOf(((Map<String, Object>) chosen).get("memoryMb")));
                String cost = String.format("%.3f", meanCost(s, Integer.parseInt(wait)));
                table.append(' ').append(isChosen ? "**" + cost + "**" : cost).append(" |");
            });
            table.append('\n');
        });
        Map<String, Object> recommendation = (Map<String, Object>) report.get("recommendation");
        return table.append("\nBold: the cheapest size within the bounds at that wait. Recommendation: ")
                .append(recommendation.get("why")).append(" (rule: ").append(report.get("rule")).append(")")
                .toString();
    }

    @SuppressWarnings("unchecked")
    private static Object median(Map<String, Object> size, String figure) {
        return ((Map<String, Object>) size.get(figure)).get("median");
    }
}
