package com.example.testapi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset a test sets: real time by default, the future when a test says so, or frozen.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    /**
     * From now on time stands still but for {@link #advance}: for tests that count seconds (a lockout's 1 s and 2 s)
     * on a machine whose own pace is unknown.
     */
    public void freeze() {
        frozenAt.set(Instant.now());
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
        failure.set(null);
        frozenAt.set(null);
    }

    /** From now on every reading throws {@code e}: a way to crash whatever reads this clock, on purpose. */
    public void failWith(RuntimeException e) {
        failure.set(e);
    }

    @Override
    public Instant instant() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        Instant frozen = frozenAt.get();
        return (frozen != null ? frozen : Instant.now()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
