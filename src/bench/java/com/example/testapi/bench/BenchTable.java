package com.example.testapi.bench;

import java.util.List;
import java.util.Map;

/** The report as the Markdown table the manual shows: one column per contender, median (min–max) over launches. */
final class BenchTable {

    private static final List<String> CONTENDERS = List.of("function", "plain", "quarkusDefault", "quarkusDefaultPage",
            "lever");

    private BenchTable() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        Map<String, Object> contenders = (Map<String, Object>) report.get("contenders");
        List<String> order = CONTENDERS.stream().filter(contenders::containsKey).toList();
        StringBuilder out = new StringBuilder("\nJDK ").append(report.get("jdk")).append("; ")
                .append(report.get("launches")).append(" launches each, ").append(report.get("warmEventsPerLaunch"))
                .append(" warm events per launch\n\n|");
        order.forEach(name -> out.append(" | ").append(((Map<String, Object>) contenders.get(name)).get("label")));
        out.append(" |\n|---|").append("---|".repeat(order.size())).append('\n');
        row(out, contenders, order, "cold start, ms", "coldStartMs");
        row(out, contenders, order, "init: launch to first /next, ms", "initMs");
        row(out, contenders, order, "warm p50, ms", "warmP50Ms");
        row(out, contenders, order, "warm p99, ms", "warmP99Ms");
        row(out, contenders, order, "RSS after warm phase, MiB", "rssMiB");
        row(out, contenders, order, "classes loaded", "classesLoaded");
        row(out, contenders, order, "allocated per warm event, KiB", "allocatedKiBPerEvent");
        out.append("| code, MiB |");
        order.forEach(name -> out.append(' ').append(((Map<String, Object>) contenders.get(name)).get("codeMiB"))
                .append(" |"));
        Map<String, Object> ratios = (Map<String, Object>) report.get("ratios");
        out.append("\n\nOurs ÷ plain: ").append(ratios.get("toPlain")).append("\nOurs ÷ default Quarkus: ")
                .append(ratios.get("toQuarkusDefault")).append("\nOurs ÷ default app with a page-sized answer: ")
                .append(ratios.get("toQuarkusDefaultPage")).append('\n');
        if (ratios.containsKey("leverToFunction")) {
            out.append("With the lever ÷ without: ").append(ratios.get("leverToFunction")).append('\n');
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void row(StringBuilder out, Map<String, Object> contenders, List<String> order, String label,
            String key) {
        out.append("| ").append(label).append(" |");
        for (String name : order) {
            Map<String, Object> spread = (Map<String, Object>) ((Map<String, Object>) contenders.get(name)).get(key);
            out.append(' ').append(spread.get("median")).append(" (").append(spread.get("min")).append('–')
                    .append(spread.get("max")).append(") |");
        }
        out.append('\n');
    }
}
