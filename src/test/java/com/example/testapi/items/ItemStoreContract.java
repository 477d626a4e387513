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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.testapi.caller.CallerIdentity;
import com.example.testapi.support.Answers;

/** What every {@link ItemStore} must do, written once; each implementation runs it with a fresh store. */
abstract class ItemStoreContract {

    static final CallerIdentity AUTHOR = new CallerIdentity("role", "identity", "sub", "111122223333");

    protected ItemStore store;
    private final ItemIds ids = new ItemIds(Clock.systemUTC());

    protected abstract ItemStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    Item item(String message) {
        return item(ids, message);
    }

    static Item item(ItemIds from, String message) {
        String id = from.next();
        return new Item(id, message, ItemIds.createdAt(id), AUTHOR);
    }

    static List<String> ids(Page page) {
        return page.items().stream().map(Item::id).toList();
    }

    @Test
    void anEmptyStoreListsNothing() {
        Page page = store.list(20, Optional.empty());
        assertTrue(page.items().isEmpty());
        assertTrue(page.lastId().isEmpty());
    }

    @Test
    void storesEveryFieldOfTheItem() {
        Item saved = item("all fields 🚀");
        store.save(saved, Optional.empty());
        assertEquals(List.of(saved), store.list(1, Optional.empty()).items());
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

        assertEquals(List.of(saved.get(4), saved.get(3)), ids(first));
        assertEquals(List.of(saved.get(2), saved.get(1)), ids(second));
        assertEquals(List.of(saved.get(0)), ids(third));
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

    /** Items of several days (and days without items between them) list as one newest-first sequence. */
    @Test
    void pagesRunAcrossDays() {
        List<String> newestFirst = new ArrayList<>();
        for (String day : List.of("2026-01-01", "2026-01-02", "2026-01-05")) {
            ItemIds dayIds = new ItemIds(Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < 3; i++) {
                newestFirst.add(0, store.save(item(dayIds, day + " #" + i), Optional.empty()).item().id());
            }
        }
        List<String> listed = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page page = store.list(4, after);
            listed.addAll(ids(page));
            after = page.lastId();
        } while (after.isPresent());
        assertEquals(newestFirst, listed);
    }

    @Test
    void aCursorOfAnUnknownIdStillListsOnlyOlderItems() {
        Item old = item(new ItemIds(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC)), "old");
        store.save(old, Optional.empty());
        store.save(item("new"), Optional.empty());
        String unknown = new ItemIds(Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC)).next();

        assertEquals(List.of(old.id()), ids(store.list(10, Optional.of(unknown))));
    }

    @Test
    void aRepeatedKeyReturnsTheFirstItemAndAnotherMessageConflicts() {
        Item first = item("once");
        assertFalse(store.save(first, Optional.of("k")).replayed());
        SaveResult again = store.save(item("once"), Optional.of("k"));
        assertTrue(again.replayed());
        assertEquals(first, again.item());
        assertThrows(IdempotencyConflictException.class, () -> store.save(item("other"), Optional.of("k")));
        assertEquals(List.of(first), Answers.allItems(store));
    }

    @Test
    void keysAreIndependent() {
        store.save(item("same"), Optional.of("k1"));
        store.save(item("same"), Optional.of("k2"));
        assertEquals(2, Answers.allItems(store).size());
    }

    /** 8 threads race the same 20 keys: each key stores exactly one item, and every racer sees that item. */
    @Test
    void concurrentRetriesStoreEachKeyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SaveResult>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (int key = 0; key < 20; key++) {
                    String k = "key-" + key;
                    results.add(pool.submit(() -> store.save(item("message " + k), Optional.of(k))));
                }
            }
            Set<String> distinct = new HashSet<>();
            int created = 0;
            for (Future<SaveResult> result : results) {
                SaveResult saved = result.get(60, TimeUnit.SECONDS);
                distinct.add(saved.item().id());
                created += saved.replayed() ? 0 : 1;
            }
            assertEquals(20, created);
            assertEquals(20, distinct.size());
            assertEquals(distinct, new HashSet<>(Answers.allItems(store).stream().map(Item::id).toList()));
        } finally {
            pool.shutdownNow();
        }
    }
}
