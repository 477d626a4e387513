package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Random requests, correctly signed by alice, through the local gateway to target/function.zip on the runtime
 * client: bodies (JSON-ish and not), content types, Idempotency-Keys and query strings. Every answer is a status of
 * the contract with the JSON error shape and no stack trace, and no refusal changes what is stored. The requests come
 * from a seeded generator ({@code -Drandom.seed=N} explores others, {@code -Drandom.cases=N} runs more); the seed is
 * printed, and each case's name is the request.
 */
class RandomRequestsIT {

    private static final long SEED = Long.getLong("random.seed", 20261126L);
    private static final int CASES = Integer.getInteger("random.cases", 300);

    private static final Set<Integer> CONTRACT = Set.of(200, 201, 400, 409, 413, 415);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PackagedFunction function;
    private static TestCloud cloud;
    private static SignedHttp.Signing alice;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-random-requests"));
        function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withLog(work.resolve("function.log").toFile()));
        function.awaitReady(Duration.ofSeconds(60));
        cloud = TestCloud.start(Path.of("template.yaml"), function);
        alice = TestCloud.signing(cloud.credentials("alice"));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (function != null) {
            function.close();
        }
    }

    record Request(String method, String query, String contentType, String idempotencyKey, String body) {
    }

    /** {@link #CASES} requests from {@link #SEED}. */
    static Stream<Request> requests() {
        System.out.println("RandomRequestsIT: seed " + SEED + ", " + CASES + " cases");
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> request(random));
    }

    private static Request request(Random random) {
        String json = pick(random, List.<Function<Random, String>>of(
                r -> MAPPER.createObjectNode().put("message", text(r, 40, ANY)).toString(),
                r -> text(r, 60, ANY),
                r -> oneOf(r, "{}", "[]", "null", "42", "{\"message\":null}", "{\"message\":{}}",
                        "{\"message\":\"a\",\"extra\":1}", "{\"message\":\"\\ud800\"}", "{\"message\":\"a\"} x",
                        "{\"message\":\"" + "x".repeat(1001) + "\"}", "{\"message\":\"" + "y".repeat(70_000) + "\"}")));
        String contentType = oneOf(random, "application/json", "application/json; charset=utf-8", "text/plain",
                "application/xml", "", "application/x-www-form-urlencoded", "*/*", "json");
        String key = random.nextBoolean() ? "" : text(random, 140, PRINTABLE);
        String query = pick(random, List.<Function<Random, String>>of(
                r -> "",
                r -> "limit=" + (r.nextInt(156) - 5),
                // Values may hold '=' (?a==): name a, value '=', as the gateway and the client both read it.
                r -> text(r, 8, LOWER) + "=" + text(r, 12, LOWER + "2F-="),
                r -> text(r, 20, LOWER + "&"),
                r -> oneOf(r, "limit=%35", "nextToken=a%2Fb", "limit=5&limit=6", "limit=&nextToken=", "limit==5",
                        "a==&limit=5", "nextToken=ab=="),
                r -> "nextToken=" + text(r, 40, LOWER + "ABCXYZ0123456789")));
        return new Request(oneOf(random, "GET", "POST"), query, contentType, key, json);
    }

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String PRINTABLE = IntStream.rangeClosed(' ', '~')
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    /** Printable ASCII plus quotes, escapes, controls, non-ASCII and a surrogate pair: what breaks parsers. */
    private static final String ANY = PRINTABLE + "\"\\\n\t\u0000\u00e9\u4e2d\ud83d\ude00";

    private static String text(Random random, int maxLength, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String oneOf(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String pick(Random random, List<Function<Random, String>> generators) {
        return generators.get(random.nextInt(generators.size())).apply(random);
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyAnswerIsTheContractsAndRefusalsStoreNothing(Request request) throws Exception {
        String before = listing();
        Map<String, String> headers = new LinkedHashMap<>();
        if (!request.contentType().isEmpty()) {
            headers.put("content-type", request.contentType());
        }
        if (!request.idempotencyKey().isEmpty()) {
            headers.put("idempotency-key", request.idempotencyKey());
        }
        String uri = "/test" + (request.query().isEmpty() ? "" : "?" + request.query());
        boolean post = request.method().equals("POST");
        HttpResponse<String> answer = SignedHttp.send(SignedHttp.sign(alice, request.method(), cloud.api(uri),
                headers, post ? request.body() : null));

        int status = answer.statusCode();
        assertTrue(CONTRACT.contains(status), () -> "not a status of the contract: " + status + " " + answer.body());
        JsonNode json = MAPPER.readTree(answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer::body);
        if (status >= 400) {
            assertTrue(json.path("error").isTextual() && json.path("message").isTextual(), answer::body);
            assertEquals(before, listing(), "a refusal stores nothing");
        }
    }

    /** The newest items as the API lists them. */
    private String listing() throws Exception {
        HttpResponse<String> list = SignedHttp.send(SignedHttp.sign(alice, "GET", cloud.api("/test?limit=5"),
                Map.of(), null));
        assertEquals(200, list.statusCode(), list::body);
        return MAPPER.readTree(list.body()).get("items").toString();
    }
}
