package com.example.testapi.local.userpool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.example.testapi.local.state.ShortLived;
import com.sun.net.httpserver.HttpExchange;

/**
 * The hosted UI's session, kept in a cookie as Cognito's managed login keeps it: after a sign-in on its pages, an
 * authorization request from the same browser is answered without the form (and without the code of a user whose
 * TOTP is on) for an hour. {@code /logout} ends it; {@code GlobalSignOut} does not (AWS: it revokes tokens, not the
 * managed login's session). So a session opened with the password alone outlives an enrolment, which is why the
 * hosted UI's tokens never carry Admins (docs/mfa.md, "One sign-in, one hour").
 */
final class HostedUiSessions {

    static final String COOKIE = "cognito";
    /** The managed login's session lifetime: an hour (Cognito's "managed login" session, not configurable here). */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** Sessions kept at most; full, the oldest goes (its browser sees the form again). */
    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final ShortLived<String, String> usernames;

    HostedUiSessions(Clock clock) {
        this.usernames = ShortLived.evictingOldest(clock, LIFETIME, MAX_SESSIONS);
    }

    /** A new session for {@code username}: its cookie on the answer. */
    void open(HttpExchange exchange, String username) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        usernames.put(value, username);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age="
                + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Lax");
    }

    /** The user of the request's session, while it lasts. */
    Optional<String> user(HttpExchange exchange) {
        return cookie(exchange).flatMap(usernames::get);
    }

    /** Ends the request's session, and tells the browser to forget its cookie. */
    void end(HttpExchange exchange) {
        cookie(exchange).ifPresent(usernames::take);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    private static Optional<String> cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return headers.stream().flatMap(h -> List.of(h.split(";")).stream()).map(String::strip)
                .filter(c -> c.startsWith(COOKIE + "=")).map(c -> c.substring(COOKIE.length() + 1))
                .filter(v -> !v.isEmpty()).findFirst();
    }
}
