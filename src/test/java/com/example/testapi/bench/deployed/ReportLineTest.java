package com.example.testapi.bench.deployed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The deployed cold-start command's reading and arithmetic, on log tails as Lambda returns them. */
class ReportLineTest {

    /** Text format, on demand: START, one app line, END, REPORT with Init Duration, the X-Ray line. */
    static final String TEXT_ON_DEMAND = """
            START RequestId: 8f5d3b1e-2c44-4f0a-9d5e-1b2a3c4d5e6f Version: $LATEST
            {"timestamp":"2026-11-26T10:00:02.101Z","loggerName":"testapi.access","level":"INFO","message":"GET /test answered 200","mdc":{}}
            END RequestId: 8f5d3b1e-2c44-4f0a-9d5e-1b2a3c4d5e6f
            REPORT RequestId: 8f5d3b1e-2c44-4f0a-9d5e-1b2a3c4d5e6f\tDuration: 812.47 ms\tBilled Duration: 2431 ms\tMemory Size: 512 MB\tMax Memory Used: 181 MB\tInit Duration: 1618.32 ms\t
            XRAY TraceId: 1-6745a1b0-0123456789abcdef01234567\tSegmentId: 53995c3f42cd8ad8\tSampled: true\t
            """;
    /** Text format, SnapStart: Restore Duration and its billed part instead of Init Duration. */
    static final String TEXT_SNAPSTART = """
            START RequestId: 0a1b2c3d-0000-4000-8000-000000000001 Version: 7
            END RequestId: 0a1b2c3d-0000-4000-8000-000000000001
            REPORT RequestId: 0a1b2c3d-0000-4000-8000-000000000001\tDuration: 95.12 ms\tBilled Duration: 385 ms\tMemory Size: 512 MB\tMax Memory Used: 160 MB\tRestore Duration: 412.88 ms\tBilled Restore Duration: 289 ms\t
            """;
    /** JSON format (LogFormat: JSON), on demand: platform records; the report carries initDurationMs. */
    static final String JSON_ON_DEMAND = """
            {"time":"2026-11-26T10:00:00.500Z","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init","runtimeVersion":"java:25.v3"}}
            {"time":"2026-11-26T10:00:02.100Z","type":"platform.start","record":{"requestId":"4b51669b-bf81-4d7d-8b12-acd42b67b963","version":"$LATEST"}}
            {"time":"2026-11-26T10:00:02.900Z","type":"platform.report","record":{"requestId":"4b51669b-bf81-4d7d-8b12-acd42b67b963","metrics":{"durationMs":790.2,"billedDurationMs":2391,"memorySizeMB":512,"maxMemoryUsedMB":179,"initDurationMs":1600.5},"status":"success"}}
            """;
    /** JSON format, SnapStart, restore figure only in its own platform.restoreReport record. */
    static final String JSON_SNAPSTART = """
            {"time":"2026-11-26T10:05:00.000Z","type":"platform.restoreStart","record":{"runtimeVersion":"java:25.v3"}}
            {"time":"2026-11-26T10:05:00.420Z","type":"platform.restoreReport","record":{"status":"success","metrics":{"durationMs":420.0}}}
            {"time":"2026-11-26T10:05:00.530Z","type":"platform.report","record":{"requestId":"13f7375c-0000-4000-8000-000000000002","metrics":{"durationMs":101.0,"billedDurationMs":402,"memorySizeMB":512,"maxMemoryUsedMB":158},"status":"success"}}
            """;
    /** A warm invocation: no Init or Restore Duration. */
    static final String TEXT_WARM = "REPORT RequestId: 11111111-2222-4333-8444-555555555555\tDuration: 3.10 ms\t"
            + "Billed Duration: 4 ms\tMemory Size: 512 MB\tMax Memory Used: 182 MB\t\n";

    @Test
    void readsTheTextReport() {
        ReportLine onDemand = ReportLine.lastIn(TEXT_ON_DEMAND).orElseThrow();
        assertEquals("8f5d3b1e-2c44-4f0a-9d5e-1b2a3c4d5e6f", onDemand.requestId());
        assertEquals(812.47, onDemand.durationMs(), "Duration, not Billed Duration");
        assertEquals(OptionalDouble.of(1618.32), onDemand.initMs());
        assertEquals(OptionalDouble.empty(), onDemand.restoreMs());

        ReportLine restored = ReportLine.lastIn(TEXT_SNAPSTART).orElseThrow();
        assertEquals(95.12, restored.durationMs());
        assertEquals(OptionalDouble.of(412.88), restored.restoreMs(), "Restore Duration, not its billed part");
        assertEquals(OptionalDouble.empty(), restored.initMs());
        assertTrue(onDemand.cold() && restored.cold());
        assertFalse(ReportLine.lastIn(TEXT_WARM).orElseThrow().cold());
    }

    @Test
    void readsTheJsonReport() {
        ReportLine onDemand = ReportLine.lastIn(JSON_ON_DEMAND).orElseThrow();
        assertEquals("4b51669b-bf81-4d7d-8b12-acd42b67b963", onDemand.requestId());
        assertEquals(790.2, onDemand.durationMs());
        assertEquals(OptionalDouble.of(1600.5), onDemand.initMs());
        ReportLine restored = ReportLine.lastIn(JSON_SNAPSTART).orElseThrow();
        assertEquals(OptionalDouble.of(420.0), restored.restoreMs());
        assertEquals(101.0, restored.durationMs());
    }

    @Test
    void aTailWithoutReportHasNone() {
        assertTrue(ReportLine.lastIn("START RequestId: x Version: $LATEST\nsome text\n").isEmpty());
    }

    @Test
    void percentilesOfColdStartsOnly() {
        List<ReportLine> reports = List.of(report(1000, 100), report(1200, 80), report(1100, 90), report(1300, 120),
                ReportLine.lastIn(TEXT_WARM).orElseThrow());
        ColdStartStats stats = ColdStartStats.of("GetTestFunction", "on-demand", reports);
        assertEquals(4, stats.count(), "the warm invocation is not a cold start");
        assertEquals(1100, stats.startP50Ms(), "nearest rank: 2nd of 1000, 1100, 1200, 1300");
        assertEquals(1300, stats.startP99Ms());
        assertEquals(90, stats.durationP50Ms());
        assertEquals(1190, stats.totalP50Ms(), "init + duration per start: 1100, 1280, 1190, 1420");
        assertEquals(1420, stats.totalP99Ms());
        assertTrue(stats.row().startsWith("| GetTestFunction | on-demand | 4 | 1100 / 1300 |"), stats.row());
        assertThrows(IllegalArgumentException.class,
                () -> ColdStartStats.of("f", "snapstart", List.of(ReportLine.lastIn(TEXT_WARM).orElseThrow())));
    }

    @Test
    void probeEventsActAsTheStacksFullAccessRoleAndStoreNothing() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode get = mapper.readTree(new String(DeployedColdStarts.event("prod-TestApiFullAccess-1A2B3C4D",
                "get-full-access.json"), StandardCharsets.UTF_8));
        assertEquals("arn:aws:sts::123456789012:assumed-role/prod-TestApiFullAccess-1A2B3C4D/CognitoIdentityCredentials",
                get.at("/requestContext/authorizer/iam/userArn").asText());
        JsonNode post = mapper.readTree(DeployedColdStarts.event("prod-TestApiFullAccess-1A2B3C4D",
                "post-full-access.json"));
        assertFalse(post.has("body"), "no body: refused with 400 before anything is stored");
        assertEquals("POST", post.at("/requestContext/http/method").asText());
    }

    /** The trigger's probe: a user outside Admins, which the real rule answers without a single Cognito call. */
    @Test
    void theTriggersProbeNeedsNoLookup() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var event = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(DeployedColdStarts.triggerEvent());
        var nobody = new com.example.testapi.trigger.AdminsNeedTotp.Users() {
            @Override
            public boolean totpEnabled(String pool, String user) {
                throw new AssertionError("no lookup for a probe");
            }

            @Override
            public List<com.example.testapi.trigger.AdminsNeedTotp.Group> groups(String pool, String user) {
                throw new AssertionError("no lookup for a probe");
            }

            @Override
            public void leave(String pool, String user, String group) {
                throw new AssertionError("no change for a probe");
            }
        };
        String before = event.toString();
        assertEquals(before, new com.example.testapi.trigger.AdminsNeedTotp(nobody).apply(event).toString());
        assertEquals("[\"FullAccess\"]", event.at("/request/groupConfiguration/groupsToOverride").toString());
    }

    private static ReportLine report(double init, double duration) {
        return new ReportLine("id", duration, OptionalDouble.of(init), OptionalDouble.empty());
    }
}
