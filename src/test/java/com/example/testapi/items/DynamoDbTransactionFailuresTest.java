package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A write with an Idempotency-Key against a fake DynamoDB that accepts the day marker and answers the
 * TransactWriteItems as DynamoDB does when it throttles, fails, or cancels the transaction for each reason that can
 * happen here. Each ends as the store's meaning: retryable unavailability (503 with its Retry-After), a replay, or a
 * conflict; a cancelled transaction writes nothing, so no partial item can exist.
 */
class DynamoDbTransactionFailuresTest {

    private static final String PREFIX = "DynamoDB_20120810.";
    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    /** A reply to one operation: status and JSON body. */
    private record Reply(int status, String body) {
    }

    private DynamoDbItemStore storeWhoseTransactionsAnswer(Function<Integer, Reply> transaction) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target").substring(PREFIX.length());
            int n = calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            reply(exchange, operation.equals("TransactWriteItems") ? transaction.apply(n) : new Reply(200, "{}"));
        });
        server.start();
        DynamoDbClient client = ItemsConfiguration.withLambdaLimits(DynamoDbClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
        return new DynamoDbItemStore(client, "items");
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Reply error(int status, String type) {
        return new Reply(status, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"fake\"}");
    }

    /** TransactionCanceledException with one reason per write: the item, then the idempotency key. */
    private static Reply cancelled(String onItem, String onKey) {
        return new Reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons ["
                + onItem + ", " + onKey + "]\",\"CancellationReasons\":[{\"Code\":\"" + onItem + "\"},{\"Code\":\""
                + onKey + "\"" + (onKey.equals("ConditionalCheckFailed") ? ",\"Item\":" + STORED : "") + "}]}");
    }

    /** The first write's copy, as the key record holds it (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
    private static final String STORED = "{\"pk\":{\"S\":\"KEY#x\"},\"sk\":{\"S\":\"-\"},"
            + "\"itemId\":{\"S\":\"01931ab2-0000-7000-8000-000000000000\"},\"message\":{\"S\":\"first\"},"
            + "\"createdAt\":{\"S\":\"2026-11-26T06:00:00Z\"},\"role\":{\"S\":\"role\"}}";

    private Item item(String message) {
        String id = ids.next();
        return new Item(id, message, ItemIds.createdAt(id), ItemStoreContract.AUTHOR);
    }

    private int transactions() {
        return calls.getOrDefault("TransactWriteItems", new AtomicInteger()).get();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aThrottledTransactionIsRetriedThenRetryable() throws IOException {
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> error(400, "ThrottlingException"));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
        assertEquals(3, transactions(), "the SDK's retries reached the transaction itself");
        assertEquals(1, calls.get("PutItem").get(), "the day marker was written first, once");
    }

    @Test
    void aTransactionServerErrorIsRetryableWithTheLongerWait() throws IOException {
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> error(500, "InternalServerError"));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key")));
        assertEquals(2, e.retryAfterSeconds());
    }

    @Test
    void aConflictWithAConcurrentTransactionIsRetriedAndThenFindsTheWinner() throws IOException {
        // The first try collides with the request holding the key; the retry finds that request's item.
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> n == 1 ? cancelled("None", "TransactionConflict")
                : cancelled("None", "ConditionalCheckFailed"));
        SaveResult saved = store.save(item("first"), Optional.of("key"));
        assertTrue(saved.replayed());
        assertEquals("01931ab2-0000-7000-8000-000000000000", saved.item().id());
        assertEquals(2, transactions());
    }

    @Test
    void conflictsThatDoNotEndAreRetryableUnavailability() throws IOException {
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> cancelled("None", "TransactionConflict"));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
        assertEquals(3, transactions(), "the store's own attempts");
    }

    @Test
    void aThrottledWriteInsideTheTransactionIsRetryable() throws IOException {
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> cancelled("ThrottlingError", "None"));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
    }

    @Test
    void theKeyAlreadyUsedForTheSameMessageIsAReplayAndForAnotherAConflict() throws IOException {
        DynamoDbItemStore store = storeWhoseTransactionsAnswer(n -> cancelled("None", "ConditionalCheckFailed"));
        SaveResult replay = store.save(item("first"), Optional.of("key"));
        assertTrue(replay.replayed());
        assertEquals("first", replay.item().message());
        assertThrows(IdempotencyConflictException.class, () -> store.save(item("second"), Optional.of("key")));
    }
}
