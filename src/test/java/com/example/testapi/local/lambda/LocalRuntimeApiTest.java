package com.example.testapi.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The local Lambda Runtime API guards itself: its address carries a secret path segment, so only the runtime started
 * with it (AWS_LAMBDA_RUNTIME_API) takes invocations; a response over Lambda's 6 MB is refused with 413 and fails
 * the invocation, without being read whole; an event whose caller gave up is not handed out.
 */
class LocalRuntimeApiTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheRuntimeGivenItsAddressTakesInvocationsAndBodiesAreBounded() throws Exception {
        try (LocalRuntimeApi api = new LocalRuntimeApi()) {
            String address = api.address();
            String hostAndPort = address.substring(0, address.indexOf('/'));
            assertTrue(address.length() > hostAndPort.length() + 16, "a secret segment: " + address);

            CompletableFuture<byte[]> first = api.submit("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            assertEquals(404, send(HttpRequest.newBuilder(URI.create("http://" + hostAndPort
                    + "/2018-06-01/runtime/invocation/next"))).statusCode(), "without the secret: nothing");

            HttpResponse<String> next = send(HttpRequest.newBuilder(URI.create("http://" + address
                    + "/2018-06-01/runtime/invocation/next")));
            assertEquals(200, next.statusCode());
            assertEquals("{\"n\":1}", next.body());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

            byte[] huge = new byte[LocalRuntimeApi.MAX_BODY + 1];
            try {
                HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create("http://" + address
                        + "/2018-06-01/runtime/invocation/" + id + "/response"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
                assertEquals(413, refused.statusCode());
            } catch (java.io.IOException closed) {
                // The 413 went out and the connection closed while the client was still sending: refused all the same.
            }
            ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().startsWith("Response payload size exceeded"),
                    failed.getCause().getMessage());

            // An event whose caller gave up before the runtime took it is never handed out.
            api.submit("{\"abandoned\":true}".getBytes(StandardCharsets.UTF_8)).cancel(false);
            CompletableFuture<byte[]> second = api.submit("{\"n\":2}".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> secondEvent = send(HttpRequest.newBuilder(URI.create("http://" + address
                    + "/2018-06-01/runtime/invocation/next")));
            assertEquals("{\"n\":2}", secondEvent.body(), "the abandoned event was skipped");
            String id2 = secondEvent.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertEquals(202, send(HttpRequest.newBuilder(URI.create("http://" + address
                    + "/2018-06-01/runtime/invocation/" + id2 + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ok\":true}"))).statusCode());
            assertEquals("{\"ok\":true}", new String(second.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        }
    }
}
