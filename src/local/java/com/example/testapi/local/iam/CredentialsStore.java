package com.example.testapi.local.iam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.example.testapi.local.state.ShortLived;

/**
 * STS's side of the identity pool: the temporary credentials it issues ({@link #issue}), by access key id: what the
 * gateway and the admin API check signatures against. Each is kept until it expires and no longer: its session token
 * says when that is and that it was issued here ({@link SessionTokens}), so a late request hears "expired", not
 * "invalid", however late it comes, with nothing kept about it. At most {@link #MAX_LIVE} live at once.
 */
public final class CredentialsStore {

    /** Live credentials at most: far beyond a laptop's users renewing hourly. */
    public static final int MAX_LIVE = 100_000;
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final SessionTokens sessionTokens = new SessionTokens();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final ShortLived<String, IssuedCredentials> byAccessKey;

    /**
     * Kept for the local functions' own roles (the trigger, the administration function): callers of the identity
     * pool may fill the store up to {@code maxLive} less this, so that a flood of GetCredentialsForIdentity never
     * leaves a function without credentials: the token trigger keeps working, and sign-in with it (the identity pool
     * itself refuses new credentials to everyone until the flood's expire, as AWS's own quotas would).
     */
    public static final int RESERVED_FOR_FUNCTIONS = 1_000;

    private final int maxLive;

    public CredentialsStore(Clock clock) {
        this(clock, MAX_LIVE);
    }

    CredentialsStore(Clock clock, int maxLive) {
        this.clock = clock;
        this.maxLive = maxLive;
        // Each entry is dropped at its own expiry (put with it); the store's lifetime is never used.
        this.byAccessKey = new ShortLived<>(clock, Duration.ZERO, maxLive);
    }

    /**
     * Credentials for a caller of the identity pool, as {@link #issue}; empty once the store holds all but
     * {@link #RESERVED_FOR_FUNCTIONS} of what it can.
     */
    public Optional<IssuedCredentials> issueForIdentity(String roleArn, String identityId, String identityPoolId,
            List<String> amr, Duration lifetime) {
        synchronized (byAccessKey) {
            if (byAccessKey.sizeAfterSweep() >= maxLive - Math.min(RESERVED_FOR_FUNCTIONS, maxLive / 10)) {
                return Optional.empty();
            }
            return issue(roleArn, identityId, identityPoolId, amr, lifetime);
        }
    }

    /**
     * New temporary credentials for {@code roleArn}, as {@code sts:AssumeRoleWithWebIdentity} answers the identity
     * pool (an {@code ASIA…} key, a secret, a session token naming its expiry); empty when {@link #MAX_LIVE} are live.
     */
    public Optional<IssuedCredentials> issue(String roleArn, String identityId, String identityPoolId,
            List<String> amr, Duration lifetime) {
        StringBuilder accessKeyId = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            accessKeyId.append(UPPER_DIGITS.charAt(random.nextInt(UPPER_DIGITS.length())));
        }
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        Instant expiration = clock.instant().plus(lifetime);
        IssuedCredentials issued = new IssuedCredentials(accessKeyId.toString(),
                Base64.getEncoder().encodeToString(secret), sessionTokens.mint(accessKeyId.toString(), expiration),
                expiration, roleArn, identityId, identityPoolId, List.copyOf(amr));
        return byAccessKey.put(issued.accessKeyId(), issued, expiration) ? Optional.of(issued) : Optional.empty();
    }

    /** Whether {@code accessKeyId} is no longer kept but {@code sessionToken} shows it was issued here and expired. */
    public boolean issuedAndDropped(String accessKeyId, String sessionToken, Instant now) {
        return byAccessKey(accessKeyId).isEmpty() && sessionTokens.expiredFor(accessKeyId, sessionToken, now);
    }

    /** How many credentials are kept, expired ones not yet swept included (for tests of the eviction). */
    public int size() {
        return byAccessKey.size();
    }

    /**
     * Ends every credential issued so far at {@code at}: what the gateway sees when a caller's clock runs behind its
     * own, the caller signing with credentials it believes valid. For tests of a client's renew-and-retry.
     */
    public void expireAll(Instant at) {
        byAccessKey.values().forEach(c -> expire(c.accessKeyId(), at));
    }

    /**
     * Ends one credential at {@code at} (if it would last longer): for tests of the gateway's answer to it. It stays
     * kept until its session token's own expiry, so that it is still told "expired", not "invalid".
     */
    public void expire(String accessKeyId, Instant at) {
        byAccessKey.update(accessKeyId, c -> c.expiration().isAfter(at) ? new IssuedCredentials(c.accessKeyId(),
                c.secretKey(), c.sessionToken(), at, c.roleArn(), c.identityId(), c.identityPoolId(), c.amr()) : c);
    }

    public Optional<IssuedCredentials> byAccessKey(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : byAccessKey.get(accessKeyId);
    }
}
