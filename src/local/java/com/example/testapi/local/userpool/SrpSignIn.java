package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * USER_SRP_AUTH's two steps. {@code InitiateAuth} with SRP_A gets the PASSWORD_VERIFIER challenge (SALT, SRP_B,
 * SECRET_BLOCK, USERNAME, USER_ID_FOR_SRP); {@code RespondToAuthChallenge} then proves the password with
 * PASSWORD_CLAIM_SIGNATURE over the pool, the user, the secret block and TIMESTAMP ({@link CognitoSrp}). The secret
 * block names this server's half of the exchange (b, B, A and the verifier it used), kept for a few minutes and
 * usable once; at most {@link #MAX_PENDING} wait at a time (more: {@code TooManyRequestsException}), so unanswered
 * challenges cannot fill memory. The proof is judged under the pool's {@link SignInLockout}.
 */
final class SrpSignIn {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration LIFETIME = Duration.ofMinutes(3);
    static final int MAX_PENDING = 10_000;
    /** A is below N: at most N's 768 hex digits (a client may pad a little). */
    private static final int MAX_SRP_A_DIGITS = 1024;
    /** The clients' TIMESTAMP, e.g. "Fri Nov 7 09:05:03 UTC 2026": English names, the day not padded. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US);

    private record Exchange(String username, String clientId, BigInteger a, BigInteger b, BigInteger serverPublic,
            BigInteger verifier, Instant expires) {
    }

    private final String poolName;
    private final Clock clock;
    private final StoredPassword.Decoys decoys;
    private final SignInLockout lockout;
    private final int maxPending;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();

    SrpSignIn(String poolId, Clock clock, StoredPassword.Decoys decoys, SignInLockout lockout) {
        this(poolId, clock, decoys, lockout, MAX_PENDING);
    }

    SrpSignIn(String poolId, Clock clock, StoredPassword.Decoys decoys, SignInLockout lockout, int maxPending) {
        this.maxPending = maxPending;
        this.poolName = CognitoSrp.poolName(poolId);
        this.clock = clock;
        this.decoys = decoys;
        this.lockout = lockout;
    }

    /** The PASSWORD_VERIFIER challenge for {@code user}; for an unknown user (null), one that looks the same. */
    ObjectNode challenge(PoolUser user, String username, String clientId, String srpA) {
        if (srpA == null || srpA.isEmpty()) {
            throw new AwsError("InvalidParameterException", "Missing required parameter SRP_A");
        }
        BigInteger clientPublic = srpA.length() > MAX_SRP_A_DIGITS ? null : hex(srpA);
        if (clientPublic == null || !CognitoSrp.acceptable(clientPublic)) {
            throw new AwsError("InvalidParameterException", "SRP_A is not a valid SRP value.");
        }
        // An unknown user gets the same salt at every try (a decoy derived from the name), so the answer does not
        // tell which usernames exist; the claim then fails like a wrong password.
        StoredPassword secret = user != null ? user.password : decoys.of(username);
        BigInteger b;
        BigInteger serverPublic;
        do { // SRP-6a: u = H(A, B) must not be zero; another b gives another B (practically never needed)
            b = new BigInteger(1, randomBytes(128));
            serverPublic = CognitoSrp.serverPublic(secret.verifier(), b);
        } while (CognitoSrp.u(clientPublic, serverPublic).signum() == 0);
        String secretBlock = Base64.getEncoder().encodeToString(randomBytes(64));
        Instant now = clock.instant();
        exchanges.values().removeIf(old -> !now.isBefore(old.expires()));
        if (exchanges.size() >= maxPending) {
            throw new AwsError("TooManyRequestsException", "Too many requests");
        }
        exchanges.put(secretBlock, new Exchange(username, clientId, clientPublic, b, serverPublic, secret.verifier(),
                now.plus(LIFETIME)));
        ObjectNode answer = MAPPER.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER");
        answer.putObject("ChallengeParameters").put("SALT", secret.salt().toString(16))
                .put("SECRET_BLOCK", secretBlock).put("SRP_B", serverPublic.toString(16))
                .put("USERNAME", username).put("USER_ID_FOR_SRP", username);
        return answer;
    }

    /**
     * The user whose password the PASSWORD_VERIFIER responses prove; {@code NotAuthorizedException} (the same one a
     * wrong USER_PASSWORD_AUTH password gets) when the claim does not verify or its user is gone.
     */
    PoolUser verify(ObjectNode responses, String clientId, Function<String, PoolUser> users, String wrongCredentials) {
        String secretBlock = responses.path("PASSWORD_CLAIM_SECRET_BLOCK").asText("");
        Exchange exchange = exchanges.remove(secretBlock); // usable once, right or wrong
        if (exchange == null || !exchange.clientId().equals(clientId)
                || !clock.instant().isBefore(exchange.expires())) {
            throw new AwsError("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        String username = responses.path("USERNAME").asText("");
        String timestamp = responses.path("TIMESTAMP").asText("");
        byte[] claimed = base64(responses.path("PASSWORD_CLAIM_SIGNATURE").asText(""));
        if (!username.equals(exchange.username()) || claimed == null || !wellFormed(timestamp)) {
            throw new AwsError("NotAuthorizedException", wrongCredentials);
        }
        PoolUser user = users.apply(username);
        boolean right = lockout.attempt(username, () -> {
            byte[] key = CognitoSrp.sharedKey(exchange.a(), exchange.serverPublic(), exchange.b(),
                    exchange.verifier());
            byte[] expected = CognitoSrp.claimSignature(key, poolName, username,
                    Base64.getDecoder().decode(secretBlock), timestamp);
            // The user must still hold the password the exchange was made with (not changed, not deleted since).
            return MessageDigest.isEqual(expected, claimed) && user != null
                    && user.password.verifier().equals(exchange.verifier());
        });
        if (!right) {
            throw new AwsError("NotAuthorizedException", wrongCredentials);
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
