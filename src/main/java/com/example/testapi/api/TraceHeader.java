package com.example.testapi.api;

import java.util.Optional;

/** The X-Ray trace id in a trace header such as {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=…;Sampled=1}. */
final class TraceHeader {

    private TraceHeader() {
    }

    static Optional<String> rootOf(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String field = part.strip();
            if (field.startsWith("Root=") && field.length() > "Root=".length()) {
                return Optional.of(field.substring("Root=".length()));
            }
        }
        return Optional.empty();
    }
}
