package com.example.testapi.bench.bill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.testapi.bench.Figures;
import com.example.testapi.local.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bill's report: what was measured, what was modelled and why, and the cost per million of each kind of request
 * and of their mean, by service, before the storage cut (the committed power-tuning run's billed time and request
 * units) and now, with the cuts weighed beside.
 */
final class BillReport {

    /** CloudWatch Logs counts each event's UTF-8 message plus 26 bytes ("Amazon CloudWatch Logs quotas", PutLogEvents). */
    static final int EVENT_OVERHEAD = 26;
    /** The storage wait per call the chosen memory size was judged at (docs/performance.md). */
    static final int WAIT_MS = 5;
    static final int MEMORY_MB = 1024;

    /**
     * Lambda's own lines of one invocation in the JSON log format, with active tracing: platform.start and
     * platform.report, in the shape the Lambda developer guide documents ("Telemetry API" event schemas), with ids
     * of the lengths AWS uses. Modelled, as no local runtime writes them.
     */
    static final String PLATFORM_START = "{\"time\":\"2026-12-08T01:02:03.456Z\",\"type\":\"platform.start\","
            + "\"record\":{\"requestId\":\"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa\",\"version\":\"12\",\"tracing\":"
            + "{\"spanId\":\"54565fb41ac79632\",\"type\":\"X-Amzn-Trace-Id\",\"value\":"
            + "\"Root=1-6754f3a3-5c2d4d8b3dd3e5e2ed1d0e21;Parent=54565fb41ac79632;Sampled=1\"}}}";
    static final String PLATFORM_REPORT = "{\"time\":\"2026-12-08T01:02:03.481Z\",\"type\":\"platform.report\","
            + "\"record\":{\"requestId\":\"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa\",\"metrics\":{\"durationMs\":24.17,"
            + "\"billedDurationMs\":25,\"memorySizeMB\":1024,\"maxMemoryUsedMB\":189},\"tracing\":{\"spanId\":"
            + "\"54565fb41ac79632\",\"type\":\"X-Amzn-Trace-Id\",\"value\":"
            + "\"Root=1-6754f3a3-5c2d4d8b3dd3e5e2ed1d0e21;Parent=54565fb41ac79632;Sampled=1\"},\"status\":\"success\"}}";

    private BillReport() {
    }

    static Map<String, Object> of(BillRun.Measured get, BillRun.Measured post, double rps, Map<String, Object> machine,
            int requests) throws IOException {
        BillPrices prices = BillPrices.load(Path.of("src", "bench", "prices.json"));
        JsonNode power = new ObjectMapper().readTree(Path.of("src", "bench", "results", "power.json").toFile());
        JsonNode atZero = power.at("/sizes/" + MEMORY_MB + "/byStorageWaitMs/0");
        double platform = bytes(PLATFORM_START) + bytes(PLATFORM_REPORT) + 2 * EVENT_OVERHEAD;
        double apiLine = bytes(accessLine()) + EVENT_OVERHEAD;
        double traced = BillModel.tracedShare(rps);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "./mvnw -Pbill package -Dbill.requests=" + requests + " -Dbill.rps=" + rps);
        report.put("date", Instant.now().toString());
        report.put("machine", machine);
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("GET", figures(get));
        measured.put("POST", figures(post));
        report.put("measuredPerRequest", measured);
        Map<String, Object> modelled = new LinkedHashMap<>();
        modelled.put("apiAccessLineBytes", apiLine);
        modelled.put("platformLinesBytes", platform);
        modelled.put("eventOverheadBytes", EVENT_OVERHEAD);
        modelled.put("requestsPerSecond", rps);
        modelled.put("tracedShare", Figures.round(traced, 4));
        modelled.put("memoryMb", MEMORY_MB);
        modelled.put("storageWaitMsPerCall", WAIT_MS);
        report.put("modelled", modelled);

        double getLogged = logged(get) + apiLine + platform;
        double postLogged = logged(post) + apiLine + platform;
        // Before: two Queries per GET (3 read units), one transaction per POST (4 write units). Now: one and two calls,
        // 2 read and 2 write units (RequestUnitsTest). Billed: the run's time at no wait plus the calls' waits.
        BillModel getBefore = new BillModel(MEMORY_MB, atZero.get("billedMsGet").asDouble() + 2 * WAIT_MS, 3, 0,
                getLogged, traced, get.answerBytes());
        BillModel postBefore = new BillModel(MEMORY_MB, atZero.get("billedMsPost").asDouble() + WAIT_MS, 0, 4,
                postLogged, traced, post.answerBytes());
        BillModel getNow = new BillModel(MEMORY_MB, atZero.get("billedMsGet").asDouble() + WAIT_MS, 2, 0, getLogged,
                traced, get.answerBytes());
        BillModel postNow = new BillModel(MEMORY_MB, atZero.get("billedMsPost").asDouble() + 2 * WAIT_MS, 0, 2,
                postLogged, traced, post.answerBytes());
        Map<String, Object> perMillion = new LinkedHashMap<>();
        perMillion.put("before", bill(getBefore, postBefore, prices));
        perMillion.put("now", bill(getNow, postNow, prices));
        report.put("perMillion", perMillion);
        report.put("cuts", BillCuts.weigh(getNow, postNow, prices, platform, accessLineBytes(get, post)));
        return report;
    }

    /** GET, POST and their mean, each by service with its total. */
    private static Map<String, Object> bill(BillModel get, BillModel post, BillPrices prices) {
        Map<String, Double> g = get.perMillion(prices);
        Map<String, Double> p = post.perMillion(prices);
        Map<String, Double> mean = new LinkedHashMap<>();
        g.forEach((service, cost) -> mean.put(service, (cost + p.get(service)) / 2));
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("GET", rounded(g));
        bill.put("POST", rounded(p));
        bill.put("mean", rounded(mean));
        bill.put("meanTotal", Figures.round(BillModel.total(mean), 3));
        return bill;
    }

    private static Map<String, Double> rounded(Map<String, Double> bill) {
        Map<String, Double> out = new LinkedHashMap<>();
        bill.forEach((k, v) -> out.put(k, Figures.round(v, 4).doubleValue()));
        out.put("total", Figures.round(BillModel.total(bill), 4).doubleValue());
        return out;
    }

    private static Map<String, Object> figures(BillRun.Measured m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("functionLogBytes", Figures.round(m.loggedBytes(), 1));
        f.put("functionLogLines", Figures.round(m.loggedLines(), 2));
        f.put("accessLineBytes", Figures.round(m.accessLineBytes(), 1));
        f.put("answerBytes", Figures.round(m.answerBytes(), 1));
        return f;
    }

    /** The function's lines as CloudWatch Logs counts them: their bytes without the newline, plus each event's 26. */
    private static double logged(BillRun.Measured m) {
        return m.loggedBytes() - m.loggedLines() + m.loggedLines() * EVENT_OVERHEAD;
    }

    /** The function's access line of one request as CloudWatch Logs counts it (its bytes and an event's 26). */
    private static double accessLineBytes(BillRun.Measured get, BillRun.Measured post) {
        return (get.accessLineBytes() + post.accessLineBytes()) / 2 + EVENT_OVERHEAD;
    }

    /** The API access log's line for an allowed GET, in the template's format with a deployed stack's values. */
    static String accessLine() {
        Map<String, Object> settings = SamTemplate.map(SamTemplate.load(Path.of("template.yaml"))
                .properties("HttpApi"), "AccessLogSettings");
        String format = String.valueOf(settings.get("Format"));
        return format.replace("$context.requestId", "Xyz12AbCFiAEJvQ=").replace("$context.routeKey", "GET /test")
                .replace("$context.status", "200").replace("$context.error.message", "-")
                .replace("$context.identity.caller", "AROAEXAMPLEID0123456:CognitoIdentityCredentials")
                .replace("$context.identity.userArn", "arn:aws:sts::123456789012:assumed-role/"
                        + "iam-test-api-TestApiFullAccess-1A2B3C4D5E6F/CognitoIdentityCredentials")
                .replace("$context.responseLatency", "27");
    }

    private static double bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
