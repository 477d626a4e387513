package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.testapi.local.awsjson.AwsError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * USER_SRP_AUTH's two steps. {@code InitiateAuth} with SRP_A gets the PASSWORD_VERIFIER challenge (SALT, SRP_B,
 * SECRET_BLOCK, USERNAME, USER_ID_FOR_SRP); {@code RespondToAuthChallenge} then proves the password with
 * PASSWORD_CLAIM_SIGNATURE over the pool, the user, the secret block and TIMESTAMP ({@link CognitoSrp}). The secret
 * block names this server's half of the exchange (b, B, A), kept for a few minutes and usable once.
 */
final class SrpSignIn {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration LIFETIME = Duration.ofMinutes(3);

    private record Exchange(String username, String clientId, BigInteger a, BigInteger b, BigInteger serverPublic,
            Instant expires) {
    }

    private final String poolName;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();

    SrpSignIn(String poolId, Clock clock) {
        this.poolName = CognitoSrp.poolName(poolId);
        this.clock = clock;
    }

    /** The PASSWORD_VERIFIER challenge for {@code user}, or null for an unknown user (made up, as Cognito does). */
    ObjectNode challenge(PoolUser user, String username, String clientId, String srpA) {
        BigInteger clientPublic = hex(srpA);
        if (clientPublic == null || !CognitoSrp.acceptable(clientPublic)) {
            throw new AwsError("InvalidParameterException", "SRP_A is not a valid SRP value.");
        }
        // An unknown user gets a challenge all the same (a random salt and verifier), so the answer does not tell
        // which usernames exist; the claim then fails like a wrong password.
        StoredPassword secret = user != null ? user.password
                : StoredPassword.of(poolName, username, token(32));
        BigInteger b = new BigInteger(1, randomBytes(128));
        BigInteger serverPublic = CognitoSrp.serverPublic(secret.verifier(), b);
        byte[] block = randomBytes(64);
        String secretBlock = Base64.getEncoder().encodeToString(block);
        exchanges.put(secretBlock, new Exchange(username, clientId, clientPublic, b, serverPublic,
                clock.instant().plus(LIFETIME)));
        ObjectNode answer = MAPPER.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER");
        answer.putObject("ChallengeParameters").put("SALT", secret.salt().toString(16))
                .put("SECRET_BLOCK", secretBlock).put("SRP_B", serverPublic.toString(16))
                .put("USERNAME", username).put("USER_ID_FOR_SRP", username);
        return answer;
    }

    /**
     * The username whose password the PASSWORD_VERIFIER responses prove; {@code NotAuthorizedException} (the same one
     * a wrong USER_PASSWORD_AUTH password gets) when the claim does not verify.
     */
    String verify(ObjectNode responses, String clientId, java.util.function.Function<String, PoolUser> users,
            String wrongCredentials) {
        String secretBlock = responses.path("PASSWORD_CLAIM_SECRET_BLOCK").asText("");
        Exchange exchange = exchanges.remove(secretBlock); // usable once, right or wrong
        if (exchange == null || !exchange.clientId().equals(clientId)
                || !clock.instant().isBefore(exchange.expires())) {
            throw new AwsError("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        String username = responses.path("USERNAME").asText("");
        String timestamp = responses.path("TIMESTAMP").asText("");
        byte[] claimed = base64(responses.path("PASSWORD_CLAIM_SIGNATURE").asText(""));
        PoolUser user = users.apply(exchange.username());
        if (user == null || !username.equals(exchange.username()) || claimed == null || timestamp.isEmpty()) {
            throw new AwsError("NotAuthorizedException", wrongCredentials);
        }
        byte[] key = CognitoSrp.sharedKey(exchange.a(), exchange.serverPublic(), exchange.b(),
                user.password.verifier());
        byte[] expected = CognitoSrp.claimSignature(key, poolName, username, Base64.getDecoder().decode(secretBlock),
                timestamp);
        if (!MessageDigest.isEqual(expected, claimed)) {
            throw new AwsError("NotAuthorizedException", wrongCredentials);
        }
        return username;
    }

    private static BigInteger hex(String value) {
        try {
            return value == null || value.isEmpty() ? null : new BigInteger(value, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String token(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }
}
