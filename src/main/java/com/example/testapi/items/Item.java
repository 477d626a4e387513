package com.example.testapi.items;

import java.time.Instant;

import com.example.testapi.caller.CallerIdentity;

/**
 * One stored item. {@code id} is a UUIDv7 string: its hex form sorts by creation time, so the stores list newest
 * first by id alone.
 */
public record Item(String id, String message, Instant createdAt, CallerIdentity createdBy) {
}
