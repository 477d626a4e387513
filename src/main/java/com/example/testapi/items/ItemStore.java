package com.example.testapi.items;

import java.util.Optional;

/**
 * Where items live. The in-memory store is the embedded default; a DynamoDB store implements the same contract.
 */
public interface ItemStore {

    /**
     * Stores {@code item}. With an idempotency key (already scoped to the caller by the API), a key seen before returns
     * the item first stored under it and stores nothing, or throws {@link IdempotencyConflictException} when that item's
     * message differs. Must be atomic per key under concurrent calls.
     */
    SaveResult save(Item item, Optional<String> idempotencyKey);

    /** Up to {@code limit} items, newest first, starting after the item with id {@code afterId} when given. */
    Page list(int limit, Optional<String> afterId);
}
