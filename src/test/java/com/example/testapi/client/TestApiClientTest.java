package com.example.testapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** How the client signs, and how it types every kind of answer, against canned answers. */
class TestApiClientTest {

    private HttpServer server;
    private final List<Map<String, List<String>>> received = new ArrayList<>();
    private int status;
    private String body;
    private Map<String, String> headers = Map.of();
    private TestApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new TestApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "eu-west-1",
                () -> AwsSessionCredentialsIdentity.create("ASIAKEY", "secret", "token"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int code, String json, Map<String, String> extra) {
        status = code;
        body = json;
        headers = extra;
    }

    @Test
    void signsForExecuteApiWithTheSessionToken() {
        answer(200, "{\"caller\":{\"role\":\"r\"},\"items\":[],\"nextToken\":null}", Map.of());
        TestApiClient.Page page = client.list(5, "a/b");

        assertEquals("r", page.caller().role());
        assertNull(page.nextToken());
        Map<String, List<String>> request = received.get(0);
        String authorization = request.get("Authorization").get(0);
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=ASIAKEY/"), authorization);
        assertTrue(authorization.contains("/eu-west-1/execute-api/aws4_request"), authorization);
        assertEquals("token", request.get("X-amz-security-token").get(0));
    }

    @Test
    void aReplayIsReported() {
        answer(200, "{\"id\":\"1\",\"message\":\"m\",\"createdAt\":\"t\",\"createdBy\":{\"role\":\"r\"}}", Map.of());
        assertTrue(client.create("m", "key").replayed());
        assertEquals("key", received.get(0).get("Idempotency-key").get(0));
        answer(201, body, Map.of());
        assertFalse(client.create("m", null).replayed());
    }

    @Test
    void theGatewaysRefusalIsToldApartFromTheFunctions() {
        answer(403, "{\"message\":\"Forbidden\"}", Map.of());
        ApiException.GatewayRefused gateway = assertThrows(ApiException.GatewayRefused.class, () -> client.list(null, null));
        assertEquals("Forbidden", gateway.gatewayMessage());

        answer(403, "{\"error\":\"forbidden\",\"message\":\"Your IAM role may not call POST /test.\"}", Map.of());
        assertEquals(403, assertThrows(ApiException.FunctionRefused.class, () -> client.create("m", null)).status());
    }

    @Test
    void contractErrorsCarryTheirCode() {
        answer(409, "{\"error\":\"idempotency_conflict\",\"message\":\"used before\"}", Map.of());
        assertEquals("idempotency_conflict",
                assertThrows(ApiException.ContractViolation.class, () -> client.create("m", "k")).code());
    }

    @Test
    void serverFailuresCarryRetryAfter() {
        answer(503, "{\"error\":\"store_unavailable\",\"message\":\"busy\"}", Map.of("Retry-After", "1"));
        ApiException.ServerFailure failure = assertThrows(ApiException.ServerFailure.class, () -> client.list(null, null));
        assertEquals(503, failure.status());
        assertEquals(1, failure.retryAfterSeconds());
    }
}
