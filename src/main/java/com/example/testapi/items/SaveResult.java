package com.example.testapi.items;

/** What a save did: stored {@code item} now, or found it already stored under the same idempotency key. */
public record SaveResult(Item item, boolean replayed) {
}
