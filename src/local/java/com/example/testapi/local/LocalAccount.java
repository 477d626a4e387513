package com.example.testapi.local;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pretend AWS account the local API lives in, and the values CloudFormation would substitute for
 * {@code !Sub}/{@code !Ref} there. The stack is named {@code local} and the account {@code 123456789012}, as
 * {@code sam local} names them, so role names agree with the function's defaults and the events/ files.
 */
public record LocalAccount(String region, String accountId, String stackName, String apiId, String apiLogicalId) {

    public static LocalAccount defaults(String region) {
        return new LocalAccount(region, "123456789012", "local", "localapi01", "HttpApi");
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** A template value resolved to a string: a literal, {@code Fn::Sub} of a string, or a {@code Ref}. */
    public String resolve(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            if (map.get("Fn::Sub") instanceof String template) {
                Matcher matcher = VARIABLE.matcher(template);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(out, Matcher.quoteReplacement(ref(matcher.group(1))));
                }
                return matcher.appendTail(out).toString();
            }
            if (map.get("Ref") instanceof String name) {
                return ref(name);
            }
        }
        throw new IllegalArgumentException("the local API cannot resolve " + value
                + ": only literals, !Sub of a string and !Ref of pseudo parameters or the HTTP API are supported");
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Partition" -> "aws";
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> accountId;
            case "AWS::StackName" -> stackName;
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                if (name.equals(apiLogicalId)) {
                    yield apiId;
                }
                throw new IllegalArgumentException("the local API cannot resolve ${" + name + "}");
            }
        };
    }
}
