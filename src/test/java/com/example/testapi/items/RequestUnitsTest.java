package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.example.testapi.caller.CallerIdentity;
import com.example.testapi.support.Moto;
import com.example.testapi.support.SerializedHttpClient;
import com.example.testapi.support.TemplateTable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The request units the store spends, counted on its own calls to DynamoDB (moto) by DynamoDB's rules
 * ({@link RequestUnits}), for every size a message may have: a POST is two single-item writes (the key record, then
 * the item), a replay two refused writes, and a GET on a day that holds a page one strongly consistent Query. Beside
 * each, what the earlier design (one TransactWriteItems of the item and a key record holding a copy of it, and the
 * index of days read before every first page) spent by the same rules. docs/storage-and-reliability.md's table of
 * request units is these figures.
 */
class RequestUnitsTest {

    private static final RequestUnits UNITS = new RequestUnits();
    private static final DynamoDbClient CLIENT = client();
    private static final Instant NOON = Instant.parse("2026-12-08T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
    /** An author as the function records a caller of a deployed stack (role, identity, user, account). */
    private static final CallerIdentity AUTHOR = new CallerIdentity("iam-test-api-TestApiFullAccess-1A2B3C4D5E6F",
            "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "123456789012");
    private static final String SHORT = "Hello from the app";
    private static final String LONGEST_ASCII = "a".repeat(1000);
    private static final String LONGEST_WIDE = "😀".repeat(1000); // 1,000 characters of 4 UTF-8 bytes

    private final ItemIds ids = new ItemIds(CLOCK);

    private static DynamoDbClient client() {
        Moto.endpoint();
        return DynamoDbClient.builder().httpClient(new SerializedHttpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(UNITS)).build();
    }

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private Item item(String message) {
        String id = ids.next();
        return new Item(id, message, ItemIds.createdAt(id), AUTHOR);
    }

    /** A store on a fresh table whose day's marker is written already (once per day per instance). */
    private DynamoDbItemStore store() {
        DynamoDbItemStore store = new DynamoDbItemStore(CLIENT, TemplateTable.create(CLIENT), CLOCK);
        store.save(item("the day's first"), Optional.empty());
        UNITS.clear();
        return store;
    }

    /** What one TransactWriteItems of the item and its key record (a copy of the item) cost: 2 units per KB each. */
    private static double transactionUnits(Item item) {
        Map<String, AttributeValue> copy = new HashMap<>(ItemRecords.item(item));
        copy.putAll(ItemRecords.key(ItemRecords.idempotencyPk("caller\nkey"), "-"));
        copy.put("itemId", AttributeValue.fromS(item.id()));
        copy.put(ItemRecords.EXPIRES_AT, AttributeValue.fromN(String.valueOf(NOON.getEpochSecond() + 86_400)));
        return 2 * (Math.ceil(RequestUnits.size(ItemRecords.item(item)) / 1024.0)
                + Math.ceil(RequestUnits.size(copy) / 1024.0));
    }

    /** One row of the page's table: the case, then before and now. */
    private static String row(String label, double before, double now) {
        return "| " + label + " | " + format(before) + " | " + format(now) + " |";
    }

    private static String format(double units) {
        return units == Math.rint(units) ? String.valueOf((long) units) : String.valueOf(units);
    }

    @Test
    void everyRequestCostsWhatThePageSays() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String[] message : new String[][] {{"POST, a short message", SHORT},
                {"POST, 1,000 ASCII characters", LONGEST_ASCII}, {"POST, 1,000 four-byte characters", LONGEST_WIDE}}) {
            DynamoDbItemStore store = store();
            Item item = item(message[1]);
            store.save(item, Optional.of("caller\nkey"));
            assertEquals(List.of("key", "item"), UNITS.calls.stream().map(RequestUnits.Call::kind).toList());
            rows.add(row(message[0] + " (write units)", transactionUnits(item), UNITS.writeUnits()));
            assertTrue(UNITS.writeUnits() * 2 <= transactionUnits(item), "at most half: " + rows);

            UNITS.clear();
            assertTrue(store.save(item(message[1]), Optional.of("caller\nkey")).replayed());
            assertEquals(List.of("PutItem (condition failed)", "PutItem (condition failed)"),
                    UNITS.calls.stream().map(RequestUnits.Call::operation).toList());
            // A cancelled transaction is charged as the one that runs.
            rows.add(row(message[0] + ", replayed (write units)", transactionUnits(item), UNITS.writeUnits()));
        }

        DynamoDbItemStore store = store();
        for (int i = 0; i < 25; i++) {
            store.save(item(SHORT + " " + i), Optional.of("key-" + i));
        }
        UNITS.clear();
        Page page = store.list(20, Optional.empty());
        assertEquals(20, page.items().size());
        assertEquals(1, UNITS.calls.size(), "one Query when today's partition holds a page");
        double dayQuery = UNITS.readUnits();
        // Before, the index of days was read first: one more strongly consistent Query, of one small record.
        rows.add(row("GET, a page of 20 on a day that holds one (read units)", 1 + dayQuery, dayQuery));

        String table = Files.readString(Path.of("docs", "storage-and-reliability.md"));
        List<String> missing = rows.stream().filter(r -> !table.contains(r)).toList();
        assertEquals(List.of(), missing, "docs/storage-and-reliability.md, \"Request units\", should have these rows");
    }
}
