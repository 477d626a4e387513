package com.example.testapi.api;

import java.util.Set;

import jakarta.ws.rs.core.MediaType;

/**
 * Which {@code Content-Type} a POST body may carry. The body is always read as JSON; the type is accepted when it
 * declares JSON ({@code application/json} or a {@code +json} type) or is one a browser or axios puts on a string body
 * sent without a type of its own: none, {@code text/plain}, {@code application/x-www-form-urlencoded} (the Amplify
 * page of the original write-up sends exactly that). Anything else says the body is not JSON: 415.
 */
public final class JsonContentType {

    private static final Set<String> STRING_BODY_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded");

    private JsonContentType() {
    }

    public static void require(String contentType) {
        if (!acceptable(contentType)) {
            throw new ContractViolationException(415, "unsupported_media_type", "Content-Type must be application/json"
                    + " (text/plain, application/x-www-form-urlencoded or none are read as JSON too); got '"
                    + contentType + "'.");
        }
    }

    private static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            String subtype = type.getSubtype().toLowerCase();
            String name = type.getType().toLowerCase() + "/" + subtype;
            return name.equals("application/json") || (type.getType().equalsIgnoreCase("application")
                    && subtype.endsWith("+json")) || STRING_BODY_TYPES.contains(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
