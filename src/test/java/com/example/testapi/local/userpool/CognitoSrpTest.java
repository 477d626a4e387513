package com.example.testapi.local.userpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server side of Cognito's SRP against values an independent client computed: src/test/srp/vectors.json, made by
 * amazon-cognito-identity-js's own AuthenticationHelper (src/test/srp/make-vectors.js) for fixed a, b, salts and
 * times. A salt with its top bit set and a non-ASCII password are among the cases, since both change the padding
 * and encoding a wrong implementation gets wrong.
 */
class CognitoSrpTest {

    private static final JsonNode VECTORS = read();

    static List<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        VECTORS.get("cases").forEach(cases::add);
        return cases;
    }

    @Test
    void theGroupIsTheClientsGroup() {
        assertEquals(new BigInteger(VECTORS.get("N").asText(), 16), CognitoSrp.N);
        assertEquals(new BigInteger(cases().get(0).get("kHex").asText(), 16), CognitoSrp.K);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theServerDerivesTheClientsKeyAndAcceptsItsClaim(JsonNode vector) {
        String poolName = CognitoSrp.poolName(vector.get("poolId").asText());
        String userId = vector.get("userIdForSrp").asText();
        BigInteger salt = hex(vector, "saltHex");

        BigInteger verifier = CognitoSrp.verifier(poolName, userId, vector.get("password").asText(), salt);
        assertEquals(hex(vector, "verifierHex"), verifier, "v = g^x");
        BigInteger serverPublic = CognitoSrp.serverPublic(verifier, hex(vector, "bHex"));
        assertEquals(hex(vector, "BHex"), serverPublic, "B = k·v + g^b");

        byte[] key = CognitoSrp.sharedKey(hex(vector, "AHex"), serverPublic, hex(vector, "bHex"), verifier);
        assertEquals(vector.get("hkdfKeyHex").asText(), HexFormat.of().formatHex(key), "the client's HKDF key");
        byte[] claim = CognitoSrp.claimSignature(key, poolName, userId,
                Base64.getDecoder().decode(vector.get("secretBlock").asText()), vector.get("timestamp").asText());
        assertEquals(vector.get("signature").asText(), Base64.getEncoder().encodeToString(claim));
    }

    @Test
    void aClaimMadeWithAnotherPasswordDoesNotVerify() {
        JsonNode wrong = VECTORS.get("wrongPassword");
        String poolName = CognitoSrp.poolName(wrong.get("poolId").asText());
        BigInteger verifier = CognitoSrp.verifier(poolName, wrong.get("userIdForSrp").asText(),
                wrong.get("password").asText(), hex(wrong, "saltHex"));
        byte[] key = CognitoSrp.sharedKey(hex(wrong, "AHex"), hex(wrong, "BHex"), hex(wrong, "bHex"), verifier);
        byte[] expected = CognitoSrp.claimSignature(key, poolName, wrong.get("userIdForSrp").asText(),
                Base64.getDecoder().decode(wrong.get("secretBlock").asText()), wrong.get("timestamp").asText());
        assertFalse(Base64.getEncoder().encodeToString(expected).equals(wrong.get("signature").asText()));
    }

    /** TIMESTAMP as the client wrote it in each vector is accepted; a padded day or a wrong weekday is not. */
    @Test
    void timestampsAreReadAsTheClientsWriteThem() {
        cases().forEach(vector -> assertEquals(true, SrpSignIn.wellFormed(vector.get("timestamp").asText()),
                vector.get("timestamp").asText()));
        assertFalse(SrpSignIn.wellFormed("Sun Mar 01 09:05:07 UTC 2026"), "day zero-padded");
        assertFalse(SrpSignIn.wellFormed("Mon Mar 1 09:05:07 UTC 2026"), "wrong weekday");
        assertFalse(SrpSignIn.wellFormed("2026-03-01T09:05:07Z"));
    }

    @Test
    void storedPasswordsMatchOnlyTheirPassword() {
        StoredPassword stored = StoredPassword.of("AbCdEfGhI", "alice", "Correct-Horse-9!");
        assertEquals(true, stored.matches("AbCdEfGhI", "alice", "Correct-Horse-9!"));
        assertFalse(stored.matches("AbCdEfGhI", "alice", "Correct-Horse-9?"));
        assertFalse(stored.matches("AbCdEfGhI", "alicE", "Correct-Horse-9!"), "the user is in the hash");
        assertFalse(stored.matches("AbCdEfGhI", "alice", null));
        assertFalse(StoredPassword.of("AbCdEfGhI", "alice", "Correct-Horse-9!").salt().equals(stored.salt()),
                "a fresh salt each time");
    }

    private static BigInteger hex(JsonNode vector, String field) {
        return new BigInteger(vector.get(field).asText(), 16);
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Path.of("src/test/srp/vectors.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
