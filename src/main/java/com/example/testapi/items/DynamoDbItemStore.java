package com.example.testapi.items;

import static com.example.testapi.items.ItemRecords.PK;
import static com.example.testapi.items.ItemRecords.SK;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Items in DynamoDB (layout in {@link ItemRecords}). Writes are conditional, so an idempotency key holds across
 * concurrent requests and function instances: the key record first, then the item, two single-item writes of one
 * write unit each for a message under 1 KB (a two-item transaction costs twice the units of its writes). A request
 * that stops between them is completed by its retry, which finds the key record (returned by the failed condition,
 * so the POST function needs no read permission) and writes the item the record stands for; the item's own condition
 * makes that write happen once whoever gets there first. The listing reads today's partition first and the index of
 * days only when today does not fill the page, so a busy day's GET is one call. Reads are strongly consistent: the
 * app shows an item right after its 201, which an eventually consistent read may miss.
 */
public class DynamoDbItemStore implements ItemStore {

    /** How long an idempotency key is remembered (DynamoDB's TTL removes it some time after). */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final String NOT_STORED = "attribute_not_exists(" + PK + ")";
    private static final String KEY_FREE = NOT_STORED + " OR #expires < :now";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final Set<String> markedDays = ConcurrentHashMap.newKeySet();

    public DynamoDbItemStore(DynamoDbClient client, String table) {
        this(client, table, Clock.systemUTC());
    }

    public DynamoDbItemStore(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public SaveResult save(Item item, Optional<String> idempotencyKey) {
        markBucket(ItemRecords.day(item.createdAt()));
        if (idempotencyKey.isEmpty()) {
            try {
                call(() -> client.putItem(r -> r.tableName(table).item(ItemRecords.item(item))
                        .conditionExpression(NOT_STORED)));
            } catch (ConditionalCheckFailedException ownEarlierAttempt) {
                // A fresh id meets only itself: the SDK retried a write DynamoDB had made (a timeout, a 500).
            }
            return new SaveResult(item, false);
        }
        Item stored = item;
        boolean replayed = false;
        try {
            Map<String, AttributeValue> key = ItemRecords.idempotencyKey(idempotencyKey.get(), item,
                    item.createdAt().plus(KEY_LIFETIME));
            // A key past its 24 h is free again, though DynamoDB's TTL removes its record only some time later.
            call(() -> client.putItem(r -> r.tableName(table).item(key).conditionExpression(KEY_FREE)
                    .expressionAttributeNames(Map.of("#expires", ItemRecords.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(String.valueOf(
                            clock.instant().getEpochSecond()))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        } catch (ConditionalCheckFailedException used) {
            Map<String, AttributeValue> first = used.hasItem() ? used.item() : Map.of();
            if (first.isEmpty()) {
                throw new StoreUnavailableException("The key's record could not be read back; retry with the same "
                        + "Idempotency-Key.", 1, used);
            }
            if (!ItemRecords.sameMessage(first, item.message())) {
                throw new IdempotencyConflictException();
            }
            stored = ItemRecords.keyedItem(first, item.message());
            // Our own record, met by the SDK's retry of a write DynamoDB had made: a first write, not a replay.
            replayed = !stored.id().equals(item.id());
        }
        Map<String, AttributeValue> record = ItemRecords.item(stored);
        try {
            call(() -> client.putItem(r -> r.tableName(table).item(record).conditionExpression(NOT_STORED)));
        } catch (ConditionalCheckFailedException alreadyThere) {
            // Written by the first request or a concurrent retry of it: the same item, from the same key record.
        }
        return new SaveResult(stored, replayed);
    }

    @Override
    public Page list(int limit, Optional<String> afterId) {
        List<Item> found = new ArrayList<>(limit + 1);
        // A first page starts at today's partition without asking the index: on a day with a page of items, one call.
        Optional<String> day = Optional.of(afterId.map(id -> ItemRecords.day(ItemIds.createdAt(id)))
                .orElseGet(() -> ItemRecords.day(clock.instant())));
        Optional<String> exclusive = afterId;
        // One item more than asked shows whether another page exists, so the last page carries no token.
        while (found.size() <= limit && day.isPresent()) {
            found.addAll(itemsOfDay(day.get(), exclusive, limit + 1 - found.size()));
            exclusive = Optional.empty();
            day = found.size() <= limit ? previousDay(day.get()) : Optional.empty();
        }
        if (found.size() > limit) {
            List<Item> page = List.copyOf(found.subList(0, limit));
            return new Page(page, Optional.of(page.get(limit - 1).id()));
        }
        return new Page(found, Optional.empty());
    }

    private List<Item> itemsOfDay(String day, Optional<String> beforeId, int wanted) {
        List<Item> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = call(() -> client.query(q -> q.tableName(table).consistentRead(true)
                    .scanIndexForward(false).limit(wanted - items.size()).exclusiveStartKey(from)
                    .keyConditionExpression(PK + " = :pk" + (beforeId.isPresent() ? " AND " + SK + " < :before" : ""))
                    .expressionAttributeValues(beforeId.isPresent()
                            ? Map.of(":pk", AttributeValue.fromS(ItemRecords.bucket(day)), ":before",
                                    AttributeValue.fromS(beforeId.get()))
                            : Map.of(":pk", AttributeValue.fromS(ItemRecords.bucket(day))))));
            page.items().forEach(record -> items.add(ItemRecords.item(record)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < wanted);
        return items;
    }

    /** The newest day before {@code day} (or the newest of all) that holds items. */
    private Optional<String> previousDay(String day) {
        QueryResponse response = call(() -> client.query(q -> q.tableName(table).consistentRead(true)
                .scanIndexForward(false).limit(1)
                .keyConditionExpression(PK + " = :pk" + (day == null ? "" : " AND " + SK + " < :day"))
                .expressionAttributeValues(day == null ? Map.of(":pk", AttributeValue.fromS(ItemRecords.BUCKETS))
                        : Map.of(":pk", AttributeValue.fromS(ItemRecords.BUCKETS), ":day", AttributeValue.fromS(day)))));
        return response.items().stream().findFirst().map(record -> record.get(SK).s());
    }

    /** Written before the item, so a listing never misses a day that holds one; once per day per instance. */
    private void markBucket(String day) {
        if (!markedDays.contains(day)) {
            call(() -> client.putItem(r -> r.tableName(table).item(ItemRecords.bucketMarker(day))));
            markedDays.add(day);
        }
    }

    /**
     * Throttling, a server error that outlived the SDK's retries, and an unreachable store become a retryable 503:
     * the outcome of a write is unknown in each, so the caller retries with its Idempotency-Key. Everything else
     * (a missing table, a bad request) stays a failure of ours.
     */
    public static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (TransactionConflictException e) {
            // A transaction of an earlier version, still running beside this one while an alias switches.
            throw new StoreUnavailableException("The store is busy with the same key; retry shortly.", 1, e);
        } catch (DynamoDbException e) {
            if (e.isThrottlingException()) {
                throw new StoreUnavailableException("The store is busy; retry shortly.", 1, e);
            }
            if (e.statusCode() >= 500) {
                throw new StoreUnavailableException("The store failed to answer; retry shortly.", 2, e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("The store did not answer in time; retry shortly.", 2, e);
        }
    }
}
