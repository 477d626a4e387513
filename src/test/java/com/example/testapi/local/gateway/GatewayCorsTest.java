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
        assertEquals("GET,POST", answer.headers().firstValue("access-control-allow-methods").orElse(null));
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

    @Test
    void everyAnswerToTheAppsOriginCarriesCorsHeadersRefusalsIncluded() {
        HttpResponse<String> refused = SignedHttp.send(HttpRequest.newBuilder(cloud.api("/test")).header("Origin", APP_ORIGIN)
                .GET().build());
        FrontDoorMatrix.assertGateway(refused, 403, "Missing Authentication Token");
        assertEquals(APP_ORIGIN, refused.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("idempotent-replayed,retry-after",
                refused.headers().firstValue("access-control-expose-headers").orElse(null));

        HttpResponse<String> bobsPost = SignedHttp.send(SignedHttp.sign(TestCloud.signing(cloud.credentials("bob")), "POST", cloud.api("/test"),
                Map.of("origin", APP_ORIGIN, "content-type", "application/json"), "{\"message\":\"no\"}"));
        FrontDoorMatrix.assertGateway(bobsPost, 403, "Forbidden");
        assertEquals(APP_ORIGIN, bobsPost.headers().firstValue("access-control-allow-origin").orElse(null));

        HttpResponse<String> read = SignedHttp.send(SignedHttp.sign(TestCloud.signing(cloud.credentials("alice")), "GET", cloud.api("/test"),
                Map.of("origin", APP_ORIGIN), null));
        assertEquals(200, read.statusCode());
        assertEquals(APP_ORIGIN, read.headers().firstValue("access-control-allow-origin").orElse(null));
    }
}
