package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the pool keeps of a password, as Cognito does: never the password, but a random salt and the SRP verifier
 * v = g^x, x = H(salt ‖ H(pool ‖ user ‖ ":" ‖ password)). The verifier answers both sign-in flows: USER_SRP_AUTH
 * proves knowledge of x without sending the password; USER_PASSWORD_AUTH recomputes v from the password it was sent
 * (the verifier is a salted one-way hash of the password, so it doubles as the password hash).
 */
record StoredPassword(BigInteger salt, BigInteger verifier) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh salt (16 random bytes, as Cognito's SALT parameter carries) and its verifier. */
    static StoredPassword of(String poolName, String userId, String password) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return withSalt(poolName, userId, password, new BigInteger(1, bytes));
    }

    private static StoredPassword withSalt(String poolName, String userId, String password, BigInteger salt) {
        return new StoredPassword(salt, CognitoSrp.verifier(poolName, userId, password, salt));
    }

    /** Whether {@code password} is this one, compared in constant time. */
    boolean matches(String poolName, String userId, String password) {
        if (password == null) {
            return false;
        }
        BigInteger candidate = CognitoSrp.verifier(poolName, userId, password, salt);
        return MessageDigest.isEqual(candidate.toByteArray(), verifier.toByteArray());
    }

    /**
     * Stand-ins for users that do not exist: the same salt and verifier for a name at every try (derived from it with
     * a key made at start), so that neither SRP's SALT nor the time a password check takes tells whether a user
     * exists.
     */
    static final class Decoys {

        private final String poolName;
        private final byte[] key = new byte[32];

        Decoys(String poolId) {
            this.poolName = CognitoSrp.poolName(poolId);
            RANDOM.nextBytes(key);
        }

        StoredPassword of(String username) {
            byte[] derived = hmac(username);
            return withSalt(poolName, username, Base64.getEncoder().encodeToString(derived),
                    new BigInteger(1, Arrays.copyOf(derived, 16)));
        }

        private byte[] hmac(String username) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
