package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Cognito's lockout after failed password sign-ins, as its developer guide states it ("Lockout behavior for failed
 * sign-in attempts", docs.aws.amazon.com/cognito/latest/developerguide/authentication.html#authentication-flow-lockout-behavior):
 * after five failed attempts the user is locked out for one second, doubling with each further failure up to about
 * 15 minutes, i.e. 2^(n-5) seconds after n failures; attempts during a lockout get {@code NotAuthorizedException}
 * "Password attempts exceeded", right password or not, and do not lengthen it; a successful sign-in, or 15 minutes
 * without attempts, starts the count again. Every password flow (USER_PASSWORD_AUTH, USER_SRP_AUTH, the hosted UI's
 * form) goes through here.
 *
 * <p>Names are counted whether or not such a user exists, so the lockout does not tell which users exist. Memory is
 * bounded ({@link #MAX_NAMES} by default): entries that would reset anyway are swept first, then counts without a lock; a running
 * lock is never dropped. A name's check, verdict and count are one step, so parallel guesses each count.
 */
final class SignInLockout {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration RESET_AFTER = Duration.ofMinutes(15);
    static final int MAX_NAMES = 100_000;

    private record State(int failures, Instant lockedUntil, Instant lastAttempt) {
    }

    private final Clock clock;
    private final int maxNames;
    // Guarded by this object's monitor.
    private final Map<String, State> byName = new LinkedHashMap<>();
    // One name's check, password verdict and count are one step: parallel guesses for a name queue here, so none
    // slips past a lockout that an earlier guess is about to set. Names share 64 stripes; other names go on.
    private final Object[] stripes = new Object[64];

    SignInLockout(Clock clock) {
        this(clock, MAX_NAMES);
    }

    /** A table of at most {@code maxNames} names (the tests' small tables). */
    SignInLockout(Clock clock, int maxNames) {
        this.clock = clock;
        this.maxNames = maxNames;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * One password attempt for {@code username}: refused with "Password attempts exceeded" while locked out, else
     * {@code passwordIsRight} decides and the verdict is counted. Returns the verdict.
     */
    boolean attempt(String username, BooleanSupplier passwordIsRight) {
        synchronized (stripes[Math.floorMod(username.hashCode(), stripes.length)]) {
            refuseWhileLocked(username);
            admit(username);
            boolean right = passwordIsRight.getAsBoolean();
            if (right) {
                succeeded(username);
            } else {
                failed(username);
            }
            return right;
        }
    }

    private synchronized void refuseWhileLocked(String username) {
        State state = current(username);
        Instant now = clock.instant();
        if (state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            // An attempt all the same: it keeps the count from resetting, but does not lengthen the lockout.
            byName.put(username, new State(state.failures(), state.lockedUntil(), now));
            throw CognitoErrors.notAuthorized(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED);
        }
    }

    /**
     * A name the table does not track needs room in it before its password is checked: when every entry is a running
     * lock, the name is refused whatever its password (fail closed), so a full table never lets an attempt through
     * uncounted.
     */
    private synchronized void admit(String username) {
        if (current(username) == null) {
            makeRoom(clock.instant());
        }
    }

    /** A wrong password: from the fifth on, a lockout of 2^(n-5) s, at most 15 minutes. */
    private synchronized void failed(String username) {
        State state = current(username);
        int failures = (state == null ? 0 : state.failures()) + 1;
        Instant now = clock.instant();
        Instant lockedUntil = failures < FREE_FAILURES ? null : now.plus(lockout(failures));
        byName.put(username, new State(failures, lockedUntil, now));
    }

    /** The right password, outside a lockout: the count starts again. */
    private synchronized void succeeded(String username) {
        byName.remove(username);
    }

    /**
     * Room for one more name: entries that would reset anyway go first; a lock is never dropped to make room, so
     * when every entry is a live lock, a new name is refused (a flood of names cannot wipe a victim's lockout).
     */
    private void makeRoom(Instant now) {
        if (byName.size() < maxNames) {
            return;
        }
        byName.values().removeIf(state -> forgotten(state, now));
        if (byName.size() >= maxNames) { // then names without a running lock (their count starts again)
            byName.values().removeIf(state -> state.lockedUntil() == null || !now.isBefore(state.lockedUntil()));
        }
        if (byName.size() >= maxNames) {
            throw CognitoErrors.tooManyRequests();
        }
    }

    /** 2^(n-5) seconds, capped at 15 minutes. */
    static Duration lockout(int failures) {
        int exponent = failures - FREE_FAILURES;
        return exponent >= 10 ? LONGEST : Duration.ofSeconds(Math.min(1L << exponent, LONGEST.toSeconds()));
    }

    /** The state of a name, forgotten after 15 minutes without attempts (and past any lockout). */
    private State current(String username) {
        State state = byName.get(username);
        if (state != null && forgotten(state, clock.instant())) {
            byName.remove(username);
            return null;
        }
        return state;
    }

    /**
     * "Not initiate any sign-in attempts for 15 consecutive minutes at any time after a lockout": read as 15 minutes
     * since the last attempt (the one that set the lockout, or a later one), once no lock is running.
     */
    private static boolean forgotten(State state, Instant now) {
        return !now.isBefore(state.lastAttempt().plus(RESET_AFTER))
                && (state.lockedUntil() == null || !now.isBefore(state.lockedUntil()));
    }
}
