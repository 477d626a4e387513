package com.example.testapi.local.awsjson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks an answer against its operation's output shape in the vendored service model before it is sent: every
 * member is one the model names, of the model's JSON type, its required members present, its strings within the
 * model's enums. An answer that breaks the model is the local cloud's own bug: it is refused here, loudly, rather
 * than sent to a client whose SDK would read it otherwise than a real one. (Lengths and patterns are the service's
 * promise about its data, not the wire's shape, and are not checked.)
 */
final class OutputCheck {

    private final ServiceModel model;
    private final List<String> problems = new ArrayList<>();

    private OutputCheck(ServiceModel model) {
        this.model = model;
    }

    /** The broken rules of {@code answer} for {@code operation}, none when it matches the model. */
    static List<String> problems(ServiceModel model, String operation, JsonNode answer) {
        OutputCheck check = new OutputCheck(model);
        JsonNode shape = model.outputShape(operation);
        if (shape == null) {
            if (!answer.isObject() || answer.size() > 0) {
                check.problems.add("the model's " + operation + " answers nothing, not " + answer);
            }
        } else {
            check.value(shape, answer, operation);
        }
        return List.copyOf(check.problems);
    }

    private void value(JsonNode shape, JsonNode value, String path) {
        String type = shape.path("type").asText();
        boolean right = switch (type) {
            case "structure", "map" -> value.isObject();
            case "list" -> value.isArray();
            case "string", "blob" -> value.isTextual();
            case "integer", "long" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "timestamp", "double", "float" -> value.isNumber();
            default -> false;
        };
        if (!right) {
            problems.add(path + " is " + value.getNodeType() + ", the model's " + type);
            return;
        }
        switch (type) {
            case "structure" -> structure(shape, value, path);
            case "list" -> {
                JsonNode member = model.shape(shape.path("member").path("shape").asText());
                for (int i = 0; i < value.size(); i++) {
                    value(member, value.get(i), path + "[" + i + "]");
                }
            }
            case "map" -> {
                JsonNode entry = model.shape(shape.path("value").path("shape").asText());
                value.fields().forEachRemaining(e -> value(entry, e.getValue(), path + "." + e.getKey()));
            }
            case "string" -> {
                if (shape.has("enum")) {
                    List<String> values = new ArrayList<>();
                    shape.path("enum").forEach(v -> values.add(v.asText()));
                    if (!values.contains(value.asText())) {
                        problems.add(path + " = " + value.asText() + ", not one of " + values);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path) {
        JsonNode members = shape.path("members");
        Iterator<Map.Entry<String, JsonNode>> given = value.fields();
        while (given.hasNext()) {
            Map.Entry<String, JsonNode> member = given.next();
            if (!members.has(member.getKey())) {
                problems.add(path + "." + member.getKey() + " is no member of the model's answer");
            } else if (!member.getValue().isNull()) {
                value(model.shape(members.path(member.getKey()).path("shape").asText()), member.getValue(),
                        path + "." + member.getKey());
            }
        }
        shape.path("required").forEach(name -> {
            if (!value.hasNonNull(name.asText())) {
                problems.add(path + "." + name.asText() + " is required by the model");
            }
        });
    }
}
