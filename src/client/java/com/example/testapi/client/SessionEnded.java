package com.example.testapi.client;

/**
 * The sign-in cannot be renewed any more: the refresh token was revoked or expired, the user was deleted or disabled,
 * or the identity pool no longer accepts the ID token. AWS does not document which error each case gives, so every
 * refusal of a renewal ends the session the same way: sign in again. The service's own words are kept as the cause.
 */
public final class SessionEnded extends RuntimeException {

    public SessionEnded(String operation, RuntimeException cause) {
        super("the session has ended (" + operation + " was refused: " + cause.getMessage() + "); sign in again",
                cause);
    }
}
