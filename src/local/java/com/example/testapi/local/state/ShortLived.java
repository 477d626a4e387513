package com.example.testapi.local.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The pool's one kind of short-lived state (SRP exchanges, auth sessions, hosted-UI codes, pending codes, refresh
 * tokens): values kept under a key until their expiry on the pool's clock, at most {@code cap} at a time, so that no
 * caller can grow it without bound. An expired value is gone (never read), swept as new ones come; a full store takes
 * no more ({@link #put} says so and the caller answers as Cognito would) until some expire, or, made with
 * {@link #evictingOldest}, drops its oldest value for the new one, so that no caller can keep others out. {@link #take}
 * reads a value once, for what is good once (a code, a secret block, a session).
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    /** Live entries a sweep looks past before it stops. */
    private static final int LIVE_SKIPPED = 4;

    private final Clock clock;
    private final Duration lifetime;
    private final int cap;
    private final boolean evictOldest;
    // Insertion order: with one lifetime, the oldest entry is also the first to expire. Guarded by this.
    private final Map<K, Entry<V>> entries = new LinkedHashMap<>();

    public ShortLived(Clock clock, Duration lifetime, int cap) {
        this(clock, lifetime, cap, false);
    }

    private ShortLived(Clock clock, Duration lifetime, int cap, boolean evictOldest) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.cap = cap;
        this.evictOldest = evictOldest;
    }

    /** A store that, full, drops its oldest value to keep a new one: {@link #put} always keeps it. */
    public static <K, V> ShortLived<K, V> evictingOldest(Clock clock, Duration lifetime, int cap) {
        return new ShortLived<>(clock, lifetime, cap, true);
    }

    /** Keeps {@code value} for the store's lifetime; false (nothing kept) when the store is full. */
    public boolean put(K key, V value) {
        return put(key, value, clock.instant().plus(lifetime));
    }

    /** Keeps {@code value} until {@code expires}; false (nothing kept) when the store is full. */
    public synchronized boolean put(K key, V value, Instant expires) {
        Instant now = clock.instant();
        sweepOldest(now);
        if (entries.size() >= cap && !entries.containsKey(key)) {
            entries.values().removeIf(entry -> expired(entry, now)); // lifetimes differ: look at every one
            if (entries.size() >= cap && !evictOldest) {
                return false;
            }
            if (entries.size() >= cap) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        entries.put(key, new Entry<>(value, expires));
        return true;
    }

    /** The value, removed: good once. Empty when there is none or it has expired. */
    public synchronized Optional<V> take(K key) {
        Entry<V> entry = entries.remove(key);
        return entry == null || expired(entry, clock.instant()) ? Optional.empty() : Optional.of(entry.value());
    }

    /** The value, kept. Empty when there is none or it has expired. */
    public synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null || expired(entry, clock.instant()) ? Optional.empty() : Optional.of(entry.value());
    }

    /** Replaces a live value with {@code change} of it, keeping its expiry; false when there is none. */
    public synchronized boolean update(K key, UnaryOperator<V> change) {
        Entry<V> entry = entries.get(key);
        if (entry == null || expired(entry, clock.instant())) {
            return false;
        }
        entries.put(key, new Entry<>(change.apply(entry.value()), entry.expires()));
        return true;
    }

    /** Drops the oldest value {@code which} selects; false when none does. */
    public synchronized boolean removeOldest(Predicate<V> which) {
        Iterator<Entry<V>> oldest = entries.values().iterator();
        while (oldest.hasNext()) {
            if (which.test(oldest.next().value())) {
                oldest.remove();
                return true;
            }
        }
        return false;
    }

    /** Every live value, oldest first. */
    public synchronized List<V> values() {
        Instant now = clock.instant();
        List<V> values = new ArrayList<>();
        entries.values().forEach(entry -> {
            if (!expired(entry, now)) {
                values.add(entry.value());
            }
        });
        return values;
    }

    /** How many values are kept (live or not yet swept): what the cap bounds. */
    public synchronized int size() {
        return entries.size();
    }

    /** How many values are kept once the oldest expired ones are swept (bounded work, as a put's sweep). */
    public synchronized int sizeAfterSweep() {
        sweepOldest(clock.instant());
        return entries.size();
    }

    /**
     * Drops expired entries from the oldest on, stopping at the {@value #LIVE_SKIPPED}th live one: bounded work per
     * put. A few long-lived values among short-lived ones (the trigger's credentials among users') do not keep the
     * expired ones behind them from being swept.
     */
    private void sweepOldest(Instant now) {
        Iterator<Entry<V>> oldest = entries.values().iterator();
        int live = 0;
        while (oldest.hasNext() && live < LIVE_SKIPPED) {
            if (expired(oldest.next(), now)) {
                oldest.remove();
            } else {
                live++;
            }
        }
    }

    private static boolean expired(Entry<?> entry, Instant now) {
        return !now.isBefore(entry.expires());
    }
}
