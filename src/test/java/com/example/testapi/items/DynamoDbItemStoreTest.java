package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.example.testapi.support.TemplateTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store contract against DynamoDB (moto), in a table made from template.yaml's definition. */
class DynamoDbItemStoreTest extends ItemStoreContract {

    private static final DynamoDbClient CLIENT = TemplateTable.client();
    private String table;

    @Override
    protected ItemStore newStore() {
        table = TemplateTable.create(CLIENT);
        return new DynamoDbItemStore(CLIENT, table);
    }

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void theIdempotencyRecordExpiresADayAfterTheItem() {
        Item first = item("keyed");
        store.save(first, Optional.of("caller\nkey"));

        Map<String, AttributeValue> record = CLIENT.getItem(g -> g.tableName(table)
                .key(ItemRecords.key(ItemRecords.idempotencyPk("caller\nkey"), "-"))).item();
        assertEquals(first.id(), record.get("itemId").s());
        assertEquals(first.createdAt().plus(DynamoDbItemStore.KEY_LIFETIME).getEpochSecond(),
                Long.parseLong(record.get(ItemRecords.EXPIRES_AT).n()));
    }

    @Test
    void itemsLiveInTheirDaysPartition() {
        Item saved = item("where");
        store.save(saved, Optional.empty());

        Map<String, AttributeValue> record = CLIENT.getItem(g -> g.tableName(table)
                .key(ItemRecords.key("ITEMS#" + ItemRecords.day(saved.createdAt()), saved.id()))).item();
        assertEquals("where", record.get("message").s());
        assertTrue(CLIENT.getItem(g -> g.tableName(table)
                .key(ItemRecords.key("BUCKETS", ItemRecords.day(saved.createdAt())))).hasItem());
    }

    /** A key past its 24 h is free again, though DynamoDB's TTL has not removed its record yet. */
    @Test
    void aKeyPastItsLifetimeIsANewRequest() {
        String name = TemplateTable.create(CLIENT);
        Instant then = Instant.parse("2026-12-01T10:00:00Z");
        Clock first = Clock.fixed(then, ZoneOffset.UTC);
        Clock later = Clock.fixed(then.plus(DynamoDbItemStore.KEY_LIFETIME).plusSeconds(60), ZoneOffset.UTC);
        Item old = new Item(new ItemIds(first).next(), "a", then, AUTHOR);
        new DynamoDbItemStore(CLIENT, name, first).save(old, Optional.of("k"));
        String id = new ItemIds(later).next();
        SaveResult again = new DynamoDbItemStore(CLIENT, name, later).save(new Item(id, "b",
                ItemIds.createdAt(id), AUTHOR), Optional.of("k"));
        assertFalse(again.replayed());
        assertEquals(id, again.item().id(), "the new item, not the expired key's");
    }

    /** A first page that today fills only in part goes on to the older days the index names, newest first. */
    @Test
    void aFirstPageRunsFromTodayIntoOlderDays() {
        String name = TemplateTable.create(CLIENT);
        Instant now = Instant.parse("2026-12-08T12:00:00Z");
        DynamoDbItemStore today = new DynamoDbItemStore(CLIENT, name, Clock.fixed(now, ZoneOffset.UTC));
        List<String> newestFirst = new ArrayList<>();
        for (int daysAgo : new int[] {3, 1, 1, 0, 0}) {
            String id = new ItemIds(Clock.fixed(now.minus(Duration.ofDays(daysAgo)).plusSeconds(newestFirst.size()),
                    ZoneOffset.UTC)).next();
            today.save(new Item(id, "d" + daysAgo, ItemIds.createdAt(id), AUTHOR), Optional.empty());
            newestFirst.add(0, id);
        }
        Page first = today.list(4, Optional.empty());
        assertEquals(newestFirst.subList(0, 4), first.items().stream().map(Item::id).toList());
        assertEquals(newestFirst.subList(4, 5), today.list(4, first.lastId()).items().stream().map(Item::id)
                .toList());
    }
}
