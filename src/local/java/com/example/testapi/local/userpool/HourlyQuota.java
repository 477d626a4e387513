package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;

import com.example.testapi.local.state.ShortLived;

/**
 * A per-user quota of Cognito's, counted in a window of an hour from a name's first call: after {@code limit} calls,
 * every further one is refused with {@code LimitExceededException} until the hour is over. Names are counted whether
 * or not such a user exists, so the quota tells no names apart; the table is bounded, and when it is full a name it
 * does not track is refused too (fail closed: a flood of names cannot buy a fresh budget).
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
        boolean counted = spent == 0 ? calls.put(name, 1) : calls.update(name, n -> n + 1);
        if (!counted) {
            throw CognitoErrors.tooManyRequests();
        }
    }
}
