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
    void aFullTableRefusesANameItDoesNotTrack() {
        HourlyQuota quota = new HourlyQuota(clock, 3, 2);
        quota.spend("ann");
        quota.spend("bob");
        assertEquals("TooManyRequestsException", refusal(quota, "cat"), "no fresh budget for a flood of names");
        quota.spend("ann"); // tracked names go on
        clock.advance(Duration.ofHours(1));
        quota.spend("cat");
    }
}
