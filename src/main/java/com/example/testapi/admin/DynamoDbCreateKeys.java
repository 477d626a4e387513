package com.example.testapi.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.example.testapi.items.StoreUnavailableException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Creation keys in the items table, beside the items: {@code pk = ADMINKEY#sha256(key)}, {@code sk = -}, the
 * request's fingerprint, and {@code expiresAt} for the table's TTL (a day, as POST /test's keys). One conditional
 * PutItem claims a key; a failed condition returns the old record, so no read permission is needed.
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
        Map<String, AttributeValue> record = Map.of("pk", s(pk(scopedKey)), "sk", s("-"), "request", s(request),
                "expiresAt", AttributeValue.fromN(String.valueOf(clock.instant().plus(LIFETIME).getEpochSecond())));
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(record)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(
                            String.valueOf(clock.instant().getEpochSecond()))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.NEW;
        } catch (ConditionalCheckFailedException e) {
            AttributeValue old = e.item() == null ? null : e.item().get("request");
            return old != null && request.equals(old.s()) ? Claim.SAME_REQUEST : Claim.OTHER_REQUEST;
        } catch (SdkException e) {
            throw new StoreUnavailableException("The Idempotency-Key could not be recorded now; retry shortly.", 1, e);
        }
    }

    @Override
    public void release(String scopedKey) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of("pk", s(pk(scopedKey)), "sk", s("-"))));
        } catch (SdkException e) {
            // Left to its TTL: a retry with this key then answers a replay for a user that may not exist, which
            // AdminResource tells apart (it creates them).
        }
    }

    private static String pk(String scopedKey) {
        return "ADMINKEY#" + CreateKeys.sha256(scopedKey);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
