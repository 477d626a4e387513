package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;

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
        BigInteger salt = new BigInteger(1, bytes);
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
}
