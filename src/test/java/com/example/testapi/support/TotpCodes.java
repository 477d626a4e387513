package com.example.testapi.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * The tests' own authenticator app: RFC 6238 codes (HMAC-SHA1, 30-second steps, six digits) computed from a Base32
 * secret with the JDK's HMAC and RFC 4226's dynamic truncation, independently of the local cloud's TOTP library, so
 * a test agrees with the service only when both follow the RFC.
 */
public final class TotpCodes {

    /** The last step each secret's code was handed out for by {@link #unused}. */
    private static final java.util.Map<String, Long> LAST_STEP = new java.util.HashMap<>();

    private TotpCodes() {
    }

    /**
     * The current code of {@code secret}, waiting for the next 30-second step when this JVM already handed out this
     * step's (Cognito takes a code once): for tests that sign the same user in more than once on the real clock.
     */
    public static synchronized String unused(String secret) {
        long step = java.time.Instant.now().getEpochSecond() / 30;
        Long last = LAST_STEP.get(secret);
        if (last != null && step <= last) {
            try {
                Thread.sleep((last + 1) * 30_000 - System.currentTimeMillis() + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = java.time.Instant.now().getEpochSecond() / 30;
        }
        LAST_STEP.put(secret, step);
        return at(secret, java.time.Instant.ofEpochSecond(step * 30));
    }

    /** Six digits that are not {@code code}: a wrong code, for the refusals. */
    public static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** The code an authenticator app shows at {@code time} for {@code base32Secret}. */
    public static String at(String base32Secret, Instant time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(time.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA1", e);
        }
    }
}
