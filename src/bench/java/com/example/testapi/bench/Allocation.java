package com.example.testapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Heap bytes a warm function allocates per event: a JFR recording with only {@code jdk.ThreadAllocationStatistics}
 * (each thread's allocated bytes, written when the recording starts and when it stops) around {@code count} events,
 * read back with the JDK's {@code jfr print --json}. Measured after the launch's other figures, so its own cost
 * (JFR's threads and classes) touches none of them; JFR's own threads are left out of the sum.
 */
final class Allocation {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="allocation per thread">
              <event name="jdk.ThreadAllocationStatistics">
                <setting name="enabled">true</setting>
                <setting name="period">everyChunk</setting>
              </event>
            </configuration>
            """;

    private Allocation() {
    }

    /** Bytes allocated per event over {@code count} events alternating the contender's two events. */
    static double perEvent(PackagedFunction function, Contender.Events events, int count, Path javaHome, Path work)
            throws Exception {
        Files.createDirectories(work);
        Path settings = work.resolve("allocation.jfc");
        Files.writeString(settings, SETTINGS);
        Path recording = work.resolve("allocation.jfr");
        Files.deleteIfExists(recording);
        JdkTool.jcmd(javaHome, function.pid(), "JFR.start", "name=allocation", "settings=" + settings.toAbsolutePath());
        for (int i = 0; i < count; i++) {
            function.invoke(i % 2 == 0 ? events.get() : events.post());
        }
        JdkTool.jcmd(javaHome, function.pid(), "JFR.stop", "name=allocation", "filename=" + recording.toAbsolutePath());
        return allocated(JdkTool.run(javaHome, "jfr", java.util.List.of("print", "--json", "--events",
                "jdk.ThreadAllocationStatistics", recording.toAbsolutePath().toString()))) / (double) count;
    }

    /** Sum over threads (but JFR's own) of the last minus the first allocated figure, from {@code jfr print --json}. */
    static long allocated(String json) throws IOException {
        Map<String, long[]> byThread = new HashMap<>(); // thread → {first, last}
        for (JsonNode event : MAPPER.readTree(json).path("recording").path("events")) {
            JsonNode values = event.path("values");
            String thread = values.path("thread").path("javaName").asText("?") + "#"
                    + values.path("thread").path("javaThreadId").asText();
            if (thread.startsWith("JFR ") || thread.startsWith("Attach Listener")) {
                continue;
            }
            long bytes = values.path("allocated").asLong();
            byThread.merge(thread, new long[] { bytes, bytes }, (a, b) -> new long[] { a[0], b[1] });
        }
        return byThread.values().stream().mapToLong(v -> v[1] - v[0]).sum();
    }
}
