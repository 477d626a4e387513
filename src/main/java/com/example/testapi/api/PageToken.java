package com.example.testapi.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.example.testapi.items.ItemIds;

/**
 * The opaque {@code nextToken}: the last listed item's id, versioned and base64url-encoded. Decoding accepts only a
 * well-formed token naming a UUIDv7 id, so a token cannot be bent into anything but a position in the same listing.
 */
public final class PageToken {

    private static final String PREFIX = "i1:";

    private PageToken() {
    }

    public static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<String> decode(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX) || !ItemIds.isValid(text.substring(PREFIX.length()))
                || !encode(text.substring(PREFIX.length())).equals(token)) {
            throw invalid();
        }
        return Optional.of(text.substring(PREFIX.length()));
    }

    private static ContractViolationException invalid() {
        return ContractViolationException.badRequest("invalid_next_token",
                "Query parameter 'nextToken' is malformed or was altered: pass the value of the previous response as is.");
    }
}
