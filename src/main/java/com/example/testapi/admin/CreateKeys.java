package com.example.testapi.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key}s of user creations: a key is claimed for one request (its user name and group) before
 * the user is created, so that a retry of the same request is answered as a replay, and the same key with another
 * request is refused. The record holds no password: a replay answers the user, not the temporary password.
 */
public interface CreateKeys {

    /** What claiming a key found. */
    enum State {
        /** The key is now this request's: create the user. */
        NEW,
        /** The key was claimed before by the same request: answer a replay (or wait for the first to finish). */
        SAME_REQUEST,
        /** The key was claimed before by another request: refuse. */
        OTHER_REQUEST
    }

    /**
     * A claim: its state; for {@code NEW}, the token only this claim holds (to give the key back); for
     * {@code SAME_REQUEST}, how long ago the first claim was made.
     */
    record Claim(State state, String owner, Duration age) {
    }

    /** Claims {@code scopedKey} (caller-scoped, {@code IdempotencyKey}) for {@code request}. */
    Claim claim(String scopedKey, String request);

    /** Gives a key back after its creation failed, if {@code owner}'s claim still holds it (never another's). */
    void release(String scopedKey, String owner);

    /** A request's fingerprint: the user name and the group, nothing secret. */
    static String fingerprint(String username, String group) {
        return sha256(username + "\n" + group);
    }

    /** Hashing keeps the record's key short and free of the caller's characters; it is no secret. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
