package com.example.testapi.items;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The embedded store: lives as long as the function instance, safe under concurrent requests. */
public class InMemoryItemStore implements ItemStore {

    // Newest first: UUIDv7 strings compare by creation time.
    private final NavigableMap<String, Item> items = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final Map<String, Item> byIdempotencyKey = new ConcurrentHashMap<>();

    @Override
    public SaveResult save(Item item, Optional<String> idempotencyKey) {
        if (idempotencyKey.isEmpty()) {
            items.put(item.id(), item);
            return new SaveResult(item, false);
        }
        // computeIfAbsent runs the insert at most once per key, atomically: concurrent retries all see one winner.
        Item first = byIdempotencyKey.computeIfAbsent(idempotencyKey.get(), key -> {
            items.put(item.id(), item);
            return item;
        });
        if (first == item) {
            return new SaveResult(item, false);
        }
        if (!first.message().equals(item.message())) {
            throw new IdempotencyConflictException();
        }
        return new SaveResult(first, true);
    }

    @Override
    public Page list(int limit, Optional<String> afterId) {
        NavigableMap<String, Item> view = afterId.map(id -> items.tailMap(id, false)).orElse(items);
        List<Item> page = new ArrayList<>(limit);
        for (Item item : view.values()) {
            if (page.size() == limit) {
                return new Page(page, Optional.of(page.get(page.size() - 1).id()));
            }
            page.add(item);
        }
        return new Page(page, Optional.empty());
    }
}
