package com.example.testapi.items;

import static com.example.testapi.items.ItemRecords.PK;
import static com.example.testapi.items.ItemRecords.SK;

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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Items in DynamoDB (layout in {@link ItemRecords}). Writes are conditional, so an idempotency key holds across
 * concurrent requests and function instances; a replay is answered from the key record the failed condition returns,
 * so the POST function needs no read permission. Reads are strongly consistent.
 */
public class DynamoDbItemStore implements ItemStore {

    /** How long an idempotency key is remembered (DynamoDB's TTL removes it some time after). */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final String NOT_STORED = "attribute_not_exists(" + PK + ")";
    private static final int TRANSACTION_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String table;
    private final Set<String> markedDays = ConcurrentHashMap.newKeySet();
    private final ConflictBackoff backoff;

    public DynamoDbItemStore(DynamoDbClient client, String table) {
        this(client, table, ConflictBackoff.standard());
    }

    DynamoDbItemStore(DynamoDbClient client, String table, ConflictBackoff backoff) {
        this.client = client;
        this.table = table;
        this.backoff = backoff;
    }

    @Override
    public SaveResult save(Item item, Optional<String> idempotencyKey) {
        markBucket(ItemRecords.day(item.createdAt()));
        Put itemPut = put(ItemRecords.item(item));
        if (idempotencyKey.isEmpty()) {
            call(() -> client.putItem(r -> r.tableName(table).item(itemPut.item()).conditionExpression(NOT_STORED)));
            return new SaveResult(item, false);
        }
        Put keyPut = put(ItemRecords.idempotencyKey(idempotencyKey.get(), item, item.createdAt().plus(KEY_LIFETIME)))
                .toBuilder().returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        List<TransactWriteItem> writes = List.of(TransactWriteItem.builder().put(itemPut).build(),
                TransactWriteItem.builder().put(keyPut).build());
        for (int attempt = 1;; attempt++) {
            try {
                call(() -> client.transactWriteItems(r -> r.transactItems(writes)));
                return new SaveResult(item, false);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                CancellationReason onKey = reasons.size() == 2 ? reasons.get(1) : null;
                if (onKey != null && "ConditionalCheckFailed".equals(onKey.code()) && onKey.hasItem()) {
                    Item first = ItemRecords.item(onKey.item());
                    if (!first.message().equals(item.message())) {
                        throw new IdempotencyConflictException();
                    }
                    return new SaveResult(first, true);
                }
                // Another request holds the key this instant: try again, and find its outcome through the condition.
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt == TRANSACTION_ATTEMPTS) {
                    throw new StoreUnavailableException("The item could not be stored now; retry with the same "
                            + "Idempotency-Key.", 1, e);
                }
                backoff.pauseAfter(attempt);
            }
        }
    }

    @Override
    public Page list(int limit, Optional<String> afterId) {
        List<Item> found = new ArrayList<>(limit + 1);
        Optional<String> day = afterId.map(id -> ItemRecords.day(ItemIds.createdAt(id))).or(() -> previousDay(null));
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

    private Put put(Map<String, AttributeValue> record) {
        return Put.builder().tableName(table).item(record).conditionExpression(NOT_STORED).build();
    }

    /**
     * Throttling, a server error that outlived the SDK's retries, and an unreachable store become a retryable 503:
     * the outcome of a write is unknown in each, so the caller retries with its Idempotency-Key. Everything else
     * (a missing table, a bad request) stays a failure of ours.
     */
    public static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (TransactionCanceledException e) {
            throw e;
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
