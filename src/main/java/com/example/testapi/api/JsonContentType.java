package com.example.testapi.api;

import jakarta.ws.rs.core.MediaType;

/** POST bodies must be declared JSON: {@code application/json} or a {@code +json} type, any parameters. */
final class JsonContentType {

    private JsonContentType() {
    }

    static void require(String contentType) {
        if (!isJson(contentType)) {
            throw new ContractViolationException(415, "unsupported_media_type",
                    "Content-Type must be application/json (got " + (contentType == null ? "none" : "'" + contentType + "'")
                            + ").");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType())
                    && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
