package com.example.testapi.bench;

import java.util.Map;

/** The report as the Markdown table README shows. */
final class BenchTable {

    private BenchTable() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report, int launches, int warm) {
        Map<String, Object> q = (Map<String, Object>) report.get("quarkus");
        Map<String, Object> b = (Map<String, Object>) report.get("baseline");
        Map<String, Object> r = (Map<String, Object>) report.get("ratios");
        StringBuilder out = new StringBuilder()
                .append("\nJDK ").append(report.get("jdk")).append("; function.zip ")
                .append(String.format("%.1f MiB", ((Number) report.get("functionZipBytes")).longValue() / 1048576.0))
                .append("; ").append(launches).append(" launches each, ").append(warm).append(" warm events\n\n")
                .append("| | Quarkus (function.zip) | plain handler | ratio |\n|---|---|---|---|\n");
        row(out, "cold start median (ms)", q, b, "coldStartMsMedian", r.get("coldStart"));
        row(out, "cold start min (ms)", q, b, "coldStartMsMin", null);
        row(out, "cold start max (ms)", q, b, "coldStartMsMax", null);
        row(out, "init: launch to first /next (ms)", q, b, "initMsMedian", null);
        row(out, "warm p50 (ms)", q, b, "warmP50Ms", r.get("warmP50"));
        row(out, "warm p99 (ms)", q, b, "warmP99Ms", null);
        row(out, "RSS after warm phase (MiB)", q, b, "rssMb", null);
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Map<String, Object> q, Map<String, Object> b, String key,
            Object ratio) {
        out.append("| ").append(label).append(" | ").append(q.get(key)).append(" | ").append(b.get(key)).append(" | ")
                .append(ratio == null ? "" : "×" + ratio).append(" |\n");
    }
}
