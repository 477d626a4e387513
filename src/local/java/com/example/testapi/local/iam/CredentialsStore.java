package com.example.testapi.local.iam;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STS's side of the identity pool: the temporary credentials it issues ({@link #issue}), by access key id: what the gateway and the admin API check signatures
 * against. Expired ones stay a day and are then dropped, so that a long-running local cloud's memory does not grow
 * with every renewal; their session tokens still say they were issued here ({@link SessionTokens}), so a late request
 * hears "expired", not "invalid", however late it comes.
 */
public final class CredentialsStore {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Map<String, IssuedCredentials> byAccessKey = new ConcurrentHashMap<>();
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SessionTokens sessionTokens = new SessionTokens();
    private final SecureRandom random = new SecureRandom();

    /**
     * New temporary credentials for {@code roleArn}, as {@code sts:AssumeRoleWithWebIdentity} answers the identity
     * pool (an {@code ASIA…} key, a secret, a session token naming its expiry), kept until a day after they expire.
     */
    public IssuedCredentials issue(String roleArn, String identityId, String identityPoolId, List<String> amr,
            Instant now, Duration lifetime) {
        StringBuilder accessKeyId = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            accessKeyId.append(UPPER_DIGITS.charAt(random.nextInt(UPPER_DIGITS.length())));
        }
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        Instant expiration = now.plus(lifetime);
        IssuedCredentials issued = new IssuedCredentials(accessKeyId.toString(),
                Base64.getEncoder().encodeToString(secret), sessionTokens.mint(accessKeyId.toString(), expiration),
                expiration, roleArn, identityId, identityPoolId, List.copyOf(amr));
        add(issued, now);
        return issued;
    }

    /** Whether {@code accessKeyId} is no longer kept but {@code sessionToken} shows it was issued here and expired. */
    public boolean issuedAndDropped(String accessKeyId, String sessionToken, Instant now) {
        return !byAccessKey.containsKey(accessKeyId) && sessionTokens.expiredFor(accessKeyId, sessionToken, now);
    }

    private void add(IssuedCredentials credentials, Instant now) {
        byAccessKey.values().removeIf(old -> old.expiration().plus(KEPT_AFTER_EXPIRY).isBefore(now));
        byAccessKey.put(credentials.accessKeyId(), credentials);
    }

    /** How many credentials are kept (for tests of the eviction). */
    public int size() {
        return byAccessKey.size();
    }

    /**
     * Ends every credential issued so far at {@code at}: what the gateway sees when a caller's clock runs behind its
     * own, the caller signing with credentials it believes valid. For tests of a client's renew-and-retry.
     */
    public void expireAll(Instant at) {
        byAccessKey.keySet().forEach(key -> expire(key, at));
    }

    /** Ends one credential at {@code at} (if it would last longer): for tests of the gateway's answer to it. */
    public void expire(String accessKeyId, Instant at) {
        byAccessKey.computeIfPresent(accessKeyId, (key, c) -> c.expiration().isAfter(at) ? new IssuedCredentials(
                c.accessKeyId(), c.secretKey(), c.sessionToken(), at, c.roleArn(), c.identityId(), c.identityPoolId(),
                c.amr()) : c);
    }

    public Optional<IssuedCredentials> byAccessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : byAccessKey.get(accessKeyId));
    }
}
