package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.support.TestClock;

/**
 * The server's half of SRP guarding itself: a bounded table of unanswered challenges (more wait than it keeps: Cognito's
 * TooManyRequestsException, until the oldest expire), and SRP-6a's rule that the scrambler u must not be zero.
 */
class SrpExchangesTest {

    private static final String POOL = "us-east-1_Example1";

    @Test
    void unansweredChallengesAreBoundedAndExpire() {
        TestClock clock = new TestClock();
        SrpSignIn srp = new SrpSignIn(POOL, clock, new StoredPassword.Decoys(), new SignInLockout(clock), 3);
        String srpA = new SrpClient().srpA();
        for (int i = 0; i < 3; i++) {
            srp.challenge(null, "nobody-" + i, "client", srpA);
        }
        AwsError full = assertThrows(AwsError.class, () -> srp.challenge(null, "one-more", "client", srpA));
        assertEquals("TooManyRequestsException", full.type());
        clock.advance(Duration.ofMinutes(3)); // the waiting ones expire and make room
        assertEquals("one-more", srp.challenge(null, "one-more", "client", srpA).username());
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
