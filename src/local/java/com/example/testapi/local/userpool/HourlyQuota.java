package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;

import com.example.testapi.local.state.ShortLived;

/**
 * A per-user quota of Cognito's, counted in a window of an hour from a name's first call: after {@code limit} calls,
 * every further one is refused with {@code LimitExceededException} until the hour is over. Names are counted whether
 * or not such a user exists, so the quota tells no names apart. The table is bounded: when it is full, the oldest
 * name still under its limit makes room (its count starts again), and a name at its limit is never dropped; only
 * when every name is at its limit is a new one refused. So a flood of names locks nobody out, and buys a guesser a
 * fresh budget for one name only at the price of filling the whole table again (100,000 calls for nine guesses).
 */
final class HourlyQuota {

    static final int MAX_NAMES = 100_000;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int limit;
    private final ShortLived<String, Integer> calls;

    HourlyQuota(Clock clock, int limit) {
        this(clock, limit, MAX_NAMES);
    }

    HourlyQuota(Clock clock, int limit, int maxNames) {
        this.limit = limit;
        this.calls = new ShortLived<>(clock, WINDOW, maxNames);
    }

    /** Counts one call of {@code name}, or refuses it: over the limit this hour, or no room to count it. */
    synchronized void spend(String name) {
        int spent = calls.get(name).orElse(0);
        if (spent >= limit) {
            throw CognitoErrors.attemptLimitExceeded();
        }
        boolean counted = spent == 0 ? calls.put(name, 1) || calls.removeOldest(n -> n < limit) && calls.put(name, 1)
                : calls.update(name, n -> n + 1);
        if (!counted) { // every name tracked is at its limit
            throw CognitoErrors.tooManyRequests();
        }
    }
}
