package com.example.testapi.local.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The template's {@code Conditions}, evaluated as CloudFormation does at deploy time from the parameter values:
 * {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or} and {@code Condition} references. The local
 * cloud needs them where a resource property depends on one (the app client's OAuth settings under HasHostedUi).
 */
public final class TemplateConditions {

    private final Map<String, Object> definitions;
    private final Function<Object, String> values;
    private final Map<String, Boolean> evaluated = new HashMap<>();

    /** {@code values} resolves an operand of {@code Fn::Equals} (a literal or a {@code Ref}) to its string. */
    public TemplateConditions(Map<String, Object> definitions, Function<Object, String> values) {
        this.definitions = definitions;
        this.values = values;
    }

    /** Every condition of {@code template}, by name. */
    public static Map<String, Boolean> evaluate(SamTemplate template, Function<Object, String> values) {
        TemplateConditions conditions = new TemplateConditions(SamTemplate.map(template.root(), "Conditions"), values);
        Map<String, Boolean> all = new HashMap<>();
        conditions.definitions.keySet().forEach(name -> all.put(name, conditions.isTrue(name)));
        return Map.copyOf(all);
    }

    public boolean isTrue(String name) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        if (!definitions.containsKey(name)) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        boolean value = test(definitions.get(name));
        evaluated.put(name, value);
        return value;
    }

    private boolean test(Object expression) {
        Map<String, Object> function = SamTemplate.object(expression);
        if (function.size() != 1) {
            throw new IllegalArgumentException("not a condition function: " + expression);
        }
        Map.Entry<String, Object> only = function.entrySet().iterator().next();
        return switch (only.getKey()) {
            case "Condition" -> isTrue(String.valueOf(only.getValue()));
            case "Fn::Equals" -> {
                List<Object> operands = SamTemplate.list(only.getValue());
                yield values.apply(operands.get(0)).equals(values.apply(operands.get(1)));
            }
            case "Fn::Not" -> !test(SamTemplate.list(only.getValue()).get(0));
            case "Fn::And" -> SamTemplate.list(only.getValue()).stream().allMatch(this::test);
            case "Fn::Or" -> SamTemplate.list(only.getValue()).stream().anyMatch(this::test);
            default -> throw new IllegalArgumentException("the local cloud cannot evaluate " + only.getKey());
        };
    }
}
