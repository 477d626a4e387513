package com.example.testapi.items;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.uuid.UUIDClock;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Time-ordered item ids (UUIDv7, RFC 9562) from a kept library, monotonic within a millisecond in one instance.
 * The creation time is read back from the id so that id order and {@code createdAt} can never disagree.
 */
public final class ItemIds {

    private final TimeBasedEpochGenerator generator;

    public ItemIds(Clock clock) {
        // SecureRandom, not a seeded Random: with SnapStart every restored instance would replay a seed taken before the
        // snapshot and mint colliding ids; the Lambda Java runtimes keep SecureRandom unique after restore.
        this.generator = new TimeBasedEpochGenerator(new SecureRandom(), new UUIDClock() {
            @Override
            public long currentTimeMillis() {
                return clock.millis();
            }
        });
    }

    public String next() {
        return generator.generate().toString();
    }

    /** The creation time carried by a UUIDv7 id. */
    public static Instant createdAt(String id) {
        return Instant.ofEpochMilli(UUID.fromString(id).getMostSignificantBits() >>> 16);
    }

    /** True for the canonical lower-case form of a version-7 UUID, the only ids this API hands out. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 36 || !id.equals(id.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.version() == 7 && uuid.variant() == 2 && uuid.toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
