package com.example.testapi.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.testapi.local.awsjson.AwsError;

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
 * bounded: entries idle for the reset time are worthless and the oldest are dropped past {@link #MAX_NAMES}.
 */
final class SignInLockout {

    static final String LOCKED = "Password attempts exceeded";
    static final int FREE_FAILURES = 5;
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration RESET_AFTER = Duration.ofMinutes(15);
    static final int MAX_NAMES = 100_000;

    private record State(int failures, Instant lockedUntil, Instant lastAttempt) {
    }

    private final Clock clock;
    // Access order: the eldest entry is the one tried longest ago; guarded by this object's monitor.
    private final Map<String, State> byName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_NAMES;
        }
    };

    SignInLockout(Clock clock) {
        this.clock = clock;
    }

    /** Throws "Password attempts exceeded" while {@code username} is locked out; else lets the attempt go on. */
    synchronized void check(String username) {
        State state = current(username);
        Instant now = clock.instant();
        if (state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            // An attempt all the same: it keeps the count from resetting, but does not lengthen the lockout.
            byName.put(username, new State(state.failures(), state.lockedUntil(), now));
            throw new AwsError("NotAuthorizedException", LOCKED);
        }
    }

    /** A wrong password for {@code username}: from the fifth on, a lockout of 2^(n-5) s, at most 15 minutes. */
    synchronized void failed(String username) {
        State state = current(username);
        int failures = (state == null ? 0 : state.failures()) + 1;
        Instant now = clock.instant();
        Instant lockedUntil = failures < FREE_FAILURES ? null : now.plus(lockout(failures));
        byName.put(username, new State(failures, lockedUntil, now));
    }

    /** The right password, outside a lockout: the count starts again. */
    synchronized void succeeded(String username) {
        byName.remove(username);
    }

    /** 2^(n-5) seconds, capped at 15 minutes. */
    static Duration lockout(int failures) {
        int exponent = failures - FREE_FAILURES;
        return exponent >= 10 ? LONGEST : Duration.ofSeconds(Math.min(1L << exponent, LONGEST.toSeconds()));
    }

    /** The state of a name, forgotten after 15 minutes without attempts (and past any lockout). */
    private State current(String username) {
        State state = byName.get(username);
        Instant now = clock.instant();
        if (state != null && !now.isBefore(state.lastAttempt().plus(RESET_AFTER))
                && (state.lockedUntil() == null || !now.isBefore(state.lockedUntil()))) {
            byName.remove(username);
            return null;
        }
        return state;
    }
}
