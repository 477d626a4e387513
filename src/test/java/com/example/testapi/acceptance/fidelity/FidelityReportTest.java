package com.example.testapi.acceptance.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployed report mode without AWS: answers in the shape public reports show (src/test/fidelity) are
 * read the way the probes read live ones, compared with the ledger, and reported.
 */
class FidelityReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static FidelityReport recorded() throws IOException {
        JsonNode file = MAPPER.readTree(Files.readString(Path.of("src/test/fidelity/recorded-answers.json")));
        String origin = file.path("origin").asText();
        List<Observation> observations = new ArrayList<>();
        for (Row row : Row.values()) {
            JsonNode refusal = file.path("refusals").path(row.id);
            JsonNode facts = file.path("facts").path(row.id);
            if (!refusal.isMissingNode()) {
                observations.add(Observation.of(row, Refusals.facts(refusal.path("status").asInt(),
                        refusal.path("allowOrigin").textValue(), refusal.path("errorType").textValue(),
                        refusal.path("body").asText(), origin)));
            } else if (!facts.isMissingNode()) {
                Map<String, String> values = new LinkedHashMap<>();
                facts.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
                observations.add(Observation.of(row, values));
            } else {
                observations.add(Observation.notObserved(row, file.path("missing").path(row.id).asText()));
            }
        }
        return new FidelityReport("recorded answers", observations);
    }

    @Test
    void eachRowIsAgreedDifferingOrNotObserved() throws IOException {
        Map<String, FidelityReport.Verdict> verdicts = new LinkedHashMap<>();
        recorded().observations().forEach(o -> verdicts.put(o.row().id, FidelityReport.verdict(o)));
        Map<String, FidelityReport.Verdict> expected = new LinkedHashMap<>();
        expected.put("gateway.unsigned", FidelityReport.Verdict.AGREES); // pretty-printed JSON is the same JSON
        expected.put("gateway.bad-signature", FidelityReport.Verdict.AGREES);
        expected.put("gateway.expired-credentials", FidelityReport.Verdict.DIFFERS); // Message, and CORS
        expected.put("gateway.signature-expired", FidelityReport.Verdict.AGREES); // dates aside
        expected.put("gateway.iam-deny", FidelityReport.Verdict.DIFFERS); // CORS on the refusal
        expected.put("function.authorizer-iam", FidelityReport.Verdict.AGREES);
        expected.put("userpool.refresh-deleted-user", FidelityReport.Verdict.DIFFERS);
        expected.put("userpool.refresh-disabled-user", FidelityReport.Verdict.AGREES);
        expected.put("userpool.expires-in", FidelityReport.Verdict.AGREES);
        expected.put("hostedui.error-redirect-state", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("hostedui.pkce-plain", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.lockout-answer", FidelityReport.Verdict.AGREES);
        expected.put("userpool.reset-code-tries", FidelityReport.Verdict.AGREES);
        expected.put("userpool.admin-unknown-key", FidelityReport.Verdict.AGREES);
        expected.put("userpool.input-validation", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.totp-wrong-code", FidelityReport.Verdict.AGREES);
        expected.put("userpool.totp-verify-wrong-code", FidelityReport.Verdict.AGREES);
        expected.put("userpool.totp-code-reused", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.totp-drift", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.totp-wrong-code-lockout", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.totp-pending-association", FidelityReport.Verdict.NOT_OBSERVED);
        // Rows added after the recording: no answer of AWS's yet.
        expected.put("userpool.admin-without-totp", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("identitypool.custom-role-arn", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("identitypool.basic-flow", FidelityReport.Verdict.NOT_OBSERVED);
        expected.put("userpool.refresh-before-enrolment", FidelityReport.Verdict.NOT_OBSERVED);
        assertEquals(expected, verdicts);
    }

    @Test
    void theTextNamesEachDifferenceAndWhatOnlyAwsSent() throws IOException {
        String text = recorded().text();
        assertTrue(text.contains("DIFFERS  gateway.iam-deny (C: https://repost.aws/questions/QUOapdPrBBT7yRSERUdSolmw)"
                + "\n    A ReadOnlyAccess user's POST (the role's policy lacks the route)\n    cors: local none → allowed\n"),
                text);
        assertTrue(text.contains("    body: local {\"message\":\"The security token included in the request is expired\"}"
                + " → {\"Message\":\"The security token included in the request is expired\"}\n"), text);
        assertTrue(text.contains("    also seen, errorType: MissingAuthenticationTokenException\n"), text);
        assertTrue(text.contains("NOT_OBSERVED  hostedui.pkce-plain (D: none found)"), text);
        assertTrue(text.endsWith("11 agree, 3 differ, 11 not observed\n"), text);
    }

    @Test
    void theJsonCarriesBothSidesOfEveryRow(@TempDir Path dir) throws IOException {
        recorded().write(dir);
        JsonNode rows = MAPPER.readTree(Files.readString(dir.resolve("fidelity.json"))).path("rows");
        assertEquals(Row.values().length, rows.size());
        JsonNode deleted = rows.get(Row.REFRESH_DELETED_USER.ordinal());
        assertEquals("DIFFERS", deleted.path("verdict").asText());
        assertEquals("Refresh Token has been revoked", deleted.path("local").path("message").asText());
        assertEquals("User does not exist.", deleted.path("observed").path("message").asText());
        assertTrue(Files.readString(dir.resolve("fidelity.txt")).startsWith("Fidelity of the local cloud against "
                + "recorded answers\n"));
    }
}
