package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/performance.md, "The administration routes: what they add to /test": every figure of its table is the median
 * its committed result file holds (src/bench/results/admin-routes-before.json and -after.json), and a figure edited
 * by hand, or a file re-run without the page, fails here.
 */
class AdminRoutesFiguresTest {

    private static final Path PAGE = Path.of("docs", "performance.md");
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("cold start, ms", "coldStartMs");
        ROWS.put("init, ms", "initMs");
        ROWS.put("warm p50, ms", "warmP50Ms");
        ROWS.put("warm p99, ms", "warmP99Ms");
        ROWS.put("RSS, MiB", "rssMiB");
        ROWS.put("classes loaded", "classesLoaded");
        ROWS.put("allocated per warm event, KiB", "allocatedKiBPerEvent");
        ROWS.put("code (function.zip's lib and classes), MiB", "codeMiB");
        ROWS.put("cold start ÷ the default Quarkus app's, same run", "ratio");
    }

    @Test
    void theTableQuotesTheCommittedRuns() throws Exception {
        assertEquals(List.of(), differences(Files.readString(PAGE)));
    }

    /** The same comparison catches a figure that differs from its file, naming the page, the figure and the file. */
    @Test
    void aQuotedFigureThatDiffersFromItsFileIsCaught() throws Exception {
        String page = Files.readString(PAGE).replace("| classes loaded | 4684 |", "| classes loaded | 4600 |");
        assertEquals(List.of(PAGE + ", classes loaded: 4600, but admin-routes-before.json holds 4684"),
                differences(page));
    }

    private static List<String> differences(String page) throws Exception {
        Map<String, String[]> table = table(page);
        assertEquals(ROWS.keySet(), table.keySet(), "the table's rows");
        List<String> found = new ArrayList<>();
        String[] files = {"admin-routes-before.json", "admin-routes-after.json"};
        for (int column = 0; column < files.length; column++) {
            JsonNode report = function(files[column]);
            for (Map.Entry<String, String> row : ROWS.entrySet()) {
                String quoted = table.get(row.getKey())[column];
                String held = figure(report, row.getValue());
                if (!quoted.equals(held)) {
                    found.add(PAGE + ", " + row.getKey() + ": " + quoted + ", but " + files[column] + " holds " + held);
                }
            }
        }
        return found;
    }

    private static Map<String, String[]> table(String page) {
        String section = page.substring(page.indexOf("### The administration routes: what they add to /test"));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("| our function")));
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("\\n\\| ([^|]+?) \\| ([^|]+?) \\| ([^|]+?) \\|").matcher(section);
        while (row.find()) {
            if (!row.group(1).startsWith("---") && !row.group(1).startsWith("our function")) {
                rows.put(row.group(1), new String[] {row.group(2), row.group(3)});
            }
        }
        return rows;
    }

    private static JsonNode function(String file) throws Exception {
        return new ObjectMapper().readTree(Path.of("src", "bench", "results", file).toFile());
    }

    private static String figure(JsonNode report, String key) {
        if (key.equals("ratio")) {
            return report.path("ratios").path("toQuarkusDefault").path("coldStart").asText();
        }
        JsonNode value = report.path("contenders").path("function").path(key);
        return value.has("median") ? value.path("median").asText() : value.asText();
    }
}
