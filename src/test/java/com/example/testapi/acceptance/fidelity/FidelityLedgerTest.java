package com.example.testapi.acceptance.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * README's fidelity ledger and the probes' rows cannot drift apart: every probed row is in the ledger with the same
 * evidence and source, and every C or D row of the ledger names its probe.
 */
class FidelityLedgerTest {

    private static final Pattern PROBE_ID = Pattern.compile("`([a-z]+\\.[a-z-]+)`");

    /** The ledger's table rows, as cells. */
    private static List<String[]> ledger() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Fidelity ledger");
        assertTrue(start >= 0, "README has the fidelity ledger");
        String section = readme.substring(start, readme.indexOf("\n#", start + 1));
        List<String[]> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| Behaviour") && !line.startsWith("|---")) {
                String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ", -1))
                        .map(String::strip).toArray(String[]::new);
                assertEquals(5, cells.length, line);
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void everyProbedRowIsInTheLedgerWithItsEvidenceAndSource() throws IOException {
        Map<String, String[]> byProbe = new HashMap<>(); // a probe's own row: the one its id opens
        for (String[] cells : ledger()) {
            if (cells[4].startsWith("`")) {
                Matcher id = PROBE_ID.matcher(cells[4]);
                if (id.find()) {
                    byProbe.put(id.group(1), cells);
                }
            }
        }
        for (Row row : Row.values()) {
            String[] cells = byProbe.get(row.id);
            assertTrue(cells != null, () -> row.id + " is missing from README's ledger");
            assertEquals(String.valueOf(row.evidence), cells[1], row.id);
            assertEquals(row.source, cells[2], row.id);
        }
    }

    @Test
    void everyCOrDRowNamesItsProbe() throws IOException {
        List<String> ids = Arrays.stream(Row.values()).map(r -> r.id).toList();
        for (String[] cells : ledger()) {
            assertTrue(List.of("A", "B", "C", "D").contains(cells[1]), () -> "evidence class of " + cells[0]);
            if (cells[1].equals("C") || cells[1].equals("D")) {
                assertFalse(cells[4].isBlank(), () -> "a C/D row without a probe: " + cells[0]);
                Matcher id = PROBE_ID.matcher(cells[4]);
                assertTrue(id.find(), () -> "a probe id in " + cells[4]);
                assertTrue(ids.contains(id.group(1)), () -> "an unknown probe " + id.group(1));
            }
        }
    }
}
