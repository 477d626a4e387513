package com.example.testapi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.example.testapi.items.Item;
import com.example.testapi.items.ItemStore;
import com.example.testapi.items.Page;
import com.fasterxml.jackson.databind.JsonNode;

/** Assertions shared by the contract tests. */
public final class Answers {

    private Answers() {
    }

    /** The contract's error shape: exactly {error, message}, JSON content type, nothing that looks like a trace. */
    public static JsonNode assertError(LambdaResponse response, int status, String code) {
        assertEquals(status, response.status(), () -> "status of " + response);
        assertTrue(response.header("content-type").startsWith("application/json"), () -> "JSON type: " + response);
        JsonNode body = response.json();
        assertEquals(code, body.path("error").asText(), () -> "error code of " + response.body());
        assertEquals(2, body.size(), () -> "only error and message: " + response.body());
        String message = body.path("message").asText();
        assertFalse(message.isBlank(), "a human message");
        assertFalse(message.matches("(?s).*(\\bat [a-z]+\\.|Exception|\\.java:).*"), () -> "no trace: " + message);
        return body;
    }

    /** Every item in the store, newest first, by walking its pages. */
    public static List<Item> allItems(ItemStore store) {
        List<Item> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page page = store.list(100, after);
            all.addAll(page.items());
            after = page.lastId();
        } while (after.isPresent());
        return all;
    }
}
