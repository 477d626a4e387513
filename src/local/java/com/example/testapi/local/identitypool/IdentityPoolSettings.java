package com.example.testapi.local.identitypool;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml declares for the identity pool: its id, the user pool clients it trusts, its role attachment
 * (default authenticated role and role mappings) and the trust policy of every role it could hand out.
 */
public record IdentityPoolSettings(String region, String poolId, boolean allowUnauthenticated,
        List<Provider> providers, String authenticatedRoleArn, List<RoleMapping> roleMappings,
        Map<String, Map<String, Object>> trustPolicies) {

    /** A Cognito user pool client the pool accepts ID tokens of. */
    public record Provider(String providerName, String clientId, boolean serverSideTokenCheck) {
    }

    /** {@code IdentityProvider} is {@code PROVIDER_NAME:CLIENT_ID}; type Token or Rules; Deny or AuthenticatedRole. */
    public record RoleMapping(String identityProvider, String type, String ambiguousRoleResolution) {
    }

    public static IdentityPoolSettings from(SamTemplate template, LocalAccount account) {
        Map<String, Map<String, Object>> pools = template.resourcesOfType("AWS::Cognito::IdentityPool");
        if (pools.size() != 1) {
            throw new IllegalArgumentException("the local cloud plays one identity pool; template.yaml has "
                    + pools.size());
        }
        String logicalId = pools.keySet().iterator().next();
        String poolId = account.resolve(Map.of("Ref", logicalId));
        Map<String, Object> props = map(pools.get(logicalId), "Properties");
        List<Provider> providers = new ArrayList<>();
        list(props.get("CognitoIdentityProviders")).forEach(value -> {
            Map<String, Object> provider = object(value);
            providers.add(new Provider(account.resolve(provider.get("ProviderName")),
                    account.resolve(provider.get("ClientId")),
                    Boolean.TRUE.equals(provider.get("ServerSideTokenCheck"))));
        });
        String authenticatedRole = null;
        List<RoleMapping> mappings = new ArrayList<>();
        for (Map<String, Object> attachment : template.resourcesOfType("AWS::Cognito::IdentityPoolRoleAttachment")
                .values()) {
            Map<String, Object> attached = map(attachment, "Properties");
            if (!poolId.equals(account.resolve(attached.get("IdentityPoolId")))) {
                continue;
            }
            Object authenticated = map(attached, "Roles").get("authenticated");
            authenticatedRole = authenticated == null ? null : account.resolve(authenticated);
            map(attached, "RoleMappings").values().forEach(value -> {
                Map<String, Object> mapping = object(value);
                mappings.add(new RoleMapping(account.resolve(mapping.get("IdentityProvider")),
                        String.valueOf(mapping.get("Type")), String.valueOf(mapping.get("AmbiguousRoleResolution"))));
            });
        }
        Map<String, Map<String, Object>> trust = new HashMap<>();
        template.resourcesOfType("AWS::IAM::Role").forEach((id, role) -> trust.put(
                account.resolve(Map.of("Fn::GetAtt", List.of(id, "Arn"))),
                object(account.resolveAll(map(map(role, "Properties"), "AssumeRolePolicyDocument")))));
        return new IdentityPoolSettings(account.region(), poolId,
                Boolean.TRUE.equals(props.get("AllowUnauthenticatedIdentities")), List.copyOf(providers),
                authenticatedRole, List.copyOf(mappings), Map.copyOf(trust));
    }
}
