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
    private final java.util.Deque<String[]> first = new java.util.ArrayDeque<>(); // {status, body}, before the rest
    private TestApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            String[] next = first.poll();
            byte[] bytes = (next == null ? body : next[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(next == null ? status : Integer.parseInt(next[0]), bytes.length);
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

    /** Credentials that count their renewals, each giving new keys. */
    private static final class Renewing implements CallerCredentials {
        int renewals;

        @Override
        public AwsSessionCredentialsIdentity current() {
            return AwsSessionCredentialsIdentity.create("ASIAKEY" + renewals, "secret", "token");
        }

        @Override
        public boolean renew() {
            renewals++;
            return true;
        }
    }

    private TestApiClient clientWith(CallerCredentials credentials, java.time.Clock clock) {
        return new TestApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "eu-west-1",
                credentials, clock);
    }

    /**
     * A refusal by API Gateway may be credentials its clock sees as expired, whatever its words: renewed and sent
     * once more, the same Idempotency-Key on a POST; the second answer is the one that counts.
     */
    @Test
    void aGatewayRefusalIsRetriedOnceWithRenewedCredentials() {
        Renewing credentials = new Renewing();
        TestApiClient renewing = clientWith(credentials, java.time.Clock.systemUTC());
        first.add(new String[] { "403", "{\"message\":\"words nobody documented\"}" });
        answer(201, "{\"id\":\"1\",\"message\":\"m\",\"createdAt\":\"t\",\"createdBy\":{\"role\":\"r\"}}", Map.of());
        assertEquals("1", renewing.create("m", "key-1").item().id());
        assertEquals(1, credentials.renewals);
        assertEquals(2, received.size());
        assertEquals("key-1", received.get(1).get("Idempotency-key").get(0));
        assertTrue(received.get(1).get("Authorization").get(0).contains("Credential=ASIAKEY1/"), "new keys");

        answer(403, "{\"Message\":\"User: arn:aws:sts::1:assumed-role/r/s is not authorized\"}", Map.of());
        ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                () -> renewing.list(null, null));
        assertTrue(refused.afterRenewal(), "refused with fresh credentials too: not an expiry");
        assertEquals("User: arn:aws:sts::1:assumed-role/r/s is not authorized", refused.gatewayMessage(),
                "Message, capitalised, is read too");
        assertEquals(4, received.size(), "one retry, no more");
    }

    @Test
    void theFunctionsRefusalAndFixedKeysAreNotRetried() {
        answer(403, "{\"error\":\"forbidden\",\"message\":\"no\"}", Map.of());
        Renewing credentials = new Renewing();
        assertThrows(ApiException.FunctionRefused.class,
                () -> clientWith(credentials, java.time.Clock.systemUTC()).list(null, null));
        assertEquals(0, credentials.renewals);

        answer(403, "{\"message\":\"Forbidden\"}", Map.of());
        ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                () -> client.list(null, null));
        assertFalse(refused.afterRenewal(), "fixed keys cannot renew");
        assertEquals(2, received.size());
    }

    /** A clock 10 minutes behind the gateway's Date: the refusal says the clock is off, not the rights. */
    @Test
    void aClockOffByMoreThanSigV4AllowsIsToldFromTheAnswersDate() {
        answer(403, "{\"message\":\"Signature expired\"}", Map.of());
        java.time.Clock behind = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(-10));
        ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                () -> clientWith(new Renewing(), behind).list(null, null));
        assertTrue(refused.clockOff(), () -> "skew " + refused.clockSkew());
        ApiException.GatewayRefused onTime = assertThrows(ApiException.GatewayRefused.class,
                () -> clientWith(new Renewing(), java.time.Clock.systemUTC()).list(null, null));
        assertFalse(onTime.clockOff(), () -> "skew " + onTime.clockSkew());
    }
}
