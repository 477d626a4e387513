package com.example.testapi.local.awsjson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a request body against its operation's input shape, as AWS's front end does before an operation runs. A
 * value of the wrong JSON type stops the read at once ({@code SerializationException}, as the protocol's
 * deserializer does); every broken constraint is then listed in one {@code InvalidParameterException}, in AWS's form:
 * "2 validation errors detected: Value 'x' at 'limit' failed to satisfy constraint: Member must have value less than
 * or equal to 60; Value at 'username' failed …". A sensitive member's value is never repeated (its "Value at"
 * has no value), as AWS keeps passwords and usernames out of its messages. Members the model does not know are
 * ignored, and JSON null counts as absent, as the SDKs send both.
 */
final class InputCheck {

    private final ServiceModel model;
    private final List<String> violations = new ArrayList<>();

    private InputCheck(ServiceModel model) {
        this.model = model;
    }

    static void check(ServiceModel model, String operation, JsonNode body) {
        InputCheck check = new InputCheck(model);
        check.structure(model.inputShape(operation), body, "", false);
        check.refuseIfBroken(operation);
    }

    private void refuseIfBroken(String operation) {
        int count = violations.size();
        if (count > 0) {
            throw new AwsError(model.validationError(operation), count + " validation error" + (count == 1 ? "" : "s")
                    + " detected: " + String.join("; ", violations));
        }
    }

    /**
     * One string checked against a named shape of the model (e.g. {@code UsernameType} for AuthParameters' USERNAME,
     * which the model leaves a plain map value), answered as {@code operation}'s own members are.
     */
    static void checkString(ServiceModel model, String operation, String shapeName, String value, String path) {
        InputCheck check = new InputCheck(model);
        JsonNode shape = model.shape(shapeName);
        check.string(shape, value, path, shape.path("sensitive").asBoolean(false));
        check.refuseIfBroken(operation);
    }

    private void structure(JsonNode shape, JsonNode value, String path, boolean sensitive) {
        if (!value.isObject()) {
            throw unexpected(value, "a structure");
        }
        Set<String> required = new HashSet<>();
        shape.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> members = shape.path("members").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            String memberPath = (path.isEmpty() ? "" : path + ".") + Character.toLowerCase(name.charAt(0))
                    + name.substring(1);
            JsonNode target = model.shape(member.getValue().path("shape").asText());
            boolean hidden = sensitive || target.path("sensitive").asBoolean(false);
            JsonNode given = value.get(name);
            if (given == null || given.isNull()) {
                if (required.contains(name)) {
                    violation(memberPath, hidden ? null : "null", "Member must not be null");
                }
                continue;
            }
            value(target, given, memberPath, hidden);
        }
    }

    private void value(JsonNode shape, JsonNode value, String path, boolean sensitive) {
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, value, path, sensitive);
            case "list" -> {
                if (!value.isArray()) {
                    throw unexpected(value, "a list");
                }
                size(shape, value.size(), path, sensitive ? null : "'[...]'");
                JsonNode member = model.shape(shape.path("member").path("shape").asText());
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isNull()) {
                        value(member, value.get(i), path + "." + (i + 1) + ".member", sensitive);
                    }
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    throw unexpected(value, "a map");
                }
                size(shape, value.size(), path, sensitive ? null : "'{...}'");
                JsonNode key = model.shape(shape.path("key").path("shape").asText());
                JsonNode entry = model.shape(shape.path("value").path("shape").asText());
                value.fields().forEachRemaining(e -> {
                    string(key, e.getKey(), path, sensitive);
                    if (!e.getValue().isNull()) { // Amplify v5 sends "DEVICE_KEY": null in AuthParameters
                        value(entry, e.getValue(), path, sensitive);
                    }
                });
            }
            case "string" -> {
                if (!value.isTextual()) {
                    throw unexpected(value, "a String");
                }
                string(shape, value.asText(), path, sensitive);
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    throw unexpected(value, "an Integer");
                }
                range(shape, value.asLong(), path, sensitive);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    throw unexpected(value, "a Boolean");
                }
            }
            case "timestamp", "double", "float" -> {
                if (!value.isNumber()) {
                    throw unexpected(value, "a Number");
                }
            }
            case "blob" -> {
                if (!value.isTextual()) {
                    throw unexpected(value, "a Blob");
                }
            }
            default -> throw new IllegalStateException("a shape of type " + shape.path("type") + " at " + path);
        }
    }

    /**
     * Pattern, length (in characters, as Unicode code points) and enum, each broken one reported, in the order AWS
     * reports an empty username: "Value at 'username' failed … pattern …; Value at 'username' failed … length …".
     */
    private void string(JsonNode shape, String text, String path, boolean sensitive) {
        String shown = sensitive ? null : "'" + text + "'";
        if (shape.has("pattern") && !model.pattern(shape.path("pattern").asText()).matcher(text).matches()) {
            violation(path, shown, "Member must satisfy regular expression pattern: " + shape.path("pattern").asText());
        }
        size(shape, text.codePointCount(0, text.length()), path, shown);
        if (shape.has("enum")) {
            List<String> values = new ArrayList<>();
            shape.path("enum").forEach(v -> values.add(v.asText()));
            if (!values.contains(text)) {
                violation(path, shown, "Member must satisfy enum value set: " + values);
            }
        }
    }

    /** Reports a broken length or size bound. */
    private void size(JsonNode shape, long size, String path, String shown) {
        if (shape.has("min") && size < shape.path("min").asLong()) {
            violation(path, shown, "Member must have length greater than or equal to " + shape.path("min").asLong());
        }
        if (shape.has("max") && size > shape.path("max").asLong()) {
            violation(path, shown, "Member must have length less than or equal to " + shape.path("max").asLong());
        }
    }

    private void range(JsonNode shape, long number, String path, boolean sensitive) {
        String shown = sensitive ? null : "'" + number + "'";
        if (shape.has("min") && number < shape.path("min").asLong()) {
            violation(path, shown, "Member must have value greater than or equal to " + shape.path("min").asLong());
        } else if (shape.has("max") && number > shape.path("max").asLong()) {
            violation(path, shown, "Member must have value less than or equal to " + shape.path("max").asLong());
        }
    }

    private void violation(String path, String shown, String constraint) {
        violations.add("Value " + (shown == null ? "" : shown + " ") + "at '" + path + "' failed to satisfy constraint: "
                + constraint);
    }

    /** The deserializer's words for a JSON value of another type than the model's. */
    private static AwsError unexpected(JsonNode value, String expected) {
        String message = value.isObject() ? "Start of structure or map found where not expected."
                : value.isArray() ? "Start of list found where not expected."
                : value.getNodeType().name().toUpperCase(Locale.ROOT) + "_VALUE can not be converted to " + expected;
        return AwsError.serialization(message);
    }
}
