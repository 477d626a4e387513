package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Map<String, String[]> table = table(Files.readString(PAGE));
        JsonNode before = function("admin-routes-before.json");
        JsonNode after = function("admin-routes-after.json");
        assertEquals(ROWS.keySet(), table.keySet(), "the table's rows");
        ROWS.forEach((row, key) -> {
            assertEquals(figure(before, key), table.get(row)[0], PAGE + ", " + row + ", before");
            assertEquals(figure(after, key), table.get(row)[1], PAGE + ", " + row + ", after");
        });
    }

    /** The check itself catches a figure that differs from its file. */
    @Test
    void aQuotedFigureThatDiffersFromItsFileIsCaught() throws Exception {
        String page = Files.readString(PAGE).replace("| classes loaded | 4684 |", "| classes loaded | 4600 |");
        assertTrue(!figure(function("admin-routes-before.json"), "classesLoaded")
                .equals(table(page).get("classes loaded")[0]));
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
