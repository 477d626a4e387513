package com.example.testapi.bench.bill;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.example.testapi.bench.Machine;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole bill of a million requests, {@code ./mvnw -Pbill package}: it runs function.zip (in-memory store, as
 * Lambda runs it) on {@code -Dbill.requests} (200) GETs of a page and as many keyed POSTs, and measures what each
 * request logs (the function's lines, from its output) and answers (headers and body, what leaves AWS). With the API
 * access log line the template's format writes, Lambda's platform lines, X-Ray's sampling at {@code -Dbill.rps} (10)
 * requests a second and the billed duration and request units of the committed power-tuning run
 * (src/bench/results/power.json) before and after the storage cut, it prices each service ({@link BillModel}) and
 * writes target/bench/bill.json and bill.png ({@code -Dbench.record=true}: also src/bench/results/).
 */
public final class BillRun {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BillRun() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bill.requests", 200);
        double rps = Double.parseDouble(System.getProperty("bill.rps", "10"));
        Path work = Files.createDirectories(Path.of("target", "bench", "bill"));
        File log = work.resolve("function.log").toFile();
        Files.deleteIfExists(log.toPath());
        Measured get;
        Measured post;
        try (PackagedFunction function = PackagedFunction.start(PackagedFunction.Launch.of(
                Path.of("target", "function.zip"), work).withLog(log))) {
            function.awaitReady(Duration.ofSeconds(60));
            ObjectNode getEvent = (ObjectNode) MAPPER.readTree(Path.of("events", "get-full-access.json").toFile());
            ObjectNode postEvent = (ObjectNode) MAPPER.readTree(Path.of("events", "post-full-access.json").toFile());
            for (int i = 0; i < 30; i++) { // a page to list, and the start's own lines out of the way
                function.invoke(MAPPER.writeValueAsBytes(keyedEvent(postEvent)));
            }
            get = measure(function, log, requests, getEvent::deepCopy);
            post = measure(function, log, requests, () -> keyedEvent(postEvent));
        }
        Map<String, Object> report = BillReport.of(get, post, rps, Machine.describe(), requests);
        Path out = work.getParent();
        Files.writeString(out.resolve("bill.json"), MAPPER.writeValueAsString(report));
        BillChart.write(report, out.resolve("bill.png"));
        if (Boolean.getBoolean("bench.record")) {
            Files.copy(out.resolve("bill.json"), Path.of("src", "bench", "results", "bill.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(out.resolve("bill.png"), Path.of("src", "bench", "results", "bill.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println(MAPPER.writeValueAsString(report.get("perMillion")));
        System.out.println("Report: " + out.resolve("bill.json"));
    }

    /** What one request of a kind logs (bytes and lines of the function's own output) and answers, on average. */
    record Measured(double loggedBytes, double loggedLines, double accessLineBytes, double answerBytes) {
    }

    private static Measured measure(PackagedFunction function, File log, int requests,
            java.util.function.Supplier<ObjectNode> event) throws Exception {
        long logBefore = log.length();
        long linesBefore = lines(log);
        long answered = 0;
        for (int i = 0; i < requests; i++) {
            JsonNode answer = MAPPER.readTree(function.invoke(MAPPER.writeValueAsBytes(event.get())));
            answered += answerBytes(answer);
        }
        Thread.sleep(200); // the last lines reach the file
        byte[] all = Files.readAllBytes(log.toPath());
        String written = new String(all, (int) logBefore, all.length - (int) logBefore, StandardCharsets.UTF_8);
        long accessBytes = written.lines().filter(line -> line.contains("\"loggerName\":\"testapi.access\""))
                .mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length).sum();
        return new Measured((log.length() - logBefore) / (double) requests,
                (lines(log) - linesBefore) / (double) requests, accessBytes / (double) requests,
                answered / (double) requests);
    }

    private static long lines(File log) throws java.io.IOException {
        try (var lines = Files.lines(log.toPath(), StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** The answer as the client receives it: status line, headers and body (API Gateway's own headers left out). */
    static long answerBytes(JsonNode answer) {
        long bytes = "HTTP/1.1 200 OK\r\n".length() + answer.path("body").asText().getBytes(StandardCharsets.UTF_8)
                .length;
        var headers = answer.path("headers").fields();
        while (headers.hasNext()) {
            var header = headers.next();
            bytes += header.getKey().length() + 2 + header.getValue().asText().length() + 2;
        }
        return bytes + 2;
    }

    /** A POST with a new Idempotency-Key, as the app sends every POST. */
    private static ObjectNode keyedEvent(ObjectNode post) {
        ObjectNode event = post.deepCopy();
        ((ObjectNode) event.get("headers")).put("idempotency-key", UUID.randomUUID().toString());
        return event;
    }
}
