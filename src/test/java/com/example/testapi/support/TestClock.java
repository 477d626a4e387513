package com.example.testapi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock shifted by an offset a test sets: real time by default, the future when a test says so. */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
        failure.set(null);
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
        return Instant.now().plus(offset.get());
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
