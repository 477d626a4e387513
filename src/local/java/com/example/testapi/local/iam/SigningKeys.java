package com.example.testapi.local.iam;

import java.time.Instant;
import java.util.Optional;


/**
 * Which keys exist, as STS and IAM know them: the one {@link AdministratorKey}, the identity pool's live
 * credentials, and, told apart from keys never issued, the identity pool's credentials that expired and were dropped.
 */
public final class SigningKeys {

    /** What is known of an access key id (and the session token sent with it). */
    public sealed interface Lookup {
    }

    /** A key to check the signature against. */
    public record Known(SigningKey key) implements Lookup {
    }

    /** Issued here once, expired and dropped since: AWS's {@code ExpiredTokenException}. */
    public record Expired() implements Lookup {
    }

    /** Never issued here: AWS's {@code UnrecognizedClientException}. */
    public record Unknown() implements Lookup {
    }

    private final CredentialsStore credentials;

    public SigningKeys(CredentialsStore credentials) {
        this.credentials = credentials;
    }

    /** What is known of {@code accessKeyId}, sent with {@code sessionToken}, at {@code now}. */
    public Lookup lookup(String accessKeyId, String sessionToken, Instant now) {
        if (AdministratorKey.ACCESS_KEY_ID.equals(accessKeyId)) {
            return new Known(AdministratorKey.signingKey());
        }
        Optional<SigningKey> live = credentials.byAccessKey(accessKeyId).map(SigningKey::of);
        if (live.isPresent()) {
            return new Known(live.get());
        }
        return credentials.issuedAndDropped(accessKeyId, sessionToken, now) ? new Expired() : new Unknown();
    }
}
