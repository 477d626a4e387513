package com.example.testapi.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz report reads a suite's JUnit XML: its cases, its time, and every failing case with its message. */
class FuzzReportTest {

    @Test
    void readsCasesAndEveryFailure(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("TEST-x.xml");
        Files.writeString(xml, """
                <testsuite name="x" time="12.5" tests="3" failures="1" errors="1">
                  <testcase name="[1] BODY at 3 -> a" time="0.01"/>
                  <testcase name="[2] DATE at 7 -> b" time="0.01">
                    <failure message="DATE changed: expected API Gateway's refusal, got 200 {}">trace</failure>
                  </testcase>
                  <testcase name="[3] KEY at 1 -> c" time="0.01"><error message="boom">trace</error></testcase>
                </testsuite>
                """);
        Map<String, Object> figures = FuzzReport.read(xml);
        assertEquals(3, figures.get("cases"));
        assertEquals(12.5, figures.get("seconds"));
        assertEquals(List.of(
                Map.of("case", "[2] DATE at 7 -> b", "kind", "failure",
                        "message", "DATE changed: expected API Gateway's refusal, got 200 {}"),
                Map.of("case", "[3] KEY at 1 -> c", "kind", "error", "message", "boom")), figures.get("failures"));
    }
}
