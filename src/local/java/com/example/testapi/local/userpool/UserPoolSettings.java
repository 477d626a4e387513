package com.example.testapi.local.userpool;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml declares for the user pool: its id, password policy, app clients (auth flows, token lifetimes)
 * and groups (precedence and IAM role), resolved in the local account.
 */
public record UserPoolSettings(String region, String poolId, PasswordPolicy passwordPolicy,
        Map<String, Client> clients, Map<String, Group> groups, String hostedUiDomain, boolean adminCreateUserOnly,
        List<String> recoveryMechanisms, String mfaConfiguration, boolean softwareTokenMfa,
        String preTokenGenerationFunction) {

    /** An app client as Cognito applies it. */
    public record Client(String clientId, Set<String> explicitAuthFlows, boolean preventUserExistenceErrors,
            Duration idTokenValidity, Duration accessTokenValidity, Duration refreshTokenValidity, OAuth oauth,
            Set<String> writeAttributes) {

        boolean allows(String flow) {
            return explicitAuthFlows.contains("ALLOW_" + flow);
        }

        /**
         * Whether an access token of this client may change {@code attribute} (UpdateUserAttributes): the client's
         * WriteAttributes, or every writable attribute when it names none (the CreateUserPoolClient reference).
         */
        boolean mayWrite(String attribute) {
            return writeAttributes == null || writeAttributes.contains(attribute);
        }
    }

    /** The client's hosted-UI settings; {@code enabled} false (AllowedOAuthFlowsUserPoolClient) means none apply. */
    public record OAuth(boolean enabled, Set<String> flows, Set<String> scopes, List<String> callbackUrls,
            List<String> logoutUrls) {

        static OAuth from(Map<String, Object> props) {
            return new OAuth(Boolean.parseBoolean(String.valueOf(props.get("AllowedOAuthFlowsUserPoolClient"))),
                    Set.copyOf(strings(props.get("AllowedOAuthFlows"))),
                    Set.copyOf(strings(props.get("AllowedOAuthScopes"))),
                    strings(props.get("CallbackURLs")), strings(props.get("LogoutURLs")));
        }

        /** A list property; a CommaDelimitedList parameter resolves to one comma-joined string. */
        private static List<String> strings(Object value) {
            return list(value).stream().flatMap(v -> Arrays.stream(String.valueOf(v).split(",")))
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
    }

    /** The app client {@code clientId}, or Cognito's ResourceNotFoundException. */
    Client client(String clientId) {
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            throw CognitoErrors.clientNotFound(clientId);
        }
        return client;
    }

    /** Whether the pool has a hosted-UI domain (a UserPoolDomain resource whose condition holds). */
    public boolean hasHostedUi() {
        return hostedUiDomain != null;
    }

    /** MfaConfiguration ON: every user must have a second factor (MFA_SETUP until they do). */
    boolean mfaRequired() {
        return "ON".equals(mfaConfiguration);
    }

    /**
     * The role of the user's group with the lowest precedence; none when groups sharing that precedence name different
     * roles, or no group has a role. AWS::Cognito::UserPoolGroup, Precedence: "If two groups with the same Precedence
     * have the same role ARN, that role is used in the cognito:preferred_role claim … If the two groups have different
     * role ARNs, the cognito:preferred_role claim isn't set in users' tokens."
     */
    Optional<String> preferredRole(List<String> userGroups) {
        List<UserPoolSettings.Group> withRole = userGroups.stream().map(groups()::get)
                .filter(g -> g != null && g.roleArn() != null)
                .sorted(Comparator.comparing(UserPoolSettings.Group::precedence,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (withRole.isEmpty()) {
            return Optional.empty();
        }
        Integer lowest = withRole.get(0).precedence();
        long roles = withRole.stream().filter(g -> Objects.equals(g.precedence(), lowest))
                .map(UserPoolSettings.Group::roleArn).distinct().count();
        return roles == 1 ? Optional.of(withRole.get(0).roleArn()) : Optional.empty();
    }

    /** A group: a lower precedence wins; {@code precedence} null means none (loses to any set precedence). */
    public record Group(String name, Integer precedence, String roleArn) {
    }

    /** The template's single AWS::Cognito::UserPool with its clients and groups. */
    public static UserPoolSettings from(SamTemplate template, LocalAccount account) {
        Map<String, Map<String, Object>> pools = template.resourcesOfType("AWS::Cognito::UserPool");
        if (pools.size() != 1) {
            throw new IllegalArgumentException("the local cloud plays one user pool; template.yaml has " + pools.size());
        }
        String logicalId = pools.keySet().iterator().next();
        String poolId = account.resolve(Map.of("Ref", logicalId));
        Map<String, Client> clients = new LinkedHashMap<>();
        template.resourcesOfType("AWS::Cognito::UserPoolClient").forEach((id, resource) -> {
            Map<String, Object> props = SamTemplate.object(account.resolveAll(map(resource, "Properties")));
            if (!poolId.equals(account.resolve(props.get("UserPoolId")))) {
                return;
            }
            Map<String, Object> units = map(props, "TokenValidityUnits");
            Set<String> flows = list(props.get("ExplicitAuthFlows")).stream().map(String::valueOf)
                    .collect(Collectors.toUnmodifiableSet());
            String clientId = account.resolve(Map.of("Ref", id));
            clients.put(clientId, new Client(clientId, flows,
                    "ENABLED".equals(props.get("PreventUserExistenceErrors")),
                    validity(props, units, "IdToken", "IdTokenValidity", Duration.ofHours(1)),
                    validity(props, units, "AccessToken", "AccessTokenValidity", Duration.ofHours(1)),
                    validity(props, units, "RefreshToken", "RefreshTokenValidity", Duration.ofDays(30)),
                    OAuth.from(props), props.get("WriteAttributes") == null ? null
                            : list(props.get("WriteAttributes")).stream().map(String::valueOf)
                                    .collect(Collectors.toUnmodifiableSet())));
        });
        Map<String, Group> groups = new HashMap<>();
        template.resourcesOfType("AWS::Cognito::UserPoolGroup").forEach((id, resource) -> {
            Map<String, Object> props = map(resource, "Properties");
            String name = account.resolve(props.get("GroupName"));
            Object precedence = props.get("Precedence");
            Object role = props.get("RoleArn");
            groups.put(name, new Group(name, precedence == null ? null : ((Number) precedence).intValue(),
                    role == null ? null : account.resolve(role)));
        });
        String domain = template.resourcesOfType("AWS::Cognito::UserPoolDomain").values().stream()
                .filter(d -> !d.containsKey("Condition")
                        || account.conditions().getOrDefault(String.valueOf(d.get("Condition")), false))
                .map(d -> account.resolve(map(d, "Properties").get("Domain"))).findFirst().orElse(null);
        Map<String, Object> pool = map(pools.get(logicalId), "Properties");
        // AccountRecoverySetting's mechanisms by priority; without one, Cognito's legacy order (phone, then email).
        List<String> recovery = list(map(pool, "AccountRecoverySetting").get("RecoveryMechanisms")).stream()
                .map(SamTemplate::object).sorted(Comparator.comparing(m -> ((Number) m.getOrDefault("Priority", 1))
                        .intValue()))
                .map(m -> String.valueOf(m.get("Name"))).toList();
        return new UserPoolSettings(account.region(), poolId, PasswordPolicy.from(pool), Map.copyOf(clients),
                Map.copyOf(groups), domain, Boolean.parseBoolean(String.valueOf(
                        map(pool, "AdminCreateUserConfig").get("AllowAdminCreateUserOnly"))),
                recovery.isEmpty() ? List.of("verified_phone_number", "verified_email") : recovery,
                // MfaConfiguration's default is OFF (AWS::Cognito::UserPool); EnabledMfas lists the factors offered.
                String.valueOf(account.resolve(pool.getOrDefault("MfaConfiguration", "OFF"))),
                list(pool.get("EnabledMfas")).stream().map(String::valueOf).anyMatch("SOFTWARE_TOKEN_MFA"::equals),
                preTokenGenerationFunction(map(pool, "LambdaConfig")));
    }

    /**
     * The logical id of the function LambdaConfig names as the pre-token-generation trigger (V1_0), or null. Any
     * other trigger, or another event version, is refused here, when the local cloud starts: a trigger it cannot run
     * is never skipped.
     */
    static String preTokenGenerationFunction(Map<String, Object> lambdaConfig) {
        String function = null;
        for (Map.Entry<String, Object> trigger : lambdaConfig.entrySet()) {
            if (!trigger.getKey().equals("PreTokenGenerationConfig")) {
                throw new IllegalArgumentException("template.yaml's user pool names a " + trigger.getKey()
                        + " trigger: the local cloud runs only PreTokenGenerationConfig (V1_0) triggers");
            }
            Map<String, Object> config = SamTemplate.object(trigger.getValue());
            if (!"V1_0".equals(String.valueOf(config.get("LambdaVersion")))) {
                throw new IllegalArgumentException("the local cloud runs pre-token-generation events V1_0 only, not "
                        + config.get("LambdaVersion"));
            }
            function = functionOf(config.get("LambdaArn"));
        }
        return function;
    }

    /** The function a LambdaArn refers to: {@code !Ref F.Alias}, {@code !Ref F} or {@code !GetAtt F.Arn}. */
    private static String functionOf(Object arn) {
        Map<String, Object> reference = SamTemplate.object(arn);
        if (reference.get("Ref") instanceof String ref) {
            return ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref;
        }
        if (reference.get("Fn::GetAtt") instanceof List<?> att && att.size() == 2 && "Arn".equals(att.get(1))) {
            return String.valueOf(att.get(0));
        }
        throw new IllegalArgumentException("the local cloud finds a trigger's function by !Ref F.Alias, !Ref F or "
                + "!GetAtt F.Arn, not " + arn);
    }

    /** {@code cognito-idp.REGION.amazonaws.com/POOL_ID}: the key of identity pools' Logins maps. */
    public String providerName() {
        return "cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    private static Duration validity(Map<String, Object> props, Map<String, Object> units, String unitKey,
            String valueKey, Duration fallback) {
        Object value = props.get(valueKey);
        if (value == null) {
            return fallback;
        }
        long amount = ((Number) value).longValue();
        return switch (String.valueOf(units.getOrDefault(unitKey, unitKey.equals("RefreshToken") ? "days" : "hours"))) {
            case "seconds" -> Duration.ofSeconds(amount);
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
