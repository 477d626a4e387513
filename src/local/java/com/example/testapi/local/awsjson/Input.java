package com.example.testapi.local.awsjson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An operation's request, checked against the service model before the operation sees it ({@link #check}): every
 * required member is there, every value has the model's JSON type, length, range, pattern and enum. So an operation
 * reads its members without defaults of its own: a required string is never null or empty, a number is a number.
 * Members the model leaves optional read as null (or the fallback given) when absent.
 */
public final class Input {

    private final ObjectNode json;

    private Input(ObjectNode json) {
        this.json = json;
    }

    /** {@code body} as {@code operation}'s input, or the {@link AwsError} AWS answers it with. */
    public static Input check(ServiceModel model, String operation, ObjectNode body) {
        InputCheck.check(model, operation, body);
        return new Input(body);
    }

    /**
     * {@code value} (e.g. a USERNAME inside AuthParameters) checked against the model's {@code shapeName}, so that
     * nothing longer than the service takes is ever kept; null is left for the operation to refuse.
     */
    public static String checked(ServiceModel model, String operation, String shapeName, String value,
            String path) {
        if (value != null) {
            InputCheck.checkString(model, operation, shapeName, value, path);
        }
        return value;
    }

    /** A string member; null when absent. */
    public String text(String member) {
        JsonNode value = json.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    public String text(String member, String fallback) {
        String value = text(member);
        return value == null ? fallback : value;
    }

    public int integer(String member, int fallback) {
        JsonNode value = json.get(member);
        return value == null || value.isNull() ? fallback : value.asInt();
    }

    public boolean bool(String member, boolean fallback) {
        JsonNode value = json.get(member);
        return value == null || value.isNull() ? fallback : value.asBoolean();
    }

    /** A map of strings (e.g. AuthParameters), in the sent order, without null values; empty when absent. */
    public Map<String, String> map(String member) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = json.get(member);
        if (value != null && value.isObject()) {
            value.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    map.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return Collections.unmodifiableMap(map);
    }

    /** A structure member (e.g. SoftwareTokenMfaSettings) read as an input of its own; empty when absent. */
    public java.util.Optional<Input> structure(String member) {
        return json.get(member) instanceof ObjectNode object ? java.util.Optional.of(new Input(object))
                : java.util.Optional.empty();
    }

    /** A list of structures (e.g. UserAttributes), each read as an input of its own; empty when absent. */
    public List<Input> list(String member) {
        List<Input> list = new ArrayList<>();
        JsonNode value = json.get(member);
        if (value != null && value.isArray()) {
            value.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    list.add(new Input(object));
                }
            });
        }
        return List.copyOf(list);
    }
}
