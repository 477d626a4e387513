package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.support.TestClock;

/**
 * {@link SignInLockout}'s rules without a cloud, on a test clock and a small table: the lockout's lengths, and how a
 * full table makes room (forgotten entries first, then names without a running lock, never a running lock).
 */
class SignInLockoutTableTest {

    private final TestClock clock = new TestClock();

    {
        clock.freeze();
    }

    private static void fail(SignInLockout lockout, String name, int times) {
        for (int i = 0; i < times; i++) {
            assertFalse(lockout.attempt(name, () -> false));
        }
    }

    private static String refusal(SignInLockout lockout, String name, boolean right) {
        return assertThrows(AwsError.class, () -> lockout.attempt(name, () -> right)).getMessage();
    }

    @Test
    void lockoutsDoubleFromTheFifthFailureUpToFifteenMinutes() {
        assertEquals(Duration.ofSeconds(1), SignInLockout.lockout(5));
        assertEquals(Duration.ofSeconds(2), SignInLockout.lockout(6));
        assertEquals(Duration.ofSeconds(512), SignInLockout.lockout(14));
        assertEquals(Duration.ofMinutes(15), SignInLockout.lockout(15));
        assertEquals(Duration.ofMinutes(15), SignInLockout.lockout(40));
    }

    @Test
    void aLockRefusesTheRightPasswordTooAndASuccessResetsTheCount() {
        SignInLockout lockout = new SignInLockout(clock, 10);
        fail(lockout, "ann", 5);
        assertEquals(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED, refusal(lockout, "ann", true));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(lockout.attempt("ann", () -> true));
        fail(lockout, "ann", 4);
        assertTrue(lockout.attempt("ann", () -> true), "four failures after a success lock nothing");
    }

    @Test
    void aFullTableDropsForgottenEntriesFirst() {
        SignInLockout lockout = new SignInLockout(clock, 3);
        fail(lockout, "old", 1);
        clock.advance(Duration.ofMinutes(15));
        fail(lockout, "bob", 5); // a running lock
        fail(lockout, "cat", 1);
        fail(lockout, "dan", 1); // the table was full: "old" (15 quiet minutes) made room
        assertEquals(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED, refusal(lockout, "bob", true));
        fail(lockout, "cat", 3); // cat's count was kept: four failures now, no lock yet
        assertFalse(lockout.attempt("cat", () -> false)); // the fifth sets a lock
        assertEquals(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED, refusal(lockout, "cat", true));
    }

    @Test
    void thenCountsWithoutALockButNeverARunningLock() {
        SignInLockout lockout = new SignInLockout(clock, 2);
        fail(lockout, "bob", 5); // locked for a second
        fail(lockout, "cat", 2); // a count without a lock
        fail(lockout, "dan", 1); // full: cat's count goes, bob's lock stays
        assertEquals(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED, refusal(lockout, "bob", false));
        fail(lockout, "cat", 4);
        assertFalse(lockout.attempt("cat", () -> false), "cat starts again from none: the fifth failure");
    }

    /** A table full of running locks fails closed: an untracked name is refused before its password is checked. */
    @Test
    void aTableOfRunningLocksRefusesNewNames() {
        SignInLockout lockout = new SignInLockout(clock, 2);
        fail(lockout, "bob", 5);
        fail(lockout, "cat", 5);
        boolean[] checked = {false};
        AwsError full = assertThrows(AwsError.class, () -> lockout.attempt("dan", () -> checked[0] = true));
        assertEquals("TooManyRequestsException", full.type());
        assertFalse(checked[0], "refused before its password was checked: the right one is no way in");
        assertEquals(CognitoErrors.PASSWORD_ATTEMPTS_EXCEEDED, refusal(lockout, "bob", true), "no lock was dropped");
        clock.advance(Duration.ofSeconds(1)); // both locks over: no running lock, so their counts may make room
        assertFalse(lockout.attempt("dan", () -> false));
    }
}
