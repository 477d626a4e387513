package com.example.testapi.acceptance.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.Manual;
import com.example.testapi.support.Manual.Cell;

/**
 * The manual's fidelity ledger and the probes' rows cannot drift apart: every probed row is in the ledger with the
 * same evidence and source and with what the local cloud does as the probe row says it, and every C or D row of the
 * ledger names its probe.
 */
class FidelityLedgerTest {

    static final String LEDGER = "Fidelity ledger: what the local cloud plays, and on what evidence";
    private static final List<String> IDS = Arrays.stream(Row.values()).map(r -> r.id).toList();

    /** The ledger's rows: Behaviour, Evidence, Source, Local cloud, Probe. */
    private static List<List<Cell>> ledger() {
        List<List<Cell>> rows = Manual.section(LEDGER).tableRows();
        rows.forEach(row -> assertEquals(5, row.size(), row::toString));
        return rows;
    }

    /** The probe a ledger row names: the first code span of its Probe cell, if any. */
    private static String probeOf(List<Cell> row) {
        return row.get(4).code().stream().findFirst().orElse(null);
    }

    @Test
    void everyProbedRowIsInTheLedgerWithItsEvidenceSourceAndLocalFacts() {
        Map<String, List<Cell>> byProbe = new HashMap<>(); // a probe's own row: the one whose Probe cell opens with it
        for (List<Cell> row : ledger()) {
            if (!row.get(4).code().isEmpty() && IDS.contains(row.get(4).code().get(0))
                    && row.get(4).text().startsWith(row.get(4).code().get(0))) {
                byProbe.put(row.get(4).code().get(0), row);
            }
        }
        // The gateway rows' cors fact is said once, in the row on CORS of the gateway's own refusals.
        List<Cell> corsRow = ledger().stream().filter(r -> r.get(4).text().startsWith("the cors fact of"))
                .findFirst().orElseThrow(() -> new AssertionError("the ledger's row on the gateway's refusals' CORS"));
        for (Row row : Row.values()) {
            List<Cell> cells = byProbe.get(row.id);
            assertTrue(cells != null, () -> row.id + " is missing from the manual's ledger");
            assertEquals(String.valueOf(row.evidence), cells.get(1).text(), row.id);
            assertEquals(row.source, cells.get(2).text(), row.id);
            row.local.forEach((fact, value) -> {
                List<Cell> says = fact.equals("cors") ? corsRow : cells;
                assertTrue(says(List.of(says.get(0), says.get(3)), value), () -> row.id + "'s " + fact + " is '"
                        + value + "', which the ledger's row does not say: " + says.get(0).text() + " | "
                        + says.get(3).text());
            });
        }
    }

    /** Whether the cells say {@code value}: in their text, or as a quote whose "…" stands for the rest. */
    private static boolean says(List<Cell> cells, String value) {
        if (cells.stream().anyMatch(c -> c.text().contains(value))) {
            return true;
        }
        return cells.stream().flatMap(c -> c.code().stream()).filter(q -> q.contains("…"))
                .map(q -> Arrays.stream(q.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*")))
                .anyMatch(pattern -> Pattern.compile(pattern, Pattern.DOTALL).matcher(value).matches());
    }

    @Test
    void everyCOrDRowNamesItsProbe() {
        for (List<Cell> row : ledger()) {
            String evidence = row.get(1).text();
            assertTrue(List.of("A", "B", "C", "D").contains(evidence), () -> "evidence class of " + row.get(0).text());
            if (evidence.equals("C") || evidence.equals("D")) {
                assertTrue(IDS.contains(probeOf(row)), () -> "a C/D row without a known probe: " + row.get(0).text()
                        + " | " + row.get(4).text());
            }
        }
    }
}
