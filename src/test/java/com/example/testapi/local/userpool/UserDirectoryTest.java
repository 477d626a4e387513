package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.support.TestClock;

/** The pool's one way to change a user, and the rules it keeps with every change, on a test clock. */
class UserDirectoryTest {

    private static final String PASSWORD = "Ann-Str0ng-Passw0rd!";

    private final TestClock clock = new TestClock();
    private final UserDirectory directory = new UserDirectory("us-east-1_Example1",
            new PasswordPolicy(8, true, true, true, true), clock);

    {
        clock.freeze();
    }

    private static String type(Runnable change) {
        return assertThrows(AwsError.class, change::run).type();
    }

    @Test
    void everyChangeOfAUserIsDatedAndLeavesTheOldValueAlone() {
        PoolUser created = directory.create("ann", PASSWORD, PoolUser.Status.FORCE_CHANGE_PASSWORD,
                Map.of("email", "ann@example.com", "sub", "forged"));
        assertEquals(created.sub(), created.attributes().get("sub"), "the pool sets sub, not the caller");
        Instant start = clock.instant();
        List<Runnable> changes = List.of(
                () -> directory.setPassword("ann", "An0ther-Passw0rd!", PoolUser.Status.CONFIRMED),
                () -> directory.setEnabled("ann", false),
                () -> directory.setGroup("ann", "FullAccess", true),
                () -> directory.setGroup("ann", "FullAccess", false),
                () -> directory.verifyAttribute("ann", "email"),
                () -> directory.changePassword("ann", "An0ther-Passw0rd!", PASSWORD));
        for (Runnable change : changes) {
            clock.advance(Duration.ofSeconds(1));
            change.run();
            assertEquals(clock.instant(), directory.require("ann").modified());
        }
        PoolUser now = directory.require("ann");
        assertEquals(start, now.created());
        assertEquals("true", now.attributes().get("email_verified"));
        assertEquals(Set.of(), now.groups());
        assertFalse(now.enabled());
        assertEquals(Map.of("sub", created.sub(), "email", "ann@example.com"), created.attributes(),
                "a value handed out does not change");
    }

    @Test
    void theRulesOfEachChange() {
        directory.create("ann", PASSWORD, PoolUser.Status.CONFIRMED, Map.of());
        assertEquals("UsernameExistsException", type(() -> directory.create("ann", PASSWORD,
                PoolUser.Status.CONFIRMED, Map.of())));
        assertEquals("InvalidPasswordException", type(() -> directory.create("bob", "weak",
                PoolUser.Status.CONFIRMED, Map.of())));
        assertEquals("UserNotFoundException", type(() -> directory.setPassword("nobody", "weak",
                PoolUser.Status.CONFIRMED)), "an unknown user comes before the policy");
        assertEquals("NotAuthorizedException", type(() -> directory.changePassword("ann", "wrong", PASSWORD)));
        assertEquals("InvalidPasswordException", type(() -> directory.changePassword("ann", PASSWORD, "weak")));
        assertTrue(directory.require("ann").password().matches("Example1", "ann", PASSWORD), "still the old one");
        directory.delete("ann");
        assertEquals("UserNotFoundException", type(() -> directory.delete("ann")));
        assertTrue(directory.find("ann").isEmpty());
    }

    @Test
    void listsAreInUsernameOrder() {
        for (String name : List.of("cat", "ann", "bob")) {
            directory.create(name, PASSWORD, PoolUser.Status.CONFIRMED, Map.of());
        }
        assertEquals(List.of("ann", "bob", "cat"), directory.list(u -> true).stream().map(PoolUser::username)
                .toList());
        PoolUser bob = directory.require("bob");
        assertEquals(bob, directory.bySub(bob.sub()).orElseThrow());
    }
}
