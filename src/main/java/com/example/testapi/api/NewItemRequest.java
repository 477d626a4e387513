package com.example.testapi.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the POST /test body {@code {"message": "..."}} strictly, so every refusal can name what is wrong: malformed
 * JSON, a non-object, a missing, mistyped, empty or too long message, or a field the contract does not know.
 */
@ApplicationScoped
public class NewItemRequest {

    static final int MAX_MESSAGE_CHARS = 1000;
    private static final String FIELD = "message";

    private final ObjectReader reader;

    public NewItemRequest(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The validated message, or an {@link ContractViolationException} with status 400. */
    public String message(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw ContractViolationException.badRequest("malformed_json", "The body is not valid JSON: "
                    + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw ContractViolationException.badRequest("malformed_json", "The body could not be read as JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ContractViolationException.badRequest("invalid_body", "The body must be a JSON object like {\"message\": \"…\"}.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELD.equals(name)) {
                throw invalidField("Unknown field '" + name + "': the body takes only 'message'.");
            }
        }
        JsonNode message = root.get(FIELD);
        if (message == null || message.isNull()) {
            throw invalidField("Field 'message' is required.");
        }
        if (!message.isTextual()) {
            throw invalidField("Field 'message' must be a string.");
        }
        String text = message.textValue();
        // JSON escapes can spell half a surrogate pair ("\ud800"): not Unicode text, so it has no UTF-8 form and
        // DynamoDB would store something else than what was acknowledged.
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            throw invalidField("Field 'message' must be Unicode text: it holds an unpaired surrogate escape.");
        }
        int chars = text.codePointCount(0, text.length());
        if (text.isBlank() || chars > MAX_MESSAGE_CHARS) {
            throw invalidField("Field 'message' must be 1 to " + MAX_MESSAGE_CHARS
                    + " characters and not only white space (got " + chars + ").");
        }
        return text;
    }

    private static ContractViolationException invalidField(String message) {
        return ContractViolationException.badRequest("invalid_field", message);
    }
}
