package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

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
     * Stand-ins for users that do not exist: the same salt and verifier for a name at every try (derived from it by
     * HKDF with a key made at start), so that SRP's SALT does not tell whether a user exists. The verifier is derived
     * directly, not computed as g^x: a decoy costs no exponentiation of its own, so an unknown user's sign-in does the
     * same modular exponentiations as a known user's with a wrong password (one g^x to check a password, g^b and the
     * shared secret for SRP).
     */
    static final class Decoys {

        private static final int SALT_BYTES = 16;
        private static final int VERIFIER_BYTES = 384; // N's 3072 bits

        private final byte[] key = new byte[32];

        Decoys() {
            RANDOM.nextBytes(key);
        }

        StoredPassword of(String username) {
            byte[] derived = CognitoSrp.hkdf(key, new byte[0], username.getBytes(StandardCharsets.UTF_8),
                    SALT_BYTES + VERIFIER_BYTES);
            BigInteger salt = new BigInteger(1, Arrays.copyOf(derived, SALT_BYTES));
            BigInteger verifier = new BigInteger(1, Arrays.copyOfRange(derived, SALT_BYTES, derived.length))
                    .mod(CognitoSrp.N);
            return new StoredPassword(salt, verifier.signum() == 0 ? BigInteger.ONE : verifier);
        }
    }
}
