package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server side of Cognito's SRP-6a variant, as its clients compute the other side (amazon-cognito-identity-js's
 * {@code AuthenticationHelper}, Amplify v6's {@code srp} helpers): the 3072-bit group of RFC 5054 with g = 2,
 * k = H(PAD(N) ‖ PAD(g)), x = H(PAD(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)), u = H(PAD(A) ‖ PAD(B)), and a
 * 16-byte HKDF-SHA256 of PAD(S) salted with PAD(u), info "Caldera Derived Key". PAD is the shortest big-endian
 * two's-complement form ({@link BigInteger#toByteArray()}): the clients' {@code padHex} prepends a zero byte exactly
 * when the top bit is set. SHA-256, HMAC (JDK) and HKDF (Bouncy Castle) are library primitives; only this glue is ours,
 * and this class is the one place the user pool computes them.
 */
final class CognitoSrp {

    static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                    + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                    + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                    + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                    + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
                    + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
            16);
    static final BigInteger G = BigInteger.TWO;
    static final BigInteger K = new BigInteger(1, sha256(pad(N), pad(G)));
    private static final byte[] HKDF_INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);

    private CognitoSrp() {
    }

    /** The pool's name in the clients' hashes: the part of the pool id after its '_'. */
    static String poolName(String poolId) {
        return poolId.substring(poolId.indexOf('_') + 1);
    }

    /** x = H(PAD(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)). */
    static BigInteger x(String poolName, String userId, String password, BigInteger salt) {
        byte[] inner = sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, sha256(pad(salt), inner));
    }

    /** The verifier a pool stores instead of the password: v = g^x mod N. */
    static BigInteger verifier(String poolName, String userId, String password, BigInteger salt) {
        return G.modPow(x(poolName, userId, password, salt), N);
    }

    /** B = (k·v + g^b) mod N, the server's public value for secret {@code b}. */
    static BigInteger serverPublic(BigInteger verifier, BigInteger b) {
        return K.multiply(verifier).add(G.modPow(b, N)).mod(N);
    }

    /** Whether the client's A is usable: SRP-6a requires A mod N ≠ 0. */
    static boolean acceptable(BigInteger clientPublic) {
        return clientPublic.signum() > 0 && clientPublic.mod(N).signum() != 0;
    }

    /**
     * The 16-byte key both sides derive: S = (A·v^u)^b mod N on this side. SRP-6a forbids u = 0 (then S would not
     * depend on the verifier, and so not on the password): refused, though a hash is practically never zero.
     */
    static byte[] sharedKey(BigInteger clientPublic, BigInteger serverPublic, BigInteger b, BigInteger verifier) {
        return sharedKeyWithScrambler(clientPublic, u(clientPublic, serverPublic), b, verifier);
    }

    static byte[] sharedKeyWithScrambler(BigInteger clientPublic, BigInteger u, BigInteger b, BigInteger verifier) {
        if (u.signum() == 0) {
            throw new IllegalArgumentException("SRP-6a: the scrambling parameter u must not be zero");
        }
        return key(clientPublic.multiply(verifier.modPow(u, N)).modPow(b, N), u);
    }

    /** u = H(PAD(A) ‖ PAD(B)). */
    static BigInteger u(BigInteger clientPublic, BigInteger serverPublic) {
        return new BigInteger(1, sha256(pad(clientPublic), pad(serverPublic)));
    }

    /** HKDF-SHA256(ikm = PAD(S), salt = PAD(u), info "Caldera Derived Key"), 16 bytes. */
    static byte[] key(BigInteger s, BigInteger u) {
        return hkdf(pad(s), pad(u), HKDF_INFO, 16);
    }

    /** HKDF-SHA256 (RFC 5869, Bouncy Castle): {@code length} bytes from a secret, a salt and a context. */
    static byte[] hkdf(byte[] secret, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** PASSWORD_CLAIM_SIGNATURE as the client computes it: HMAC-SHA256(key, poolName ‖ userId ‖ block ‖ time). */
    static byte[] claimSignature(byte[] key, String poolName, String userId, byte[] secretBlock, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(poolName.getBytes(StandardCharsets.UTF_8));
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update(secretBlock);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] pad(BigInteger value) {
        return value.toByteArray();
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
