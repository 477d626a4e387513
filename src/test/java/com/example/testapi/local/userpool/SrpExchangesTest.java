package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.support.TestClock;

/**
 * The server's half of SRP guarding itself: a bounded table of unanswered challenges (a new one drops the oldest, so a
 * flood keeps nobody out), and SRP-6a's rule that the scrambler u must not be zero.
 */
class SrpExchangesTest {

    private static final String POOL = "us-east-1_Example1";

    @Test
    void unansweredChallengesAreBoundedAndTheOldestMakesRoom() {
        TestClock clock = new TestClock();
        clock.freeze();
        StoredPassword.Decoys decoys = new StoredPassword.Decoys();
        SrpSignIn srp = new SrpSignIn(POOL, clock, decoys, new SignInLockout(clock), 3);
        String srpA = new SrpClient().srpA();
        List<SrpSignIn.Challenge> flood = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            flood.add(srp.challenge(null, "nobody-" + i, "client", srpA));
        }
        SrpSignIn.Challenge mine = srp.challenge(null, "one-more", "client", srpA); // never refused
        assertEquals("one-more", mine.username());
        AwsError dropped = assertThrows(AwsError.class, () -> srp.verify(new SrpSignIn.Claim(
                flood.get(0).secretBlock(), "nobody-0", "Sun Dec 6 10:00:00 UTC 2026", "AAAA"), "client", n -> null));
        assertEquals("Invalid session for the user, session is expired.", dropped.getMessage(), "the oldest went");
        AwsError wrong = assertThrows(AwsError.class, () -> srp.verify(new SrpSignIn.Claim(mine.secretBlock(),
                "one-more", "Sun Dec 6 10:00:00 UTC 2026", "AAAA"), "client", n -> null));
        assertEquals("Incorrect username or password.", wrong.getMessage(), "the newest was kept and judged");
        clock.advance(Duration.ofMinutes(3)); // and every unanswered one expires
        assertEquals("Invalid session for the user, session is expired.", assertThrows(AwsError.class,
                () -> srp.verify(new SrpSignIn.Claim(flood.get(2).secretBlock(), "nobody-2",
                        "Sun Dec 6 10:00:00 UTC 2026", "AAAA"), "client", n -> null)).getMessage());
    }

    @Test
    void aZeroScramblerIsRefused() {
        BigInteger a = new SrpClient().clientPublic;
        BigInteger verifier = CognitoSrp.verifier("Example1", "alice", "Alice-Str0ng-Passw0rd!", BigInteger.TEN);
        assertThrows(IllegalArgumentException.class,
                () -> CognitoSrp.sharedKeyWithScrambler(a, BigInteger.ZERO, BigInteger.TWO, verifier));
        assertEquals(16, CognitoSrp.sharedKeyWithScrambler(a, BigInteger.ONE, BigInteger.TWO, verifier).length);
    }

    @Test
    void anUnknownUsersDecoyIsStableAndLooksLikeAVerifier() {
        StoredPassword.Decoys decoys = new StoredPassword.Decoys();
        StoredPassword first = decoys.of("nobody");
        assertEquals(first, decoys.of("nobody"), "the same salt and verifier at every try");
        assertEquals(false, first.equals(decoys.of("nobody-else")));
        assertEquals(true, first.verifier().signum() > 0 && first.verifier().compareTo(CognitoSrp.N) < 0);
        assertEquals(false, first.matches("Example1", "nobody", "any password"));
    }
}
