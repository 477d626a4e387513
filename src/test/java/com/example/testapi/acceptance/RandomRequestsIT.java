package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random requests, correctly signed by alice, through the local gateway to target/function.zip on the runtime
 * client: bodies (JSON-ish and not), content types, Idempotency-Keys and query strings. Every answer is a status of
 * the contract with the JSON error shape and no stack trace, and no refusal changes what is stored.
 */
class RandomRequestsIT {

    private static final Set<Integer> CONTRACT = Set.of(200, 201, 400, 409, 413, 415);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static PackagedFunction function;
    private static TestCloud cloud;
    private static SignedHttp.Signing alice;

    @BeforeContainer
    static void start() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-random-requests"));
        function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withLog(work.resolve("function.log").toFile()));
        function.awaitReady(Duration.ofSeconds(60));
        cloud = TestCloud.start(Path.of("template.yaml"), function);
        alice = TestCloud.signing(cloud.credentials("alice"));
    }

    @AfterContainer
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

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> json = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> MAPPER.createObjectNode().put("message", s).toString()),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("{}", "[]", "null", "42", "{\"message\":null}", "{\"message\":{}}",
                        "{\"message\":\"a\",\"extra\":1}", "{\"message\":\"\\ud800\"}", "{\"message\":\"a\"} x",
                        "{\"message\":\"" + "x".repeat(1001) + "\"}", "{\"message\":\"" + "y".repeat(70_000) + "\"}"));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "text/plain", "application/xml", "", "application/x-www-form-urlencoded", "*/*", "json");
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings()
                .withCharRange(' ', '~').ofMaxLength(140));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-5, 150).map(i -> "limit=" + i),
                // Values may hold '=' (?a==): name a, value '=', as the gateway and the client both read it.
                Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8),
                        Arbitraries.strings().withCharRange('a', 'z').withChars('2', 'F', '-', '=').ofMaxLength(12))
                        .as((name, value) -> name + "=" + value),
                Arbitraries.strings().withCharRange('a', 'z').withChars('&').ofMaxLength(20),
                Arbitraries.of("limit=%35", "nextToken=a%2Fb", "limit=5&limit=6", "limit=&nextToken=", "limit==5",
                        "a==&limit=5", "nextToken=ab=="),
                Arbitraries.strings().alpha().numeric().ofMaxLength(40).map(s -> "nextToken=" + s));
        return Combinators.combine(Arbitraries.of("GET", "POST"), query, contentType, key, json)
                .as(Request::new);
    }

    @Property(tries = 300, seed = "20261126") // seeded: CI reproducible; change it to explore
    void everyAnswerIsTheContractsAndRefusalsStoreNothing(@ForAll("requests") Request request) throws Exception {
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
