package com.example.testapi.local.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.TestClock;

/** The one store of short-lived state, on a test clock: expiry, the cap, single use, and updates that keep expiry. */
class ShortLivedTest {

    private final TestClock clock = new TestClock();

    {
        clock.freeze();
    }

    @Test
    void aValueLivesUntilItsExpiryAndNoLonger() {
        ShortLived<String, String> store = new ShortLived<>(clock, Duration.ofMinutes(3), 10);
        assertTrue(store.put("k", "v"));
        clock.advance(Duration.ofMinutes(3).minusMillis(1));
        assertEquals(Optional.of("v"), store.get("k"));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), store.get("k"));
        assertEquals(Optional.empty(), store.take("k"));
    }

    @Test
    void aLongLivedValueDoesNotKeepExpiredOnesBehindItFromBeingSwept() {
        ShortLived<String, String> store = new ShortLived<>(clock, Duration.ZERO, 100);
        store.put("lambda", "12 h", clock.instant().plus(Duration.ofHours(12)));
        for (int i = 0; i < 10; i++) {
            store.put("user" + i, "1 h", clock.instant().plus(Duration.ofHours(1)));
        }
        clock.advance(Duration.ofHours(1));
        store.put("late", "1 h", clock.instant().plus(Duration.ofHours(1)));
        assertEquals(2, store.size(), "the expired ones behind the 12-hour value are gone");
    }

    @Test
    void takeReadsAValueOnce() {
        ShortLived<String, String> store = new ShortLived<>(clock, Duration.ofMinutes(3), 10);
        store.put("code", "grant");
        assertEquals(Optional.of("grant"), store.take("code"));
        assertEquals(Optional.empty(), store.take("code"));
    }

    @Test
    void aFullStoreTakesNoMoreUntilSomeExpire() {
        ShortLived<Integer, String> store = new ShortLived<>(clock, Duration.ofMinutes(3), 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(store.put(i, "v" + i));
            clock.advance(Duration.ofSeconds(10));
        }
        assertFalse(store.put(3, "v3"), "full");
        assertTrue(store.put(1, "again"), "a key already kept may be replaced");
        clock.advance(Duration.ofMinutes(3).minusSeconds(25)); // the first (t=0) has expired, the rest not
        assertTrue(store.put(3, "v3"));
        assertEquals(3, store.size(), "the expired one was swept");
        assertEquals(List.of("again", "v2", "v3"), store.values().stream().sorted().toList());
    }

    @Test
    void valuesOfTheirOwnExpiryAreSweptWhenTheStoreIsFull() {
        ShortLived<String, String> store = new ShortLived<>(clock, Duration.ofDays(1), 2);
        store.put("long", "kept", clock.instant().plus(Duration.ofHours(5)));
        store.put("short", "gone", clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(store.put("new", "in"), "the short one expired behind a live older one");
        assertEquals(List.of("kept", "in"), store.values());
    }

    @Test
    void anUpdateKeepsTheExpiryAndNeedsALiveValue() {
        ShortLived<String, Integer> store = new ShortLived<>(clock, Duration.ofMinutes(1), 10);
        store.put("tries", 0);
        clock.advance(Duration.ofSeconds(50));
        assertTrue(store.update("tries", n -> n + 1));
        assertEquals(Optional.of(1), store.get("tries"));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(store.update("tries", n -> n + 1), "expired at one minute from the put, not from the update");
        assertFalse(store.update("never", n -> n + 1));
    }

    @Test
    void anEvictingStoreDropsItsOldestForANewValue() {
        ShortLived<String, String> store = ShortLived.evictingOldest(clock, Duration.ofMinutes(3), 2);
        assertTrue(store.put("a", "1"));
        assertTrue(store.put("b", "2"));
        assertTrue(store.put("c", "3"), "full, and kept all the same");
        assertEquals(Optional.empty(), store.get("a"));
        assertEquals(List.of("2", "3"), store.values());
    }
}
