package com.example.testapi.local.userpool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.testapi.local.state.ShortLived;

/**
 * The codes the pool sends (a password reset, an attribute's verification) and their redemption. Nothing is mailed
 * locally: a code is "delivered" to the local cloud's console and kept in {@link #delivered()} (the last
 * {@link #KEPT_DELIVERIES}), where a test reads it.
 * A code is good once, for an hour, and for five wrong tries; at most {@link #MAX_PENDING} wait at a time.
 */
public final class Outbox {

    /** A code the pool sent: to whom, what for, where (masked, as CodeDeliveryDetails shows it), and the code. */
    public record Delivery(String username, String purpose, String medium, String destination, String code) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int TRIES = 5;
    static final int MAX_PENDING = 10_000;

    /** A code kept a day past its hour, so that a late try hears "expired", not "wrong". */
    private static final Duration KEPT = Duration.ofDays(1);

    private record Pending(String code, Instant expires, int wrongTries) {
    }

    private final Clock clock;
    private final Consumer<String> console;
    private final SecureRandom random = new SecureRandom();
    private final ShortLived<String, Pending> pending;
    private final Mac decoyKey; // guarded by this: a Mac is not thread-safe
    /** The deliveries a test can read: the latest this many; older ones are only in the console. */
    static final int KEPT_DELIVERIES = 1_000;

    // Guarded by itself.
    private final Deque<Delivery> delivered = new ArrayDeque<>();

    Outbox(Clock clock, Consumer<String> console) {
        this.clock = clock;
        this.console = console;
        this.pending = new ShortLived<>(clock, KEPT, MAX_PENDING);
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            this.decoyKey = Mac.getInstance("HmacSHA256");
            decoyKey.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    List<Delivery> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    /** Sends a new code for {@code purpose} to the user's {@code attribute} (email or phone_number). */
    synchronized Delivery send(String username, String purpose, String attribute, String address) {
        Delivery delivery = new Delivery(username, purpose, attribute.equals("email") ? "EMAIL" : "SMS",
                mask(address), String.format("%06d", random.nextInt(1_000_000)));
        if (!pending.put(username + "/" + purpose, new Pending(delivery.code(), clock.instant().plus(LIFETIME), 0))) {
            throw CognitoErrors.tooManyRequests();
        }
        synchronized (delivered) {
            delivered.addLast(delivery);
            if (delivered.size() > KEPT_DELIVERIES) {
                delivered.removeFirst();
            }
        }
        console.accept("code for " + username + " (" + purpose + ", " + delivery.medium() + " to "
                + delivery.destination() + "): " + delivery.code());
        return delivery;
    }

    /**
     * Uses up the code, or throws Cognito's CodeMismatchException, ExpiredCodeException or LimitExceededException.
     * Judged atomically per code (parallel guesses each count), compared in constant time. After five wrong tries the
     * code is used up: every further try, the right code too, hears "Attempt limit exceeded" until a new code is sent
     * (as reported of Cognito: five CodeMismatchException, then LimitExceededException; the manual's ledger).
     */
    synchronized void redeem(String username, String purpose, String code) {
        String key = username + "/" + purpose;
        Pending expected = pending.get(key).orElse(null);
        if (expected == null) {
            throw CognitoErrors.codeMismatch();
        }
        if (!clock.instant().isBefore(expected.expires())) {
            pending.take(key);
            throw CognitoErrors.expiredCode();
        }
        if (expected.wrongTries() >= TRIES) {
            throw CognitoErrors.attemptLimitExceeded();
        }
        if (!sameCode(expected.code(), code)) {
            pending.update(key, p -> new Pending(p.code(), p.expires(), p.wrongTries() + 1));
            throw CognitoErrors.codeMismatch();
        }
        pending.take(key); // the right code, used up
    }

    private static boolean sameCode(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** The CodeDeliveryDetails of an answer. */
    static ObjectNode details(String medium, String destination) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.putObject("CodeDeliveryDetails").put("Destination", destination).put("DeliveryMedium", medium)
                .put("AttributeName", medium.equals("SMS") ? "phone_number" : "email");
        return answer;
    }

    static ObjectNode details(Delivery delivery) {
        return details(delivery.medium(), delivery.destination());
    }

    /**
     * What a name that is no user hears in place of a delivery (PreventUserExistenceErrors): an email destination
     * masked as a real one is ({@code a***@e***}: the name's first character, then a letter), the letter derived from
     * the name with a key made at start, so the same name always hears the same and nothing tells it from a user's.
     */
    synchronized ObjectNode simulatedDelivery(String username) {
        byte[] derived = decoyKey.doFinal(username.getBytes(StandardCharsets.UTF_8));
        char first = username.charAt(0);
        char local = Character.isLetterOrDigit(first) && first < 128 ? Character.toLowerCase(first)
                : (char) ('a' + Math.floorMod(derived[1], 26));
        return details("EMAIL", local + "***@" + (char) ('a' + Math.floorMod(derived[0], 26)) + "***");
    }

    /** a***@e*** for an email, +*******1234 for a phone number, as CodeDeliveryDetails masks them. */
    static String mask(String address) {
        int at = address.indexOf('@');
        return at > 0 && at < address.length() - 1 ? address.charAt(0) + "***@" + address.charAt(at + 1) + "***"
                : "+*******" + address.substring(Math.max(0, address.length() - 4));
    }

}
