package com.example.testapi.items;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The pause between colliding transactions: a bound that doubles up to a cap, and a jitter over all of it. */
class ConflictBackoffTest {

    @Test
    void theBoundDoublesPerAttemptUpToTheCap() {
        assertEquals(List.of(20L, 40L, 80L, 160L, 200L, 200L),
                IntStream.rangeClosed(1, 6).mapToObj(ConflictBackoff::bound).toList());
        assertEquals(200L, ConflictBackoff.bound(100), "no overflow however many attempts");
    }

    @Test
    void theJitterCoversItsWholeRangeAndNothingBeyond() {
        TreeSet<Long> seen = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(ConflictBackoff.JITTER.applyAsLong(40));
        }
        assertEquals(0L, seen.first());
        assertEquals(40L, seen.last());
        assertEquals(41, seen.size(), "every value from 0 to 40: " + seen);
    }
}
