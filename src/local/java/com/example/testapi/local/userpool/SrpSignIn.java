package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import com.example.testapi.local.state.ShortLived;


/**
 * USER_SRP_AUTH's two steps. {@code InitiateAuth} with SRP_A gets the PASSWORD_VERIFIER challenge (SALT, SRP_B,
 * SECRET_BLOCK, USERNAME, USER_ID_FOR_SRP); {@code RespondToAuthChallenge} then proves the password with
 * PASSWORD_CLAIM_SIGNATURE over the pool, the user, the secret block and TIMESTAMP ({@link CognitoSrp}). The secret
 * block names this server's half of the exchange (b, B, A and the verifier it used), kept for a few minutes and
 * usable once; at most {@link #MAX_PENDING} wait at a time, so unanswered challenges cannot fill memory: a new one
 * then drops the oldest ({@link ShortLived#evictingOldest}), so a flood of starts delays nobody else's sign-in by
 * more than the flood's own turnover, where refusing new ones would lock every user out until the flood expired. The proof is judged under the pool's {@link SignInLockout}. The
 * JSON of both steps is {@link AuthOperations}'s; this class keeps the exchange and the maths.
 */
final class SrpSignIn {

    private static final Duration LIFETIME = Duration.ofMinutes(3);
    static final int MAX_PENDING = 10_000;
    /** A is below N: at most N's 768 hex digits (a client may pad a little). */
    private static final int MAX_SRP_A_DIGITS = 1024;
    /** The clients' TIMESTAMP, e.g. "Fri Nov 7 09:05:03 UTC 2026": English names, the day not padded. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US);

    private record Exchange(String username, String clientId, BigInteger a, BigInteger b, BigInteger serverPublic,
            BigInteger verifier) {
    }

    /** The PASSWORD_VERIFIER challenge's parameters: the user's salt, the server's B and the secret block naming it. */
    record Challenge(String username, BigInteger salt, BigInteger serverPublic, String secretBlock) {
    }

    /** The client's PASSWORD_VERIFIER responses. */
    record Claim(String secretBlock, String username, String timestamp, String signature) {
    }

    private final String poolName;
    private final StoredPassword.Decoys decoys;
    private final SignInLockout lockout;
    private final SecureRandom random = new SecureRandom();
    private final ShortLived<String, Exchange> exchanges;

    SrpSignIn(String poolId, Clock clock, StoredPassword.Decoys decoys, SignInLockout lockout) {
        this(poolId, clock, decoys, lockout, MAX_PENDING);
    }

    SrpSignIn(String poolId, Clock clock, StoredPassword.Decoys decoys, SignInLockout lockout, int maxPending) {
        this.exchanges = ShortLived.evictingOldest(clock, LIFETIME, maxPending);
        this.poolName = CognitoSrp.poolName(poolId);
        this.decoys = decoys;
        this.lockout = lockout;
    }

    /** The PASSWORD_VERIFIER challenge for {@code user}; for an unknown user (null), one that looks the same. */
    Challenge challenge(PoolUser user, String username, String clientId, String srpA) {
        if (srpA == null || srpA.isEmpty()) {
            throw CognitoErrors.missingParameter("SRP_A");
        }
        BigInteger clientPublic = srpA.length() > MAX_SRP_A_DIGITS ? null : hex(srpA);
        if (clientPublic == null || !CognitoSrp.acceptable(clientPublic)) {
            throw CognitoErrors.invalidParameter("SRP_A is not a valid SRP value.");
        }
        // An unknown user gets the same salt at every try (a decoy derived from the name), so the answer does not
        // tell which usernames exist; the claim then fails like a wrong password.
        StoredPassword secret = user != null ? user.password() : decoys.of(username);
        BigInteger b;
        BigInteger serverPublic;
        do { // SRP-6a: u = H(A, B) must not be zero; another b gives another B (practically never needed)
            b = new BigInteger(1, randomBytes(128));
            serverPublic = CognitoSrp.serverPublic(secret.verifier(), b);
        } while (CognitoSrp.u(clientPublic, serverPublic).signum() == 0);
        String secretBlock = Base64.getEncoder().encodeToString(randomBytes(64));
        Exchange exchange = new Exchange(username, clientId, clientPublic, b, serverPublic, secret.verifier());
        exchanges.put(secretBlock, exchange); // full: the oldest unanswered one goes, nobody is kept out
        return new Challenge(username, secret.salt(), serverPublic, secretBlock);
    }

    /**
     * The user whose password the PASSWORD_VERIFIER responses prove; {@code NotAuthorizedException} (the same one a
     * wrong USER_PASSWORD_AUTH password gets) when the claim does not verify or its user is gone.
     */
    PoolUser verify(Claim claim, String clientId, Function<String, PoolUser> users) {
        Exchange exchange = exchanges.take(claim.secretBlock()).orElse(null); // usable once, right or wrong
        if (exchange == null || !exchange.clientId().equals(clientId)) {
            throw CognitoErrors.invalidSession();
        }
        String username = claim.username();
        String timestamp = claim.timestamp();
        byte[] claimed = base64(claim.signature());
        if (!username.equals(exchange.username()) || claimed == null || !wellFormed(timestamp)) {
            throw CognitoErrors.wrongCredentials();
        }
        PoolUser user = users.apply(username);
        boolean right = lockout.attempt(username, () -> {
            byte[] key = CognitoSrp.sharedKey(exchange.a(), exchange.serverPublic(), exchange.b(),
                    exchange.verifier());
            byte[] expected = CognitoSrp.claimSignature(key, poolName, username,
                    Base64.getDecoder().decode(claim.secretBlock()), timestamp);
            // The user must still hold the password the exchange was made with (not changed, not deleted since).
            return MessageDigest.isEqual(expected, claimed) && user != null
                    && user.password().verifier().equals(exchange.verifier());
        });
        if (!right) {
            throw CognitoErrors.wrongCredentials();
        }
        return user;
    }

    /** Whether TIMESTAMP is written exactly as the clients write it (reports say Cognito refuses "Sep 05"). */
    static boolean wellFormed(String timestamp) {
        try {
            return TIMESTAMP.format(ZonedDateTime.parse(timestamp, TIMESTAMP.withZone(java.time.ZoneOffset.UTC)))
                    .equals(timestamp);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static BigInteger hex(String value) {
        try {
            return new BigInteger(value, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
