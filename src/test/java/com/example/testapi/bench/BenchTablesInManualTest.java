package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/performance.md's benchmark tables are the committed runs, figure for figure: each data row the benchmark
 * prints for src/bench/results/jdk25.json, jdk25-tiered.json and jdk17.json (BenchTable, the same code that prints
 * a run's table) stands in the page as it is. A re-run that is committed without the page fails here, naming the
 * file and the row; a second case shows a changed figure caught.
 */
class BenchTablesInManualTest {

    private static final Path PAGE = Path.of("docs", "performance.md");
    private static final List<String> RUNS = List.of("jdk25.json", "jdk25-tiered.json", "jdk17.json");

    /** The rows of each run's table that {@code page} lacks, as "file: row". */
    static List<String> missingRows(String page) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String run : RUNS) {
            Map<String, Object> report = new ObjectMapper().readValue(Path.of("src", "bench", "results", run)
                    .toFile(), new TypeReference<Map<String, Object>>() { });
            String table = BenchTable.markdown(report);
            List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| |")).toList();
            assertTrue(rows.size() >= 8, run + ": " + table);
            rows.stream().filter(row -> !page.contains(row)).map(row -> "src/bench/results/" + run + ": " + row)
                    .forEach(missing::add);
        }
        return missing;
    }

    @Test
    void everyRowOfEveryCommittedRunIsInThePage() throws IOException {
        assertEquals(List.of(), missingRows(Files.readString(PAGE)), "docs/performance.md lacks these rows");
    }

    @Test
    void aChangedFigureIsCaught() throws IOException {
        String page = Files.readString(PAGE).replace("| RSS after warm phase, MiB | 184 (183–185)",
                "| RSS after warm phase, MiB | 156 (183–185)");
        List<String> missing = missingRows(page);
        assertEquals(1, missing.size(), missing::toString);
        assertTrue(missing.get(0).startsWith("src/bench/results/jdk25.json: | RSS after warm phase, MiB | 184"),
                missing.get(0));
    }
}
