package com.example.testapi.local.userpool;

import java.time.Instant;

/**
 * One sign-in, kept by {@link UserTokens} under its {@code origin_jti}: who, through which client, when, until when
 * its refresh token works, what ended it, and the scopes of its access tokens. Its refresh token is
 * {@code ORIGIN_JTI.SECRET}, so a token leads to its sign-in and the secret (compared in constant time) proves it.
 */
record SignIn(String secret, String username, String sub, String clientId, String originJti, Instant authTime,
        Instant expires, boolean revoked, boolean signedOut, String scope) {

    SignIn ended(boolean everywhere) {
        return new SignIn(secret, username, sub, clientId, originJti, authTime, expires, true, signedOut || everywhere,
                scope);
    }

    SignIn scoped(String newScope) {
        return new SignIn(secret, username, sub, clientId, originJti, authTime, expires, revoked, signedOut, newScope);
    }
}
