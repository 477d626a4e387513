package com.example.testapi.bench.deployed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Lambda reports about one invocation: its duration, and for a cold start the init duration (on-demand) or the
 * restore duration (SnapStart). Read from either log format: the text {@code REPORT RequestId: …} line, or with
 * {@code LogFormat: JSON} the {@code platform.report} record (and {@code platform.initReport} /
 * {@code platform.restoreReport} when the report lacks the figure).
 */
public record ReportLine(String requestId, double durationMs, OptionalDouble initMs, OptionalDouble restoreMs) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TEXT_ID = Pattern.compile("^REPORT RequestId: (\\S+)");

    /** Cold means Lambda started (or restored) an execution environment for it. */
    public boolean cold() {
        return initMs.isPresent() || restoreMs.isPresent();
    }

    /** The REPORT of a log tail (as {@code Invoke} with {@code LogType=Tail} returns it); the last one if several. */
    public static Optional<ReportLine> lastIn(String logTail) {
        List<ReportLine> reports = new ArrayList<>();
        OptionalDouble init = OptionalDouble.empty();
        OptionalDouble restore = OptionalDouble.empty();
        for (String line : logTail.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("REPORT ")) {
                reports.add(text(trimmed));
            } else if (trimmed.startsWith("{") && trimmed.contains("\"platform.")) {
                JsonNode record = json(trimmed);
                String type = record.path("type").asText();
                JsonNode metrics = record.path("record").path("metrics");
                if (type.equals("platform.initReport") && metrics.has("durationMs")) {
                    init = OptionalDouble.of(metrics.get("durationMs").asDouble());
                } else if (type.equals("platform.restoreReport") && metrics.has("durationMs")) {
                    restore = OptionalDouble.of(metrics.get("durationMs").asDouble());
                } else if (type.equals("platform.report")) {
                    reports.add(new ReportLine(record.path("record").path("requestId").asText(),
                            metrics.path("durationMs").asDouble(),
                            metrics.has("initDurationMs") ? OptionalDouble.of(metrics.get("initDurationMs").asDouble())
                                    : init,
                            metrics.has("restoreDurationMs")
                                    ? OptionalDouble.of(metrics.get("restoreDurationMs").asDouble()) : restore));
                }
            }
        }
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.get(reports.size() - 1));
    }

    private static ReportLine text(String line) {
        Matcher id = TEXT_ID.matcher(line);
        if (!id.find()) {
            throw new IllegalArgumentException("not a REPORT line: " + line);
        }
        return new ReportLine(id.group(1), field(line, "Duration").orElseThrow(
                () -> new IllegalArgumentException("no Duration in: " + line)),
                field(line, "Init Duration"), field(line, "Restore Duration"));
    }

    /** {@code NAME: 12.34 ms}, where NAME is not the end of a longer name ("Billed Duration", "Init Duration"). */
    private static OptionalDouble field(String line, String name) {
        Matcher m = Pattern.compile("(?<!Billed |Init |Restore )" + Pattern.quote(name) + ": ([0-9.]+) ms")
                .matcher(line);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON log record: " + line, e);
        }
    }
}
