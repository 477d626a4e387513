package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;



/**
 * A write with an Idempotency-Key against a fake DynamoDB that accepts the day marker and answers the
 * TransactWriteItems as DynamoDB does when it throttles, fails, or cancels the transaction for each reason that can
 * happen here. Each ends as the store's meaning: retryable unavailability (503 with its Retry-After), a replay, or a
 * conflict; a cancelled transaction writes nothing, so no partial item can exist.
 */
class DynamoDbTransactionFailuresTest {

    private static final String PREFIX = "DynamoDB_20120810.";
    private FakeDynamoDb fake;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    /** A reply to one operation: status and JSON body. */
    private record Reply(int status, String body) {
    }

    private DynamoDbItemStore storeWhoseTransactionsAnswer(Function<Integer, Reply> transaction) throws IOException {
        fake = new FakeDynamoDb(exchange -> {
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target").substring(PREFIX.length());
            int n = calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            Reply reply = operation.equals("TransactWriteItems") ? transaction.apply(n) : new Reply(200, "{}");
            FakeDynamoDb.reply(exchange, reply.status(), reply.body());
        });
        return fake.store();
    }

    private static Reply error(int status, String type) {
        return new Reply(status, FakeDynamoDb.error(type));
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
        fake.close();
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

    /** Retries after a conflict wait a random time below a bound that doubles (full jitter), so colliders spread out. */
    @Test
    void conflictsAreRetriedAfterJitteredExponentialPauses() throws IOException {
        storeWhoseTransactionsAnswer(n -> n <= 2 ? cancelled("None", "TransactionConflict") : new Reply(200, "{}"));
        List<Long> bounds = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        DynamoDbItemStore store = fake.store(new ConflictBackoff(bound -> {
            bounds.add(bound);
            return bound / 2; // a "random" value: the store must sleep exactly what the jitter picked
        }, pauses::add));

        assertFalse(store.save(item("m"), Optional.of("key")).replayed());
        assertEquals(3, transactions(), "two conflicts, then stored");
        assertEquals(List.of(20L, 40L), bounds, "the bound doubles per conflict");
        assertEquals(List.of(10L, 20L), pauses);
        assertEquals(200L, ConflictBackoff.bound(10), "and stops at the cap");
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
