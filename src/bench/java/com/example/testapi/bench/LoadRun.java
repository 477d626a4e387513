package com.example.testapi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.example.testapi.client.SigV4;
import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.PackagedFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A load run of the local stack: {@code ./mvnw -Pload package}. N concurrent clients send a fixed count of mixed,
 * SigV4-signed GET and POST requests through the local gateway to function.zip on the runtime client; a share of the
 * keyed POSTs is sent twice, concurrently, with the same Idempotency-Key. It prints throughput and latency, writes
 * target/bench/load.json, and fails (exit 1) on any error answer or unless every message is stored exactly once.
 * {@code -Dload.clients=N} (8), {@code -Dload.requests=N} (10000).
 */
public final class LoadRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Task(String method, String message, String key) {
    }

    private record Result(Task task, int status, double millis, String id) {
    }

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("load.clients", 8);
        int requests = Integer.getInteger("load.requests", 10000);
        Path work = Files.createDirectories(Path.of("target", "bench", "load"));
        try (PackagedFunction function = PackagedFunction.start(PackagedFunction.Launch.of(
                Path.of("target", "function.zip"), work).withLog(work.resolve("function.log").toFile()))) {
            function.awaitReady(Duration.ofSeconds(60));
            LocalUsers users = LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE));
            try (LocalCloud cloud = LocalCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), "us-east-1"),
                    function, users, Clock.systemUTC(), line -> {
                    })) {
                LocalUsers.User alice = users.users().get(0);
                IssuedCredentials issued = cloud.identityPool().credentialsFor(
                        cloud.userPool().settings().providerName(), cloud.userPool().signIn(alice.name(), alice.password()));
                run(cloud.gateway().baseUri(), AwsSessionCredentialsIdentity.create(issued.accessKeyId(),
                        issued.secretKey(), issued.sessionToken()), clients, requests);
            }
        }
    }

    private static void run(URI api, AwsSessionCredentialsIdentity alice, int clients, int requests) throws Exception {
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        List<Task> tasks = tasks(run, requests);
        HttpClient http = HttpClient.newHttpClient();
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Task task : tasks) {
            running.add(pool.submit(() -> results.add(send(http, api, alice, task))));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        List<Result> all = new ArrayList<>(results);
        long errors = all.stream().filter(r -> r.status() != 200 && r.status() != 201).count();
        List<Double> latencies = all.stream().map(Result::millis).sorted().toList();
        // Exactly once: every POST message is listed once, and every answer for a key names the same item.
        Map<String, Integer> listed = listed(http, api, alice, run);
        long messages = tasks.stream().filter(t -> t.method().equals("POST")).map(Task::message).distinct().count();
        boolean once = listed.size() == messages && listed.values().stream().allMatch(n -> n == 1);
        Map<String, String> idByKey = new HashMap<>();
        boolean sameItem = all.stream().filter(r -> r.task().key() != null && r.id() != null)
                .allMatch(r -> idByKey.computeIfAbsent(r.task().key(), k -> r.id()).equals(r.id()));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("clients", clients);
        report.put("requests", all.size());
        report.put("seconds", Math.round(seconds * 100) / 100.0);
        report.put("throughputPerSecond", Math.round(all.size() / seconds));
        report.put("p50Ms", percentile(latencies, 50));
        report.put("p99Ms", percentile(latencies, 99));
        report.put("maxMs", percentile(latencies, 100));
        report.put("errors", errors);
        report.put("postedMessages", messages);
        report.put("storedExactlyOnce", once && sameItem);
        Files.writeString(Path.of("target", "bench", "load.json"),
                MAPPER.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println("\nLoad run (target/bench/load.json): " + MAPPER.writeValueAsString(report));
        if (errors > 0 || !once || !sameItem) {
            System.err.println("LOAD RUN FAILED: " + errors + " error answers; stored exactly once: " + (once && sameItem));
            System.exit(1);
        }
    }

    /** 30 % GETs; of the POSTs half carry a key, and one keyed POST in five is sent a second time (a retry). */
    private static List<Task> tasks(String run, int requests) {
        Random random = new Random(42);
        List<Task> tasks = new ArrayList<>();
        while (tasks.size() < requests) {
            if (random.nextInt(10) < 3) {
                tasks.add(new Task("GET", null, null));
                continue;
            }
            String message = run + " #" + tasks.size();
            String key = random.nextBoolean() ? UUID.randomUUID().toString() : null;
            tasks.add(new Task("POST", message, key));
            if (key != null && random.nextInt(5) == 0 && tasks.size() < requests) {
                tasks.add(new Task("POST", message, key));
            }
        }
        Collections.shuffle(tasks, random);
        return tasks;
    }

    private static Result send(HttpClient http, URI api, AwsSessionCredentialsIdentity alice, Task task) {
        try {
            boolean post = task.method().equals("POST");
            byte[] body = post ? MAPPER.createObjectNode().put("message", task.message()).toString()
                    .getBytes(StandardCharsets.UTF_8) : new byte[0];
            SdkHttpRequest.Builder request = SigV4.request(task.method(),
                    api.resolve(post ? "/test" : "/test?limit=10"));
            if (post) {
                request.putHeader("content-type", "application/json");
            }
            if (task.key() != null) {
                request.putHeader("idempotency-key", task.key());
            }
            SdkHttpRequest signed = SigV4.sign(request.build(), body, alice, "us-east-1", "execute-api", null);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(SigV4.toJdk(task.method(), signed.getUri(), signed.headers(),
                    body).build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            String id = post && response.statusCode() < 300 ? MAPPER.readTree(response.body()).path("id").asText(null)
                    : null;
            return new Result(task, response.statusCode(), millis, id);
        } catch (Exception e) {
            return new Result(task, -1, 0, null);
        }
    }

    /** How often each message of this run is listed, walking every page. */
    private static Map<String, Integer> listed(HttpClient http, URI api, AwsSessionCredentialsIdentity alice,
            String run) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        String token = null;
        do {
            URI page = api.resolve("/test?limit=100" + (token == null ? "" : "&nextToken=" + token));
            SdkHttpRequest signed = SigV4.sign(SigV4.request("GET", page).build(),
                    new byte[0], alice, "us-east-1", "execute-api", null);
            JsonNode json = MAPPER.readTree(http.send(SigV4.toJdk("GET", signed.getUri(), signed.headers(),
                    new byte[0]).build(), HttpResponse.BodyHandlers.ofString()).body());
            json.path("items").forEach(item -> {
                String message = item.path("message").asText();
                if (message.startsWith(run)) {
                    counts.merge(message, 1, Integer::sum);
                }
            });
            token = json.path("nextToken").isTextual() ? json.path("nextToken").asText() : null;
        } while (token != null);
        return counts;
    }

    private static double percentile(List<Double> latencies, double percent) {
        return latencies.isEmpty() ? 0 : Figures.round(Figures.percentile(latencies, percent), 2).doubleValue();
    }
}
