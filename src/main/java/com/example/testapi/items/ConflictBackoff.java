package com.example.testapi.items;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The pause before retrying a transaction that collided with a concurrent one on the same key: exponential with full
 * jitter (a random wait up to {@code base · 2^(attempt-1)}, capped), so that colliding requests spread out instead of
 * colliding again in lockstep, as AWS's retry guidance advises.
 */
public final class ConflictBackoff {

    /** Sleeps for the given milliseconds (tests record instead). */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final long BASE_MILLIS = 20;
    static final long CAP_MILLIS = 200;

    private final LongUnaryOperator random;
    private final Sleeper sleeper;

    /** {@code random} maps a bound b to a value in [0, b]. */
    ConflictBackoff(LongUnaryOperator random, Sleeper sleeper) {
        this.random = random;
        this.sleeper = sleeper;
    }

    /** Full jitter: any value from 0 to the bound, both included. */
    static final LongUnaryOperator JITTER = bound -> ThreadLocalRandom.current().nextLong(bound + 1);

    static ConflictBackoff standard() {
        return new ConflictBackoff(JITTER, Thread::sleep);
    }

    /** The longest pause after failed attempt {@code attempt} (1-based). */
    static long bound(int attempt) {
        return Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 20));
    }

    /** Pauses after failed attempt {@code attempt}; an interrupt ends the pause and is kept for the caller. */
    void pauseAfter(int attempt) {
        try {
            sleeper.sleep(random.applyAsLong(bound(attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
