package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.TestClock;

/**
 * A flood of GetCredentialsForIdentity fills the store only up to the room kept for the local functions' own roles:
 * the token trigger still gets credentials (so administrators can still sign in), and once the flood's credentials
 * expire the identity pool issues again.
 */
class CredentialsStoreTest {

    private static final String USER_ROLE = "arn:aws:iam::123456789012:role/local-TestApiFullAccess";
    private static final String TRIGGER_ROLE = "arn:aws:iam::123456789012:role/local-TokenTriggerRole";

    @Test
    void aFloodOfIdentityCredentialsLeavesRoomForTheFunctions() {
        TestClock clock = new TestClock();
        clock.freeze();
        CredentialsStore store = new CredentialsStore(clock, 200);
        int issued = 0;
        while (store.issueForIdentity(USER_ROLE, "id", "pool", List.of(), Duration.ofHours(1)).isPresent()) {
            issued++;
        }
        assertEquals(180, issued, "all but a tenth of a small store (at most 1,000 kept)");
        assertTrue(store.issue(TRIGGER_ROLE, null, null, List.of(), Duration.ofHours(12)).isPresent(),
                "the trigger's role still gets credentials");

        clock.advance(Duration.ofMinutes(61));
        assertTrue(store.issueForIdentity(USER_ROLE, "id", "pool", List.of(), Duration.ofHours(1)).isPresent(),
                "the flood's credentials expired: room again");
    }
}
