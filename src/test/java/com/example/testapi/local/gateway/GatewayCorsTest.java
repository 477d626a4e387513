package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;

/**
 * The HTTP API's CORS configuration from template.yaml, applied by the local gateway as API Gateway applies it,
 * checked without a browser (the browser app's tests check it with one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayCorsTest {

    private TestCloud cloud;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.ANSWERS_200);
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    static final String APP_ORIGIN = "http://localhost:8080"; // the AllowedOrigins the local cloud passes

    private static HttpRequest preflight(URI uri, String origin) {
        return HttpRequest.newBuilder(uri).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,x-amz-date,"
                        + "x-amz-security-token,x-amz-content-sha256").build();
    }

    @Test
    void thePreflightOfTheAppsOriginIsAnsweredWithoutAuthorization() {
        HttpResponse<String> answer = SignedHttp.send(preflight(cloud.api("/test"), APP_ORIGIN));
        assertEquals(204, answer.statusCode());
        assertEquals(APP_ORIGIN, answer.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("GET,POST,PUT", answer.headers().firstValue("access-control-allow-methods").orElse(null));
        assertEquals("authorization,content-type,x-amz-date,x-amz-security-token,x-amz-content-sha256,idempotency-key",
                answer.headers().firstValue("access-control-allow-headers").orElse(null));
        assertEquals("600", answer.headers().firstValue("access-control-max-age").orElse(null));
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        HttpResponse<String> preflight = SignedHttp.send(preflight(cloud.api("/test"), "https://evil.example"));
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().map().keySet().stream().noneMatch(h -> h.startsWith("access-control-")),
                () -> preflight.headers().map().toString());
        HttpResponse<String> read = SignedHttp.send(SignedHttp.sign(TestCloud.signing(cloud.credentials("alice")), "GET", cloud.api("/test"),
                Map.of("origin", "https://evil.example"), null));
        assertEquals(200, read.statusCode(), "CORS is the browser's check: the API still answers");
        assertTrue(read.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    /**
     * AWS: "For a CORS request, API Gateway adds the configured CORS headers to the response from an integration"
     * (HTTP API, Configuring CORS). Its own refusals are not from an integration: by default the local gateway plays the
     * conservative reading, no CORS headers on them; the function's answers, refusals included, carry them.
     */
    @Test
    void byDefaultOnlyTheFunctionsAnswersCarryCorsHeaders() {
        refusals(cloud).forEach((what, refused) -> assertTrue(refused.headers().map().keySet().stream()
                .noneMatch(h -> h.startsWith("access-control-")), () -> what + ": " + refused.headers().map()));
        functionAnswers(cloud).forEach((what, answer) -> assertEquals(APP_ORIGIN,
                answer.headers().firstValue("access-control-allow-origin").orElse(null), what));
    }

    /** -Dlocal.gateway-refusal-cors=true: the other world, where the gateway's own refusals carry them too. */
    @Test
    void withTheSwitchOnTheGatewaysOwnRefusalsCarryCorsHeadersToo() throws Exception {
        try (TestCloud permissive = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withRefusalCors(true), TestCloud.ANSWERS_200)) {
            refusals(permissive).forEach((what, refused) -> {
                assertEquals(APP_ORIGIN, refused.headers().firstValue("access-control-allow-origin").orElse(null), what);
                assertEquals("idempotent-replayed,retry-after,date",
                        refused.headers().firstValue("access-control-expose-headers").orElse(null), what);
            });
            functionAnswers(permissive).forEach((what, answer) -> assertEquals(APP_ORIGIN,
                    answer.headers().firstValue("access-control-allow-origin").orElse(null), what));
        }
    }

    /** The gateway's own answers to the app's origin: unsigned, IAM deny, no such route. */
    private static Map<String, HttpResponse<String>> refusals(TestCloud on) {
        HttpResponse<String> unsigned = SignedHttp.send(HttpRequest.newBuilder(on.api("/test"))
                .header("Origin", APP_ORIGIN).GET().build());
        FrontDoor.assertGateway(unsigned, 403, "Missing Authentication Token");
        HttpResponse<String> bobsPost = SignedHttp.send(SignedHttp.sign(TestCloud.signing(on.credentials("bob")), "POST",
                on.api("/test"), Map.of("origin", APP_ORIGIN, "content-type", "application/json"),
                "{\"message\":\"no\"}"));
        FrontDoor.assertGateway(bobsPost, 403, "Forbidden");
        HttpResponse<String> noRoute = SignedHttp.send(SignedHttp.sign(TestCloud.signing(on.credentials("alice")), "GET",
                on.api("/elsewhere"), Map.of("origin", APP_ORIGIN), null));
        FrontDoor.assertGateway(noRoute, 404, "Not Found");
        return Map.of("unsigned", unsigned, "IAM deny", bobsPost, "no route", noRoute);
    }

    private static Map<String, HttpResponse<String>> functionAnswers(TestCloud on) {
        HttpResponse<String> read = SignedHttp.send(SignedHttp.sign(TestCloud.signing(on.credentials("alice")), "GET",
                on.api("/test"), Map.of("origin", APP_ORIGIN), null));
        assertEquals(200, read.statusCode());
        return Map.of("alice's GET", read);
    }
}
