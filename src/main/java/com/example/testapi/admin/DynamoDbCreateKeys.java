package com.example.testapi.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.example.testapi.items.DynamoDbItemStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Creation keys in the items table, beside the items: {@code pk = ADMINKEY#sha256(key)}, {@code sk = -}, the
 * request's fingerprint, the claim's owner token and time, and {@code expiresAt} for the table's TTL (a day, as POST
 * /test's keys). One conditional PutItem claims a key; a failed condition returns the old record, so no read is
 * needed. Throttling and an unreachable table are a 503 to retry, as for the items; anything else stays our failure.
 */
final class DynamoDbCreateKeys implements CreateKeys {

    static final Duration LIFETIME = Duration.ofDays(1);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    DynamoDbCreateKeys(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String scopedKey, String request) {
        Instant now = clock.instant();
        String owner = UUID.randomUUID().toString();
        Map<String, AttributeValue> record = Map.of("pk", s(pk(scopedKey)), "sk", s("-"), "request", s(request),
                "owner", s(owner), "claimedAt", n(now.toEpochMilli()),
                "expiresAt", n(now.plus(LIFETIME).getEpochSecond()));
        try {
            DynamoDbItemStore.call(() -> dynamoDb.putItem(r -> r.tableName(table).item(record)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new Claim(State.NEW, owner, Duration.ZERO);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item() == null ? Map.of() : e.item();
            if (old.get("request") == null || !request.equals(old.get("request").s())) {
                return new Claim(State.OTHER_REQUEST, null, null);
            }
            long claimedAt = old.get("claimedAt") == null ? 0 : Long.parseLong(old.get("claimedAt").n());
            return new Claim(State.SAME_REQUEST, null, Duration.ofMillis(Math.max(0, now.toEpochMilli() - claimedAt)));
        }
    }

    @Override
    public void release(String scopedKey, String owner) {
        try {
            DynamoDbItemStore.call(() -> dynamoDb.deleteItem(r -> r.tableName(table)
                    .key(Map.of("pk", s(pk(scopedKey)), "sk", s("-")))
                    .conditionExpression("#owner = :mine").expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":mine", s(owner)))));
        } catch (RuntimeException e) {
            // Another claim holds it now, or the table did not answer: the key stays until its TTL, and a retry is
            // answered as a replay of a creation that did not happen, which AdminResource tells apart.
        }
    }

    private static String pk(String scopedKey) {
        return "ADMINKEY#" + CreateKeys.sha256(scopedKey);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(String.valueOf(value));
    }
}
