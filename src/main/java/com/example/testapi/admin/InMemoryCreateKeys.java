package com.example.testapi.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Creation keys in memory, per function instance: where the items are kept in memory too (the local cloud, tests).
 * Bounded: past {@value #MAX_KEYS} keys, the oldest goes.
 */
final class InMemoryCreateKeys implements CreateKeys {

    static final int MAX_KEYS = 10_000;

    private record Held(String request, String owner, Instant claimedAt) {
    }

    private final Clock clock;
    private final Map<String, Held> keys = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX_KEYS;
        }
    };

    InMemoryCreateKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(String scopedKey, String request) {
        Held old = keys.get(scopedKey);
        if (old == null) {
            String owner = UUID.randomUUID().toString();
            keys.put(scopedKey, new Held(request, owner, clock.instant()));
            return new Claim(State.NEW, owner, Duration.ZERO);
        }
        return old.request().equals(request)
                ? new Claim(State.SAME_REQUEST, null, Duration.between(old.claimedAt(), clock.instant()))
                : new Claim(State.OTHER_REQUEST, null, null);
    }

    @Override
    public synchronized void release(String scopedKey, String owner) {
        Held held = keys.get(scopedKey);
        if (held != null && held.owner().equals(owner)) {
            keys.remove(scopedKey);
        }
    }
}
