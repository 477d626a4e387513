package com.example.testapi.local.identitypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

/**
 * The identity pool's check of the ID token in Logins, from the refusing side: tokens an attacker can make from a real
 * one (its claims copied) without the pool's private key. Each is refused with Cognito's NotAuthorizedException and
 * gets no identity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedTokensTest {

    private TestCloud cloud;
    private CognitoIdentityClient identityPool;
    private JWTClaimsSet claims;
    private String kid;

    @BeforeAll
    void start() throws Exception {
        cloud = TestCloud.start(Path.of("template.yaml"), TestCloud.NO_FUNCTION);
        identityPool = CognitoSdk.identityPool(cloud.cloud);
        SignedJWT real = SignedJWT.parse(cloud.cloud.userPool().signIn("alice", "Alice-Str0ng-Passw0rd!"));
        claims = real.getJWTClaimsSet();
        kid = real.getHeader().getKeyID();
    }

    @AfterAll
    void stop() {
        identityPool.close();
        cloud.close();
    }

    private String refusal(String token) {
        Map<String, String> logins = Map.of(cloud.cloud.userPool().settings().providerName(), token);
        return assertThrows(NotAuthorizedException.class, () -> identityPool.getId(r -> r
                .identityPoolId(cloud.cloud.outputs().get("IdentityPoolId")).logins(logins)))
                .awsErrorDetails().errorMessage();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertEquals("Invalid login token. Couldn't verify signed token.",
                refusal(new PlainJWT(claims).serialize()));
    }

    /** The classic confusion: HS256 with the pool's public key (from its JWKS) as the HMAC secret. */
    @Test
    void hs256WithThePublicKeyAsSecretIsRefused() throws Exception {
        String jwks = SignedHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                cloud.cloud.userPool().issuer() + "/.well-known/jwks.json")).GET().build()).body();
        RSAKey published = JWKSet.parse(jwks).getKeyByKeyId(kid).toRSAKey();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
        forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        assertEquals("Invalid login token. Couldn't verify signed token.", refusal(forged.serialize()));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWhateverItsKid() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("another-key").generate();
        for (String keyId : new String[] { "another-key", kid }) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            forged.sign(new RSASSASigner(other));
            assertEquals("Invalid login token. Couldn't verify signed token.", refusal(forged.serialize()), keyId);
        }
    }
}
