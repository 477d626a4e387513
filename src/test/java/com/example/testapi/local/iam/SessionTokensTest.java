package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * A session token says "issued here, for this key, expired" only when all of it holds: this start's key, HS256, the
 * key it was minted for, and a time past its expiry. Anything else reads as never issued.
 */
class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String KEY = "ASIAEXAMPLEEXAMPLE01";

    private final SessionTokens tokens = new SessionTokens();
    private final String expired = tokens.mint(KEY, NOW.minus(Duration.ofMinutes(1)));

    @Test
    void ownExpiredTokenForItsKeyIsExpired() {
        assertTrue(tokens.expiredFor(KEY, expired, NOW));
    }

    @Test
    void aTokenNotYetExpiredIsNot() {
        assertFalse(tokens.expiredFor(KEY, tokens.mint(KEY, NOW.plus(Duration.ofHours(1))), NOW));
    }

    @Test
    void aTokenOfAnotherStartIsNeverIssuedHere() {
        assertFalse(new SessionTokens().expiredFor(KEY, expired, NOW), "another start's key");
    }

    @Test
    void aTokenForAnotherKeyIsNot() {
        assertFalse(tokens.expiredFor("ASIAEXAMPLEEXAMPLE02", expired, NOW));
        assertFalse(tokens.expiredFor(null, expired, NOW));
        assertFalse(tokens.expiredFor(KEY, null, NOW));
    }

    @Test
    void anotherAlgorithmOrNoneIsNot() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(KEY).expirationTime(Date.from(NOW.minusSeconds(60)))
                .build();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner(new byte[64]));
        assertFalse(tokens.expiredFor(KEY, hs512.serialize(), NOW), "HS512 with a made-up key");
        assertFalse(tokens.expiredFor(KEY, new PlainJWT(claims).serialize(), NOW), "alg none");
        assertFalse(tokens.expiredFor(KEY, "not.a.token", NOW));
    }
}
