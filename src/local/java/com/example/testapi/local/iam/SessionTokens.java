package com.example.testapi.local.iam;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Session tokens that speak for themselves, as STS's do: each names its access key and expiry, signed (HS256, Nimbus
 * JOSE) with a key this local cloud made at start. So a key dropped from {@link CredentialsStore} long after it
 * expired is still told apart from one that was never issued ({@code ExpiredTokenException}, not
 * {@code UnrecognizedClientException}) without remembering anything about it. A token of an earlier run of the local
 * cloud (another key) reads as never issued.
 */
final class SessionTokens {

    private final MACSigner signer;
    private final MACVerifier verifier;

    SessionTokens() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            signer = new MACSigner(key);
            verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("a 256-bit key is what HS256 takes", e);
        }
    }

    /** The session token handed out with {@code accessKeyId}, valid until {@code expiration}. */
    String mint(String accessKeyId, Instant expiration) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(accessKeyId).expirationTime(Date.from(expiration))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with our own key cannot fail", e);
        }
        return token.serialize();
    }

    /** Whether {@code sessionToken} is one this cloud minted for {@code accessKeyId} and expired by {@code now}. */
    boolean expiredFor(String accessKeyId, String sessionToken, Instant now) {
        if (sessionToken == null || accessKeyId == null) {
            return false;
        }
        try {
            SignedJWT token = SignedJWT.parse(sessionToken);
            Date expiry = token.getJWTClaimsSet().getExpirationTime();
            return JWSAlgorithm.HS256.equals(token.getHeader().getAlgorithm()) && token.verify(verifier)
                    && accessKeyId.equals(token.getJWTClaimsSet().getSubject())
                    && expiry != null && !now.isBefore(expiry.toInstant());
        } catch (ParseException | JOSEException e) {
            return false; // not one of ours: whatever it is, it was never issued here
        }
    }
}
