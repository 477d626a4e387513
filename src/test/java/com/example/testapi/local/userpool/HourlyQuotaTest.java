package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.support.TestClock;

/** A per-user hourly quota without a cloud: the limit, the window from the first call, and a full table failing closed. */
class HourlyQuotaTest {

    private final TestClock clock = new TestClock();

    {
        clock.freeze();
    }

    private static String refusal(HourlyQuota quota, String name) {
        return assertThrows(AwsError.class, () -> quota.spend(name)).type();
    }

    @Test
    void aNameGetsItsLimitInAnHourFromItsFirstCall() {
        HourlyQuota quota = new HourlyQuota(clock, 3);
        quota.spend("ann");
        clock.advance(Duration.ofMinutes(30));
        quota.spend("ann");
        quota.spend("ann");
        assertEquals("LimitExceededException", refusal(quota, "ann"));
        quota.spend("bob"); // names are counted apart
        clock.advance(Duration.ofMinutes(30)); // an hour since ann's first call
        quota.spend("ann");
    }

    @Test
    void aFullTableDropsItsOldestNameUnderTheLimitButNeverOneAtIt() {
        HourlyQuota quota = new HourlyQuota(clock, 2, 2);
        quota.spend("ann");
        quota.spend("ann"); // at its limit
        quota.spend("bob"); // under it
        quota.spend("cat"); // full: bob, the oldest under the limit, makes room
        assertEquals("LimitExceededException", refusal(quota, "ann"), "a name at its limit is kept");
        quota.spend("cat"); // cat's count was kept: at its limit now
        assertEquals("LimitExceededException", refusal(quota, "cat"));
        assertEquals("TooManyRequestsException", refusal(quota, "bob"), "every name at its limit: no room");
    }

    @Test
    void aTableOfNamesAtTheirLimitRefusesANewOne() {
        HourlyQuota quota = new HourlyQuota(clock, 1, 2);
        quota.spend("ann");
        quota.spend("bob");
        assertEquals("TooManyRequestsException", refusal(quota, "cat"));
        clock.advance(Duration.ofHours(1));
        quota.spend("cat");
    }
}
