package com.example.testapi.trigger;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trigger's log lines, one JSON object each, in the shape the functions' lines have (quarkus-logging-json:
 * timestamp, loggerName, level, message, threadName, mdc), so one CloudWatch Logs Insights query reads both. Lambda
 * keeps a JSON line as it is under the template's JSON log format.
 */
final class TriggerLog {

    static final String LOGGER = "testapi.trigger";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;

    TriggerLog(PrintStream out) {
        this.out = out;
    }

    void write(String level, String message, Map<String, String> mdc) {
        ObjectNode line = MAPPER.createObjectNode().put("timestamp", Instant.now().toString())
                .put("loggerName", LOGGER).put("level", level).put("message", message)
                .put("threadName", Thread.currentThread().getName());
        ObjectNode fields = line.putObject("mdc");
        mdc.forEach(fields::put);
        try {
            out.println(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line of strings could not be written", e);
        }
        out.flush();
    }
}
