package com.example.testapi.local.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The pretend AWS account and stack the local cloud lives in, and the values CloudFormation would substitute for
 * {@code !Ref}, {@code !GetAtt} and {@code !Sub} there. The stack is named {@code local} and the account
 * {@code 123456789012}, as {@code sam local} names them, so role names agree with the function's defaults and the
 * events/ files. Every resource of the template gets a stable physical id, the same at every start, so ids printed
 * once (pool ids, client id) stay valid.
 *
 * @param names {@code LogicalId} → what {@code !Ref} gives, and {@code LogicalId.Attribute} → what {@code !GetAtt}
 *              gives; parameters resolve to their defaults
 * @param conditions the template's Conditions as the parameters make them ({@code Fn::If} picks its branch by them)
 */
public record LocalAccount(String region, String accountId, String stackName, String apiId, String apiLogicalId,
        Map<String, String> names, Map<String, Boolean> conditions) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * A parameter's value as CloudFormation checks it before it creates anything: one without a default must be
     * given; a value must match {@code AllowedPattern} and be one of {@code AllowedValues}.
     */
    private static void check(String name, Map<String, Object> declaration, boolean given, String value) {
        if (!given && !declaration.containsKey("Default")) {
            throw new IllegalArgumentException("Parameters: [" + name + "] must have values");
        }
        Object pattern = declaration.get("AllowedPattern");
        List<?> allowed = SamTemplate.list(declaration.get("AllowedValues"));
        if ((pattern != null && !value.matches(pattern.toString()))
                || (!allowed.isEmpty() && allowed.stream().map(String::valueOf).noneMatch(value::equals))) {
            throw new IllegalArgumentException("Parameter '" + name + "' must match "
                    + declaration.getOrDefault("ConstraintDescription", pattern != null ? pattern : allowed)
                    + " (got '" + value + "')");
        }
    }

    /**
     * What the local cloud passes where the template has no default for a deployment: the local app's origin and
     * URLs (http://localhost:8080), which a deployed stack trusts only when its deployer lists them.
     */
    public static final Map<String, String> LOCAL_PARAMETERS = Map.of("AllowedOrigins", "http://localhost:8080",
            "CallbackUrls", "http://localhost:8080/", "LogoutUrls", "http://localhost:8080/");

    /** The account without a template: only pseudo parameters and the HTTP API resolve. */
    public static LocalAccount defaults(String region) {
        return new LocalAccount(region, "123456789012", "local", "localapi01", "HttpApi", Map.of(), Map.of());
    }

    /** The account with every resource and parameter of {@code template} named as a deployment would name it. */
    public static LocalAccount forTemplate(String region, SamTemplate template) {
        return forTemplate(region, template, Map.of());
    }

    /** As {@link #forTemplate(String, SamTemplate)}, with parameter values as {@code --parameter-overrides} gives. */
    public static LocalAccount forTemplate(String region, SamTemplate template, Map<String, String> parameters) {
        LocalAccount base = defaults(region);
        Map<String, String> names = new HashMap<>();
        SamTemplate.map(template.root(), "Parameters").forEach((name, value) -> {
            Object fallback = SamTemplate.object(value).get("Default");
            names.put(name, fallback instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf)
                    .toList()) : fallback == null ? "" : fallback.toString());
        });
        parameters.forEach((name, value) -> {
            if (!names.containsKey(name)) {
                throw new IllegalArgumentException("template.yaml has no parameter " + name);
            }
            names.put(name, value);
        });
        LOCAL_PARAMETERS.forEach((name, value) -> {
            if (names.containsKey(name) && !parameters.containsKey(name)) {
                names.put(name, value);
            }
        });
        SamTemplate.map(template.root(), "Parameters").forEach((name, declaration) ->
                check(name, SamTemplate.object(declaration), parameters.containsKey(name)
                        || LOCAL_PARAMETERS.containsKey(name), names.get(name)));
        Map<String, Boolean> conditions = TemplateConditions.evaluate(template, new LocalAccount(region,
                base.accountId, base.stackName, base.apiId, base.apiLogicalId, Map.copyOf(names), Map.of())::resolve);
        template.resources().forEach((logicalId, value) -> {
            Map<String, Object> resource = SamTemplate.object(value);
            String type = String.valueOf(resource.get("Type"));
            switch (type) {
                case "AWS::Cognito::UserPool" -> {
                    String id = region + "_Local" + stable(logicalId).substring(0, 4);
                    names.put(logicalId, id);
                    names.put(logicalId + ".Arn", "arn:aws:cognito-idp:" + region + ":" + base.accountId
                            + ":userpool/" + id);
                    names.put(logicalId + ".ProviderName", "cognito-idp." + region + ".amazonaws.com/" + id);
                    names.put(logicalId + ".ProviderURL", "https://cognito-idp." + region + ".amazonaws.com/" + id);
                }
                case "AWS::Cognito::UserPoolClient" -> names.put(logicalId, stable(logicalId));
                case "AWS::Cognito::IdentityPool" -> names.put(logicalId, region + ":"
                        + UUID.nameUUIDFromBytes((base.stackName + "/" + logicalId).getBytes(StandardCharsets.UTF_8)));
                case "AWS::Serverless::HttpApi" -> names.put(logicalId, logicalId.equals(base.apiLogicalId)
                        ? base.apiId : stable(logicalId).substring(0, 10));
                case "AWS::Serverless::Function" -> {
                    // SAM's generated alias (AutoPublishAlias: live) is what !Ref F.Alias names, e.g. for a trigger.
                    String name = base.stackName + "-" + logicalId + "-LOCAL";
                    names.put(logicalId, name);
                    names.put(logicalId + ".Arn", "arn:aws:lambda:" + region + ":" + base.accountId + ":function:"
                            + name);
                    names.put(logicalId + ".Alias", names.get(logicalId + ".Arn") + ":live");
                }
                case "AWS::DynamoDB::Table" -> {
                    String name = base.stackName + "-" + logicalId + "-LOCAL";
                    names.put(logicalId, name);
                    names.put(logicalId + ".Arn", "arn:aws:dynamodb:" + region + ":" + base.accountId + ":table/" + name);
                }
                default -> names.put(logicalId, base.stackName + "-" + logicalId + "-LOCAL");
            }
        });
        LocalAccount partial = new LocalAccount(region, base.accountId, base.stackName, base.apiId, base.apiLogicalId,
                Map.copyOf(names), conditions);
        // Role names may use !Sub of pseudo parameters: resolve them once the rest is named.
        template.resourcesOfType("AWS::IAM::Role").forEach((logicalId, resource) -> {
            Object roleName = SamTemplate.map(resource, "Properties").get("RoleName");
            // CloudFormation names a role without RoleName STACK-LogicalId-SUFFIX; locally without the random suffix.
            String name = roleName == null ? base.stackName + "-" + logicalId : partial.resolve(roleName);
            names.put(logicalId, name);
            names.put(logicalId + ".Arn", "arn:aws:iam::" + base.accountId + ":role/" + name);
        });
        return new LocalAccount(region, base.accountId, base.stackName, base.apiId, base.apiLogicalId,
                Map.copyOf(names), conditions);
    }

    /**
     * A template value resolved to a string: a literal, {@code Fn::Sub} of a string, a {@code Ref}, a GetAtt, or the
     * branch of an {@code Fn::If} (null for {@code AWS::NoValue}).
     */
    public String resolve(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
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
            if (map.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2) {
                return ref(att.get(0) + "." + att.get(1));
            }
            if (map.containsKey("Fn::If")) {
                Object chosen = branch(map.get("Fn::If"));
                return chosen == null ? null : resolve(chosen);
            }
        }
        throw new IllegalArgumentException("the local cloud cannot resolve " + value
                + ": only literals, !Sub of a string, !Ref, !GetAtt and !If are supported");
    }

    /**
     * A copy of a template subtree with every intrinsic ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt},
     * {@code Fn::If}) resolved; a property or list entry that resolves to {@code AWS::NoValue} is left out.
     */
    public Object resolveAll(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Fn::If")) {
                Object chosen = branch(map.get("Fn::If"));
                return chosen == null ? null : resolveAll(chosen);
            }
            if (map.size() == 1 && (map.containsKey("Ref") || map.containsKey("Fn::Sub") || map.containsKey("Fn::GetAtt"))) {
                return resolve(map);
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object resolved = resolveAll(value);
                if (resolved != null) { // AWS::NoValue removes the property
                    copy.put(String.valueOf(key), resolved);
                }
            });
            return copy;
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(this::resolveAll).filter(java.util.Objects::nonNull).toList();
        }
        return tree;
    }

    /** The branch {@code Fn::If [condition, then, else]} takes; null for {@code Ref AWS::NoValue}. */
    private Object branch(Object ifArguments) {
        List<Object> arguments = SamTemplate.list(ifArguments);
        Boolean condition = conditions.get(String.valueOf(arguments.get(0)));
        if (arguments.size() != 3 || condition == null) {
            throw new IllegalArgumentException("the local cloud cannot evaluate Fn::If " + ifArguments);
        }
        Object chosen = arguments.get(condition ? 1 : 2);
        return chosen instanceof Map<?, ?> ref && "AWS::NoValue".equals(ref.get("Ref")) ? null : chosen;
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
                String known = names.get(name);
                if (known == null) {
                    throw new IllegalArgumentException("the local cloud cannot resolve ${" + name + "}");
                }
                yield known;
            }
        };
    }

    /** Lower-case letters and digits derived from the stack and the logical id: the same at every start. */
    private static String stable(String logicalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("local/" + logicalId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 26);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
