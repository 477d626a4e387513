package com.example.testapi.local.userpool;

import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The user pool's signing key: an RSA key made at start, tokens signed RS256 with its key id, and the public half
 * published as a JWKS. Signing and verification are Nimbus JOSE + JWT's.
 */
public final class TokenSigner {

    private final RSAKey key;

    private TokenSigner(RSAKey key) {
        this.key = key;
    }

    public static TokenSigner generate() {
        try {
            return new TokenSigner(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the user pool's RSA key", e);
        }
    }

    String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The public keys, as {@code /.well-known/jwks.json} serves them. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /**
     * The claims of {@code token} if this pool signed it; empty if it is not a JWT or the signature does not verify
     * (a token signed by any other key, or altered after signing). Claims are not checked here.
     */
    public java.util.Optional<JWTClaimsSet> verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
