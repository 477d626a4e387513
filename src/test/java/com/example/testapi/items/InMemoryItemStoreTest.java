package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class InMemoryItemStoreTest extends ItemStoreContract {

    @Override
    protected ItemStore newStore() {
        return new InMemoryItemStore();
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
}
