package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.example.testapi.admin.CreateKeys.State;
import com.example.testapi.support.TemplateTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Creation keys, in DynamoDB (moto, a table made from template.yaml's definition) and in memory: claimed once, the
 * same request again is a replay, another request a conflict, a released key is free again, and the DynamoDB record
 * holds the request's fingerprint (no password) and expires a day later.
 */
class CreateKeysTest {

    private static final DynamoDbClient CLIENT = TemplateTable.client();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private static void claimsOnceReplaysAndReleases(CreateKeys keys) {
        String request = CreateKeys.fingerprint("carol", "FullAccess");
        CreateKeys.Claim first = keys.claim("ada\nk1", request);
        assertEquals(State.NEW, first.state());
        assertEquals(State.SAME_REQUEST, keys.claim("ada\nk1", request).state());
        assertEquals(State.OTHER_REQUEST, keys.claim("ada\nk1", CreateKeys.fingerprint("carol", "Admins")).state());
        assertEquals(State.NEW, keys.claim("eve\nk1", request).state(), "keys are the caller's");
        keys.release("ada\nk1", "not-the-owner");
        assertEquals(State.SAME_REQUEST, keys.claim("ada\nk1", request).state(), "only its owner gives a key back");
        keys.release("ada\nk1", first.owner());
        assertEquals(State.NEW, keys.claim("ada\nk1", CreateKeys.fingerprint("dave", "null")).state());
    }

    @Test
    void inDynamoDb() {
        String table = TemplateTable.create(CLIENT);
        claimsOnceReplaysAndReleases(new DynamoDbCreateKeys(CLIENT, table, Clock.fixed(NOW, ZoneOffset.UTC)));
        Map<String, AttributeValue> record = CLIENT.getItem(g -> g.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("ADMINKEY#" + CreateKeys.sha256("eve\nk1")), "sk", AttributeValue.fromS("-"))))
                .item();
        assertEquals(CreateKeys.fingerprint("carol", "FullAccess"), record.get("request").s());
        assertEquals(NOW.plus(DynamoDbCreateKeys.LIFETIME).getEpochSecond(),
                Long.parseLong(record.get("expiresAt").n()));
        assertFalse(record.toString().contains("carol"), "a fingerprint, not the name");
        assertEquals(NOW.toEpochMilli(), Long.parseLong(record.get("claimedAt").n()));
    }

    @Test
    void anExpiredKeyIsFreeBeforeTheTableDeletesIt() {
        String table = TemplateTable.create(CLIENT);
        String request = CreateKeys.fingerprint("carol", "null");
        new DynamoDbCreateKeys(CLIENT, table, Clock.fixed(NOW, ZoneOffset.UTC)).claim("ada\nk", request);
        CreateKeys later = new DynamoDbCreateKeys(CLIENT, table,
                Clock.fixed(NOW.plus(DynamoDbCreateKeys.LIFETIME).plusSeconds(1), ZoneOffset.UTC));
        assertEquals(State.NEW, later.claim("ada\nk", CreateKeys.fingerprint("dave", "null")).state());
    }

    @Test
    void inMemory() {
        claimsOnceReplaysAndReleases(new InMemoryCreateKeys(Clock.fixed(NOW, ZoneOffset.UTC)));
    }
}
