package com.example.testapi.admin;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.testapi.api.ContractViolationException;
import com.example.testapi.api.JsonContentType;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the /admin bodies strictly, so every refusal names what is wrong, before Cognito is called: a new user
 * {@code {"username", "group"}} and a group change {@code {"group"}} (null or absent: no group).
 */
@ApplicationScoped
public class AdminRequests {

    static final int MAX_BODY_BYTES = 16 * 1024;
    // Cognito's UsernameType: 1 to 128 letters, marks, symbols, numbers or punctuation, no white space.
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
    private static final String[] PASSWORD_CLASSES = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz",
        "23456789", "!#%+-=?@^_"};
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new user: their name and group (null: none). */
    public record NewUser(String username, String group) {
    }

    private final ObjectReader reader;

    public AdminRequests(ObjectMapper mapper) {
        this.reader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public NewUser newUser(byte[] body, String contentType) {
        JsonNode root = object(body, contentType, Set.of("username", "group"));
        JsonNode name = root.get("username");
        if (name == null || !name.isTextual() || !USERNAME.matcher(name.textValue()).matches()) {
            throw invalid("Field 'username' is required: 1 to 128 characters, no spaces.");
        }
        return new NewUser(name.textValue(), group(root));
    }

    /** The group of a group change; null: no group. The field is required: an omitted one is a mistake. */
    public String groupChange(byte[] body, String contentType) {
        JsonNode root = object(body, contentType, Set.of("group"));
        if (!root.has("group")) {
            throw invalid("Field 'group' is required: one of " + UserPoolDirectory.GROUPS + ", or null for no group.");
        }
        return group(root);
    }

    /** A temporary password the pool's policy accepts: 20 random characters of four classes. */
    public static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String from = PASSWORD_CLASSES[i % PASSWORD_CLASSES.length];
            password.append(from.charAt(RANDOM.nextInt(from.length())));
        }
        return password.toString();
    }

    /** A path's user name, checked as Cognito would, so a bad one is a 400 and not a call. */
    public static String username(String name) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw invalid("The user name in the path must be 1 to 128 characters, no spaces.");
        }
        return name;
    }

    private static String group(JsonNode root) {
        JsonNode group = root.get("group");
        if (group == null || group.isNull()) {
            return null;
        }
        if (!group.isTextual() || !UserPoolDirectory.GROUPS.contains(group.textValue())) {
            throw invalid("Field 'group' must be one of " + UserPoolDirectory.GROUPS + " or null.");
        }
        return group.textValue();
    }

    private JsonNode object(byte[] body, String contentType, Set<String> fields) {
        JsonContentType.require(contentType);
        if (body.length > MAX_BODY_BYTES) {
            throw new ContractViolationException(413, "payload_too_large",
                    "The body is " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted.");
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : reader.readTree(body);
        } catch (IOException e) {
            throw ContractViolationException.badRequest("malformed_json", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ContractViolationException.badRequest("invalid_body", "The body must be a JSON object with "
                    + fields + ".");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw invalid("Unknown field '" + name + "': the body takes only " + fields + ".");
            }
        }
        return root;
    }

    private static ContractViolationException invalid(String message) {
        return ContractViolationException.badRequest("invalid_field", message);
    }
}
