package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;

/**
 * 16 concurrent clients send 2,000 POSTs through the local front door: 1,800 items, 200 of them carrying an
 * Idempotency-Key and sent twice at once (10% of the POSTs are retries racing their original). Afterwards every
 * acknowledged item is stored exactly once, nothing unacknowledged is stored, and paging through GET returns each item
 * exactly once. Subclasses choose the store.
 */
abstract class ConcurrentWritesContract {

    private static final int CLIENTS = 16;
    private static final int ITEMS = 1_800;
    private static final int RETRIED_EVERY = 9; // 200 of the 1,800 items are sent twice: 2,000 POSTs

    record Sent(String key, int status, String id) {
    }

    private SignedHttp.Signing writer;
    private SignedHttp.Signing reader;

    @Test
    void everyAcknowledgedItemIsStoredExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TestCloud cloud = TestCloud.start(Path.of("template.yaml"),
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")))) {
            writer = TestCloud.signing(cloud.credentials("alice"));
            reader = TestCloud.signing(cloud.credentials("bob"));
            URI base = cloud.api("/");
            List<Sent> sent = postAll(base, run);

            Map<String, String> acknowledged = new HashMap<>();
            Map<String, Integer> created = new HashMap<>();
            for (Sent s : sent) {
                assertTrue(s.status() == 201 || s.status() == 200, () -> "unexpected answer " + s);
                String first = acknowledged.putIfAbsent(s.key(), s.id());
                assertEquals(first == null ? s.id() : first, s.id(), "a retry returns the first item");
                created.merge(s.key(), s.status() == 201 ? 1 : 0, Integer::sum);
            }
            assertEquals(2_000, sent.size());
            assertEquals(ITEMS, acknowledged.size());
            created.forEach((key, count) -> assertEquals(1, count, "exactly one 201 for " + key));

            List<String> listed = listAll(base, run);
            assertEquals(listed.size(), new HashSet<>(listed).size(), "no item listed twice");
            assertEquals(new HashSet<>(acknowledged.values()), new HashSet<>(listed),
                    "listed exactly the acknowledged items");
        }
    }

    private List<Sent> postAll(URI base, String run) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Sent>> futures = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                String key = run + "-" + i;
                String body = "{\"message\":\"" + run + " #" + i + "\"}";
                boolean retried = i % RETRIED_EVERY == 0;
                futures.add(clients.submit(() -> post(base, key, body, retried)));
                if (retried) {
                    futures.add(clients.submit(() -> post(base, key, body, true))); // races the original
                }
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> future : futures) {
                sent.add(future.get(5, TimeUnit.MINUTES));
            }
            return sent;
        } finally {
            clients.shutdownNow();
        }
    }

    private Sent post(URI base, String key, String body, boolean withKey) {
        Map<String, String> headers = withKey ? Map.of("content-type", "application/json", "idempotency-key", key)
                : Map.of("content-type", "application/json");
        HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(writer,
                "POST", base.resolve("/test"), headers, body));
        JsonNode json = FrontDoor.json(response);
        return new Sent(key, response.statusCode(), json.path("id").asText(null));
    }

    /** Ids of this run's items, walking every page of GET /test as bob. */
    private List<String> listAll(URI base, String run) {
        List<String> ids = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        do {
            HttpResponse<String> page = SignedHttp.send(SignedHttp.sign(reader,
                    "GET", base.resolve("/test?limit=100" + (token == null ? "" : "&nextToken=" + token)), Map.of(), null));
            assertEquals(200, page.statusCode(), page::body);
            JsonNode json = FrontDoor.json(page);
            json.get("items").forEach(item -> {
                if (item.get("message").asText().startsWith(run)) {
                    ids.add(item.get("id").asText());
                }
            });
            token = json.get("nextToken").isNull() ? null : json.get("nextToken").asText();
            assertTrue(token == null || tokens.add(token), "paging must advance");
        } while (token != null);
        return ids;
    }
}
