package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.testapi.items.FakeDynamoDb;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.LambdaEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the deployed function tells its operators, run as Lambda runs it (function.zip, the runtime interface client,
 * a Runtime API handing out sampled trace headers), with a DynamoDB that answers queries and fails every write:
 * each log line one JSON object; each line of a request carries its Lambda request id and trace id; no key, token or
 * body anywhere; each DynamoDB call an X-Ray subsegment sent to the trace daemon, in the invocation's trace.
 */
class FunctionTelemetryIT {

    private static final String SECRET_KEY = "FunctionTelemetrySecretKey0123456789";
    private static final String SESSION_TOKEN = "FunctionTelemetrySessionToken0123456789";
    private static final String BODY_MARKER = "a-message-that-must-stay-out-of-logs";

    private static FakeDynamoDb dynamoDb;
    private static PackagedFunction function;
    private static Path log;
    private static DatagramSocket xrayDaemon;

    @BeforeAll
    static void start() throws Exception {
        dynamoDb = new FakeDynamoDb(exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null && target.endsWith(".Query")) {
                FakeDynamoDb.reply(exchange, 200, "{\"Items\":[],\"Count\":0,\"ScannedCount\":0}");
            } else {
                FakeDynamoDb.reply(exchange, 500, FakeDynamoDb.error("InternalServerError"));
            }
        });
        xrayDaemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        xrayDaemon.setSoTimeout(200);
        Path work = Files.createDirectories(Path.of("target", "it-function-telemetry"));
        log = work.resolve("function.log");
        Files.deleteIfExists(log);
        function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withEnvironment(Map.of("TABLE_NAME", "items", "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint(),
                        "AWS_ACCESS_KEY_ID", "AKIDFUNCTIONLOGLINES", "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                        "AWS_SESSION_TOKEN", SESSION_TOKEN,
                        "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + xrayDaemon.getLocalPort()))
                .withLog(new File(log.toString())));
        function.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (xrayDaemon != null) {
            xrayDaemon.close();
        }
    }

    @Test
    void everyLineIsJsonAndEachRequestsLinesCarryItsIds() throws Exception {
        List<JsonNode> startup = linesSince(0);
        List<List<JsonNode>> requests = new ArrayList<>();
        requests.add(invoke(LambdaEvents.load("get-full-access.json"), 200));
        requests.add(invoke(LambdaEvents.load("post-read-access.json"), 403));
        requests.add(invoke(LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"),
                "{\"message\": \"" + BODY_MARKER + "\", \"extra\": 1}"), 400));
        List<JsonNode> failed = invoke(LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"),
                "{\"message\": \"" + BODY_MARKER + "\"}"), 503);
        requests.add(failed);

        assertFalse(startup.isEmpty(), "start-up writes lines too (they have no request yet)");
        Set<String> requestIds = requests.stream().map(lines -> lines.get(0).at("/mdc/requestId").asText())
                .collect(Collectors.toSet());
        assertEquals(4, requestIds.size(), "each invocation its own Lambda request id: " + requestIds);
        for (List<JsonNode> lines : requests) {
            String requestId = lines.get(0).at("/mdc/requestId").asText();
            String traceId = lines.get(0).at("/mdc/traceId").asText();
            assertTrue(traceId.matches("1-[0-9a-f]{8}-[0-9a-f]{24}"), "X-Ray trace id: " + lines);
            for (JsonNode line : lines) {
                assertEquals(requestId, line.at("/mdc/requestId").asText(), "same request id: " + line);
                assertEquals(traceId, line.at("/mdc/traceId").asText(), "same trace id: " + line);
                assertTrue(line.hasNonNull("level") && line.hasNonNull("loggerName") && line.hasNonNull("message"),
                        "level, logger, message: " + line);
            }
        }
        JsonNode refused = access(requests.get(1));
        assertEquals("403", refused.at("/mdc/status").asText());
        assertEquals("POST /test", refused.at("/mdc/route").asText());
        assertEquals("local-TestApiReadAccess", refused.at("/mdc/role").asText(), "the refused caller's role");
        assertEquals("Xyz12AbCFiAEJvQ=", refused.at("/mdc/apiRequestId").asText(), "API Gateway's request id");
        assertNotEquals("", refused.at("/mdc/identityId").asText());
        assertTrue(refused.at("/mdc/latencyMs").asText().matches("\\d+"), "whole milliseconds: " + refused);
        assertTrue(failed.stream().anyMatch(line -> line.get("level").asText().equals("WARN")
                && line.get("message").asText().startsWith("Store unavailable")), "the store failure: " + failed);
    }

    @Test
    void noKeyTokenOrBodyIsWritten() throws Exception {
        invoke(LambdaEvents.withBody(LambdaEvents.load("post-full-access.json"),
                "{\"message\": \"" + BODY_MARKER + "\"}"), 503);
        String all = Files.readString(log, StandardCharsets.UTF_8);
        for (String secret : List.of(SECRET_KEY, SESSION_TOKEN, BODY_MARKER, "ASIAEXAMPLE", "x-amz-date")) {
            assertFalse(all.contains(secret), "the log holds " + secret);
        }
    }

    @Test
    void eachDynamoDbCallIsASubsegmentOfTheInvocationsTrace() throws Exception {
        drain();
        List<JsonNode> lines = invoke(LambdaEvents.load("get-full-access.json"), 200);
        String traceId = lines.get(0).at("/mdc/traceId").asText();
        List<JsonNode> segments = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (segments.stream().noneMatch(s -> traceId.equals(s.path("trace_id").asText()))
                && System.nanoTime() < deadline) {
            segments.addAll(received());
        }
        JsonNode query = segments.stream().filter(s -> traceId.equals(s.path("trace_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no subsegment in trace " + traceId + ": " + segments));
        assertEquals("DynamoDb", query.get("name").asText(), query.toString());
        assertEquals("Query", query.at("/aws/operation").asText(), query.toString());
        assertEquals("items", query.at("/aws/table_name").asText(), query.toString());
        assertEquals(200, query.at("/http/response/status").asInt(), query.toString());
    }

    /** The trace daemon's side of the X-Ray UDP protocol: a header line, then one segment document per datagram. */
    private static List<JsonNode> received() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            xrayDaemon.receive(packet);
        } catch (SocketTimeoutException e) {
            return documents;
        }
        String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        int newline = datagram.indexOf('\n');
        JsonNode header = LambdaEvents.MAPPER.readTree(datagram.substring(0, Math.max(newline, 0)));
        assertEquals("json", header.path("format").asText(), datagram);
        documents.add(LambdaEvents.MAPPER.readTree(datagram.substring(newline + 1)));
        return documents;
    }

    private static void drain() throws IOException {
        while (!received().isEmpty()) {
            // earlier tests' subsegments
        }
    }

    /** Invokes once and returns the lines it wrote (waits for its access line, the last one of a request). */
    private static List<JsonNode> invoke(ObjectNode event, int status) throws Exception {
        long before = Files.size(log);
        JsonNode response = LambdaEvents.MAPPER.readTree(function.invoke(LambdaEvents.MAPPER.writeValueAsBytes(event)));
        assertEquals(status, response.get("statusCode").asInt(), response.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<JsonNode> lines = linesSince(before);
        while (lines.stream().noneMatch(FunctionTelemetryIT::isAccess) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            lines = linesSince(before);
        }
        assertTrue(lines.stream().anyMatch(FunctionTelemetryIT::isAccess), "an access line: " + lines);
        return lines;
    }

    /** The complete lines written after {@code offset}; each must be one JSON object. */
    private static List<JsonNode> linesSince(long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int end = bytes.length;
        while (end > offset && bytes[end - 1] != '\n') {
            end--; // a line still being written
        }
        String written = new String(bytes, (int) offset, Math.max(0, end - (int) offset), StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : written.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = LambdaEvents.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertTrue(node.isObject(), "one JSON object per line: " + line);
            lines.add(node);
        }
        return lines;
    }

    private static boolean isAccess(JsonNode line) {
        return "testapi.access".equals(line.path("loggerName").asText());
    }

    private static JsonNode access(List<JsonNode> lines) {
        return lines.stream().filter(FunctionTelemetryIT::isAccess).findFirst().orElseThrow();
    }
}
