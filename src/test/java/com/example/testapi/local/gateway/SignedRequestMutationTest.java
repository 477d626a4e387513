package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.TestCloud;

/**
 * Random mutations of a correctly signed POST through the local gateway: any change to what was signed (method,
 * path, query, a signed header, the body, the date, the credential scope, the signature, the token, the key) is
 * refused with API Gateway's 403 (or 404 for another route), never let through, never a 5xx. The cases come from a
 * seeded generator (plain JUnit: {@code -Dmutation.seed=N} explores others, {@code -Dmutation.cases=N} runs more);
 * the seed is printed, and each case's name says what it changed.
 */
class SignedRequestMutationTest {

    private static final long SEED = Long.getLong("mutation.seed", 20261126L);
    private static final int CASES = Integer.getInteger("mutation.cases", 400);
    private static final String CHARACTERS = "abcdefxyzABCXYZ0123456789-_";

    private static TestCloud cloud;
    private static SignedHttp.Signing alice;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.ANSWERS_200);
        alice = TestCloud.signing(cloud.credentials("alice"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** {@link #CASES} mutations from {@link #SEED}: which part, where in it, and the character put there. */
    static Stream<Arguments> mutations() {
        System.out.println("SignedRequestMutationTest: seed " + SEED + ", " + CASES + " cases");
        Random random = new Random(SEED);
        Part[] parts = Part.values();
        return IntStream.range(0, CASES).mapToObj(i -> Arguments.of(parts[random.nextInt(parts.length)],
                random.nextInt(10_001), CHARACTERS.charAt(random.nextInt(CHARACTERS.length()))));
    }

    enum Part {
        METHOD, PATH, QUERY, BODY, CONTENT_TYPE, DATE, TOKEN, SIGNATURE, KEY, SCOPE_DATE, SCOPE_REGION, SCOPE_SERVICE
    }

    private Signed original() {
        return SignedHttp.sign(alice, "POST", cloud.api("/test?limit=5"), Map.of("content-type", "application/json"),
                "{\"message\":\"signed\"}");
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @MethodSource("mutations")
    void anyChangeToTheSignedRequestIsRefused(Part part, int position, char replacement) {
        Signed original = original();
        assertEquals(200, SignedHttp.send(original).statusCode(), "the unchanged request passes");

        Signed mutated = mutate(original, part, position, replacement);
        HttpResponse<String> answer = SignedHttp.send(mutated);
        int status = answer.statusCode();
        boolean otherRoute = part == Part.METHOD || part == Part.PATH;
        assertTrue(status == 403 || (otherRoute && status == 404),
                () -> part + " changed: expected API Gateway's refusal, got " + status + " " + answer.body());
    }

    private static Signed mutate(Signed signed, Part part, int position, char replacement) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.headers().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
        URI uri = signed.uri();
        String method = signed.method();
        byte[] body = signed.body();
        String authorization = headers.get("authorization").get(0);
        switch (part) {
            case METHOD -> method = "GET";
            case PATH -> uri = uri.resolve("/test" + change("/x", position, replacement));
            case QUERY -> uri = URI.create(uri.toString().replace("limit=5", "limit=" + change("5", position,
                    replacement)));
            case BODY -> body = change(new String(body, StandardCharsets.UTF_8), position, replacement)
                    .getBytes(StandardCharsets.UTF_8);
            case CONTENT_TYPE -> set(headers, "content-type", change("application/json", position, replacement));
            case DATE -> set(headers, "x-amz-date", changeDigit(headers.get("x-amz-date").get(0), position));
            case TOKEN -> set(headers, "x-amz-security-token", change(headers.get("x-amz-security-token").get(0),
                    position, replacement));
            case SIGNATURE -> {
                int at = authorization.indexOf("Signature=") + "Signature=".length();
                set(headers, "authorization", authorization.substring(0, at)
                        + change(authorization.substring(at), position, hex(replacement)));
            }
            case KEY, SCOPE_DATE, SCOPE_REGION, SCOPE_SERVICE -> {
                int at = authorization.indexOf("Credential=") + "Credential=".length();
                int end = authorization.indexOf(',', at);
                String[] scope = authorization.substring(at, end).split("/");
                int index = switch (part) {
                    case KEY -> 0;
                    case SCOPE_DATE -> 1;
                    case SCOPE_REGION -> 2;
                    default -> 3;
                };
                scope[index] = index == 1 ? changeDigit(scope[index], position) : change(scope[index], position,
                        replacement);
                set(headers, "authorization", authorization.substring(0, at) + String.join("/", scope)
                        + authorization.substring(end));
            }
        }
        return new Signed(method, uri, headers, body);
    }

    private static void set(Map<String, List<String>> headers, String name, String value) {
        headers.put(name, List.of(value));
    }

    /** {@code text} with one character replaced by a different one (so the change is always real). */
    private static String change(String text, int position, char replacement) {
        int at = position % text.length();
        char other = text.charAt(at) == replacement ? (replacement == 'a' ? 'b' : 'a') : replacement;
        return text.substring(0, at) + other + text.substring(at + 1);
    }

    private static String changeDigit(String text, int position) {
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits.add(i);
            }
        }
        int at = digits.get(position % digits.size());
        char next = (char) ('0' + (text.charAt(at) - '0' + 1) % 10);
        return text.substring(0, at) + next + text.substring(at + 1);
    }

    private static char hex(char c) {
        return "0123456789abcdef".charAt(Math.abs(c) % 16);
    }
}
