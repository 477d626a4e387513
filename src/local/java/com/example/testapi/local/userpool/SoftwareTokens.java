package com.example.testapi.local.userpool;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.example.testapi.local.state.ShortLived;

/**
 * Software-token (TOTP) MFA codes as Cognito checks them: RFC 6238 with HMAC-SHA1, six digits and 30-second steps
 * (what authenticator apps compute from the {@code otpauth://} URI), one step early or late accepted for clock
 * drift, and each code accepted once: after a code of step n, no code of step n or earlier works for that user
 * (RFC 6238 §5.2), which Cognito answers "Your software token has already been used once.". The secret is 32 random
 * bytes in Base32 without padding, as {@code AssociateSoftwareToken}'s {@code SecretCode}.
 */
final class SoftwareTokens {

    static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted either side of now. */
    static final int DRIFT_STEPS = 1;

    enum Verdict {
        RIGHT, USED, WRONG
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp;
    /** Each user's last accepted step, while a code of it could still be replayed (then nothing is kept). */
    private final ShortLived<String, Long> lastUsedStep;

    SoftwareTokens(Clock clock) {
        this.clock = clock;
        this.totp = new TimeBasedOneTimePasswordGenerator(STEP, 6,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        this.lastUsedStep = new ShortLived<>(clock, STEP.multipliedBy(2L * DRIFT_STEPS + 2), UserTokens.MAX_SIGN_INS);
    }

    /** A new secret, as the user's authenticator app takes it (Base32, no padding). */
    String newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    /**
     * Whether {@code code} is {@code secret}'s code now (within the drift) and not used before by {@code username};
     * a right code is spent by this call.
     */
    Verdict check(String username, String secret, String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return Verdict.WRONG;
        }
        Instant now = clock.instant();
        long step = now.getEpochSecond() / STEP.toSeconds();
        for (long s = step - DRIFT_STEPS; s <= step + DRIFT_STEPS; s++) {
            if (code.equals(codeAt(secret, Instant.ofEpochSecond(s * STEP.toSeconds())))) {
                return spend(username, s);
            }
        }
        return Verdict.WRONG;
    }

    private synchronized Verdict spend(String username, long step) {
        if (lastUsedStep.get(username).filter(last -> last >= step).isPresent()) {
            return Verdict.USED;
        }
        // put replaces the user's entry even in a full store; only a new name can be refused.
        if (!lastUsedStep.put(username, step)) {
            throw CognitoErrors.tooManyRequests(); // a code whose use could not be recorded is not accepted
        }
        return Verdict.RIGHT;
    }

    private String codeAt(String secret, Instant time) {
        try {
            return totp.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()), time);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of any length is valid", e);
        }
    }
}
