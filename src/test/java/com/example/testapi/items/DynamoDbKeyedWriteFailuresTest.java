package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A write with an Idempotency-Key against a fake DynamoDB that answers each PutItem as DynamoDB does when it
 * throttles, fails, or finds the key or the item already written: the key record goes first, then the item; each
 * outcome is the store's meaning (503 with its Retry-After, a replay, a conflict), and a request that stopped between
 * the two writes is completed by its retry, which writes the item the key record stands for.
 */
class DynamoDbKeyedWriteFailuresTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "DynamoDB_20120810.";
    private FakeDynamoDb fake;
    /** "KEY" or "ITEM" or "DAY" for each PutItem, in order. */
    private final List<String> puts = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> itemsWritten = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> keysWritten = Collections.synchronizedList(new ArrayList<>());
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    /** A reply to one operation: status and JSON body. */
    private record Reply(int status, String body) {
    }

    private static final Reply OK = new Reply(200, "{}");

    /** The fake answers the n-th write of each kind (1-based) as {@code answer} says. */
    private DynamoDbItemStore store(BiFunction<String, Integer, Reply> answer) throws IOException {
        fake = new FakeDynamoDb(exchange -> {
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target").substring(PREFIX.length());
            JsonNode body = MAPPER.readTree(new String((byte[]) exchange.getAttribute(FakeDynamoDb.BODY),
                    StandardCharsets.UTF_8));
            Reply reply = OK;
            if (operation.equals("PutItem")) {
                String pk = body.at("/Item/pk/S").asText();
                String kind = pk.startsWith("KEY#") ? "KEY" : pk.equals("BUCKETS") ? "DAY" : "ITEM";
                puts.add(kind);
                if (kind.equals("ITEM")) {
                    itemsWritten.add(body.get("Item"));
                } else if (kind.equals("KEY")) {
                    keysWritten.add(body.get("Item"));
                }
                reply = answer.apply(kind, (int) puts.stream().filter(kind::equals).count());
            }
            FakeDynamoDb.reply(exchange, reply.status(), reply.body());
        });
        return fake.store();
    }

    private static Reply error(int status, String type) {
        return new Reply(status, FakeDynamoDb.error(type));
    }

    /** ConditionalCheckFailedException with the record already there (ReturnValuesOnConditionCheckFailure). */
    private static Reply alreadyThere(String record) {
        return new Reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                + "\"message\":\"The conditional request failed\"" + (record == null ? "" : ",\"Item\":" + record)
                + "}");
    }

    /** The key record of a first request for "first" (its SHA-256), as DynamoDB hands it back. */
    private static final String FIRST_KEY = "{\"pk\":{\"S\":\"KEY#x\"},\"sk\":{\"S\":\"-\"},"
            + "\"itemId\":{\"S\":\"01931ab2-0000-7000-8000-000000000000\"},"
            + "\"messageSha256\":{\"S\":\"a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e\"},"
            + "\"createdAt\":{\"S\":\"2026-11-26T06:00:00Z\"},\"role\":{\"S\":\"first-role\"},"
            + "\"identityId\":{\"S\":\"us-east-1:first\"},\"userSub\":{\"S\":\"first-sub\"},"
            + "\"accountId\":{\"S\":\"999988887777\"}}";

    private Item item(String message) {
        String id = ids.next();
        return new Item(id, message, ItemIds.createdAt(id), ItemStoreContract.AUTHOR);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theKeyRecordGoesFirstThenTheItem() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> OK);
        assertFalse(store.save(item("m"), Optional.of("key")).replayed());
        assertEquals(List.of("DAY", "KEY", "ITEM"), puts, "the day's marker, the key record, then the item");
    }

    @Test
    void aThrottledKeyRecordIsRetryableAndWritesNoItem() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") ? error(400, "ThrottlingException") : OK);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key")));
        assertEquals(1, e.retryAfterSeconds());
        assertFalse(puts.contains("ITEM"), "no item without its key record");
    }

    @Test
    void anItemThatFailsAfterItsKeyIsWrittenByTheRetry() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("ITEM") && n <= 3 ? error(500, "InternalServerError")
                : kind.equals("KEY") && n == 2 ? alreadyThere(FIRST_KEY) : OK);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.save(item("first"), Optional.of("key")));
        assertEquals(2, e.retryAfterSeconds());
        assertEquals(List.of("DAY", "KEY", "ITEM", "ITEM", "ITEM"), puts, "the SDK's three attempts at the item");

        SaveResult retried = store.save(item("first"), Optional.of("key"));
        assertTrue(retried.replayed());
        assertEquals("01931ab2-0000-7000-8000-000000000000", retried.item().id(), "the item the key stands for");
        JsonNode written = itemsWritten.get(itemsWritten.size() - 1);
        assertEquals("01931ab2-0000-7000-8000-000000000000", written.at("/sk/S").asText());
        assertEquals("first", written.at("/message/S").asText());
        assertEquals("ITEMS#2026-11-26", written.at("/pk/S").asText());
    }

    @Test
    void anItemAlreadyWrittenByTheFirstRequestIsAReplayNotAFailure() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") ? alreadyThere(FIRST_KEY)
                : kind.equals("ITEM") ? alreadyThere(null) : OK);
        SaveResult replay = store.save(item("first"), Optional.of("key"));
        assertTrue(replay.replayed());
        assertEquals("first", replay.item().message());
        // The first request's author and time, every field of them, not the replaying request's (ItemStoreContract's).
        assertEquals(new com.example.testapi.caller.CallerIdentity("first-role", "us-east-1:first", "first-sub",
                "999988887777"), replay.item().createdBy());
        assertEquals(java.time.Instant.parse("2026-11-26T06:00:00Z"), replay.item().createdAt());
        assertThrows(IdempotencyConflictException.class, () -> store.save(item("second"), Optional.of("key")));
    }

    @Test
    void aKeyRecordOfTheEarlierLayoutStillTellsTheSameMessage() throws IOException {
        String copy = FIRST_KEY.replaceFirst("\"messageSha256\":\\{\"S\":\"[0-9a-f]+\"}", "\"message\":{\"S\":\"first\"}");
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") ? alreadyThere(copy) : OK);
        assertTrue(store.save(item("first"), Optional.of("key")).replayed());
        assertThrows(IdempotencyConflictException.class, () -> store.save(item("other"), Optional.of("key")));
    }

    @Test
    void aConditionThatFailsWithoutTheRecordIsRetryable() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") ? alreadyThere(null) : OK);
        assertEquals(1, assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key"))).retryAfterSeconds());
    }

    /**
     * The SDK retries a write DynamoDB made but did not confirm in time (a timeout, a 500): the retry's condition
     * fails on the record the first attempt wrote. That is this request's own record, so a first write (201), not a
     * replay.
     */
    @Test
    void theSdksRetryOfItsOwnKeyRecordIsAFirstWrite() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") && n == 1 ? error(500, "InternalServerError")
                : kind.equals("KEY") ? alreadyThere(keysWritten.get(0).toString()) : OK);
        Item item = item("m");
        SaveResult saved = store.save(item, Optional.of("key"));
        assertFalse(saved.replayed(), "its own record");
        assertEquals(item.id(), saved.item().id());
        assertEquals(List.of("DAY", "KEY", "KEY", "ITEM"), puts);
    }

    @Test
    void aWriteWithoutAKeyThatTheSdkRetriedIsStoredNotAFailure() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("ITEM") && n == 1 ? error(500, "InternalServerError")
                : kind.equals("ITEM") ? alreadyThere(null) : OK);
        Item item = item("m");
        assertEquals(item, store.save(item, Optional.empty()).item());
    }

    /** An earlier version's transaction on the same key, while an alias switches: busy, not our failure. */
    @Test
    void aTransactionOfAnEarlierVersionIsRetryable() throws IOException {
        DynamoDbItemStore store = store((kind, n) -> kind.equals("KEY") ? error(400, "TransactionConflictException")
                : OK);
        assertEquals(1, assertThrows(StoreUnavailableException.class,
                () -> store.save(item("m"), Optional.of("key"))).retryAfterSeconds());
    }
}
