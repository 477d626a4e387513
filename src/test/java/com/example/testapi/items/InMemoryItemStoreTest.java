package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.Answers;

class InMemoryItemStoreTest {

    private final ItemStore store = new InMemoryItemStore();
    private final ItemIds ids = new ItemIds(Clock.systemUTC());
    private static final Author AUTHOR = new Author("role", "identity", "sub", "111122223333");

    private Item item(String message) {
        String id = ids.next();
        return new Item(id, message, ItemIds.createdAt(id), AUTHOR);
    }

    @Test
    void listsNewestFirstInPages() {
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saved.add(store.save(item("m" + i), Optional.empty()).item().id());
        }
        Page first = store.list(2, Optional.empty());
        Page second = store.list(2, first.lastId());
        Page third = store.list(2, second.lastId());

        assertEquals(List.of(saved.get(4), saved.get(3)), first.items().stream().map(Item::id).toList());
        assertEquals(List.of(saved.get(2), saved.get(1)), second.items().stream().map(Item::id).toList());
        assertEquals(List.of(saved.get(0)), third.items().stream().map(Item::id).toList());
        assertTrue(third.lastId().isEmpty());
    }

    @Test
    void aPageThatHoldsTheRestEndsTheListing() {
        store.save(item("a"), Optional.empty());
        store.save(item("b"), Optional.empty());
        Page page = store.list(2, Optional.empty());
        assertEquals(2, page.items().size());
        assertTrue(page.lastId().isEmpty(), "no token that leads to an empty page");
    }

    @Test
    void idsFollowTheClockAndCarryTheCreationTime() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        ItemIds fixed = new ItemIds(Clock.fixed(at, ZoneOffset.UTC));
        String a = fixed.next();
        String b = fixed.next();
        assertEquals(at, ItemIds.createdAt(a));
        assertTrue(b.compareTo(a) > 0, "monotonic within one millisecond");
        assertTrue(ItemIds.isValid(a));
        assertFalse(ItemIds.isValid(a.toUpperCase()));
        assertFalse(ItemIds.isValid("0193f1a2-0000-4000-8000-000000000000"));
    }

    @Test
    void aRepeatedKeyReturnsTheFirstItemAndAnotherMessageConflicts() {
        Item first = item("once");
        assertFalse(store.save(first, Optional.of("k")).replayed());
        SaveResult again = store.save(item("once"), Optional.of("k"));
        assertTrue(again.replayed());
        assertEquals(first, again.item());
        assertThrows(IdempotencyConflictException.class, () -> store.save(item("other"), Optional.of("k")));
        assertEquals(1, Answers.allItems(store).size());
    }

    /** 16 threads race the same 50 keys: each key stores exactly one item, and every racer sees that item. */
    @Test
    void concurrentRetriesStoreEachKeyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<SaveResult>> results = new ArrayList<>();
            for (int round = 0; round < 16; round++) {
                for (int key = 0; key < 50; key++) {
                    String k = "key-" + key;
                    results.add(pool.submit(() -> store.save(item("message " + k), Optional.of(k))));
                }
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<SaveResult> result : results) {
                SaveResult saved = result.get(30, TimeUnit.SECONDS);
                ids.add(saved.item().id());
                created += saved.replayed() ? 0 : 1;
            }
            assertEquals(50, created);
            assertEquals(50, ids.size());
            assertEquals(50, Answers.allItems(store).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
