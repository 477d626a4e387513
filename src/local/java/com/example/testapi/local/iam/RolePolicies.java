package com.example.testapi.local.iam;

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
 * Every role's identity policies in template.yaml, read once, and IAM's decision for a call by a role: the one place
 * that answers "why did I get a 403?" for the gateway ({@code execute-api:Invoke}) and the admin API
 * ({@code cognito-idp:Admin…}) alike. A role's policies are its inline {@code Policies} and the
 * {@code AWS::IAM::Policy} resources attached to it; managed policies and boundaries are refused when read.
 */
public final class RolePolicies {

    private final Map<String, PolicyEvaluator> byRole;

    private RolePolicies(Map<String, PolicyEvaluator> byRole) {
        this.byRole = Map.copyOf(byRole);
    }

    public static RolePolicies from(SamTemplate template, LocalAccount account) {
        Map<String, PolicyEvaluator> policies = new HashMap<>();
        template.resourcesOfType("AWS::IAM::Role").forEach((logicalId, resource) -> {
            Map<String, Object> props = map(resource, "Properties");
            if (props.containsKey("ManagedPolicyArns") || props.containsKey("PermissionsBoundary")) {
                throw new IllegalArgumentException("role " + logicalId
                        + ": the local cloud evaluates inline Policies only, not managed policies or boundaries");
            }
            List<Map<String, Object>> documents = new ArrayList<>();
            list(props.get("Policies")).forEach(policy -> documents.add(map(object(policy), "PolicyDocument")));
            // And the AWS::IAM::Policy resources attached to it (Roles: [!Ref Role]).
            template.resourcesOfType("AWS::IAM::Policy").values().stream().map(policy -> map(policy, "Properties"))
                    .filter(policy -> list(policy.get("Roles")).contains(Map.of("Ref", logicalId)))
                    .forEach(policy -> documents.add(map(policy, "PolicyDocument")));
            policies.put(account.resolve(Map.of("Ref", logicalId)), PolicyEvaluator.of(documents, account));
        });
        return new RolePolicies(policies);
    }

    /** IAM's answer for {@code action} on {@code resource} by the role named {@code roleName}; no such role: deny. */
    public PolicyEvaluator.Decision decide(String roleName, String action, String resource) {
        PolicyEvaluator policy = byRole.get(roleName);
        return policy == null ? PolicyEvaluator.Decision.IMPLICIT_DENY : policy.evaluate(action, resource);
    }
}
