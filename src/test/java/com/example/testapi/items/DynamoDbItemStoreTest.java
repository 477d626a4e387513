package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
