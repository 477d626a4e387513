package com.example.testapi.local.userpool;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The client's half of USER_SRP_AUTH, as amazon-cognito-identity-js computes it (CognitoSrpTest pins the shared
 * formulas to that library's own values): for tests that drive the local pool through the AWS SDK, which has no SRP.
 */
final class SrpClient {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US);

    private final BigInteger a = new BigInteger(1, new SecureRandom().generateSeed(128));
    final BigInteger clientPublic = CognitoSrp.G.modPow(a, CognitoSrp.N);

    String srpA() {
        return clientPublic.toString(16);
    }

    /** PASSWORD_VERIFIER's ChallengeResponses for the challenge's parameters and {@code password}. */
    Map<String, String> respond(String poolId, Map<String, String> challenge, String password) {
        return respond(poolId, challenge, password, TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    /** The same, claiming {@code timestamp} (signed as given). */
    Map<String, String> respond(String poolId, Map<String, String> challenge, String password, String timestamp) {
        String poolName = CognitoSrp.poolName(poolId);
        String userId = challenge.get("USER_ID_FOR_SRP");
        BigInteger serverPublic = new BigInteger(challenge.get("SRP_B"), 16);
        BigInteger u = CognitoSrp.u(clientPublic, serverPublic);
        BigInteger x = CognitoSrp.x(poolName, userId, password, new BigInteger(challenge.get("SALT"), 16));
        BigInteger base = serverPublic.subtract(CognitoSrp.K.multiply(CognitoSrp.G.modPow(x, CognitoSrp.N)))
                .mod(CognitoSrp.N);
        byte[] key = CognitoSrp.key(base.modPow(a.add(u.multiply(x)), CognitoSrp.N), u);
        byte[] claim = CognitoSrp.claimSignature(key, poolName, userId,
                Base64.getDecoder().decode(challenge.get("SECRET_BLOCK")), timestamp);
        return Map.of("USERNAME", userId, "PASSWORD_CLAIM_SECRET_BLOCK", challenge.get("SECRET_BLOCK"),
                "TIMESTAMP", timestamp, "PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(claim));
    }
}
