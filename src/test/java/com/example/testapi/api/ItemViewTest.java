package com.example.testapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** createdAt's text, written directly, is the pattern formatter's for any instant (seeded: failures reproduce). */
class ItemViewTest {

    @Test
    void createdAtIsTheFormattersTextForAnyInstant() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < 20_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            assertEquals(ItemView.ISO_MILLIS.format(time), ItemView.isoMillis(time), time::toString);
        }
        for (String edge : new String[] { "1970-01-01T00:00:00Z", "2026-11-27T23:59:59.999999999Z",
                "0000-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z" }) {
            Instant time = Instant.parse(edge);
            assertEquals(ItemView.ISO_MILLIS.format(time), ItemView.isoMillis(time), edge);
        }
    }
}
