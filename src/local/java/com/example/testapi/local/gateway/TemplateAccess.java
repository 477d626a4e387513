package com.example.testapi.local.gateway;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml decides about access at the gateway, read once: the HTTP API's routes (each must be AWS_IAM),
 * every role's policies, and the API's CORS configuration. Which role a caller has is the identity pool's decision, carried by its credentials.
 */
public final class TemplateAccess {

    private final LocalAccount account;
    private final Set<String> routes;
    private final Map<String, PolicyEvaluator> policiesByRole;
    private final CorsRules cors;

    private TemplateAccess(LocalAccount account, Set<String> routes, Map<String, PolicyEvaluator> policiesByRole,
            CorsRules cors) {
        this.account = account;
        this.routes = routes;
        this.policiesByRole = policiesByRole;
        this.cors = cors;
    }

    /** Reads {@code templateFile} in the account named after it ({@link LocalAccount#forTemplate}). */
    public static TemplateAccess load(Path templateFile, String region) {
        SamTemplate template = SamTemplate.load(templateFile);
        return of(template, LocalAccount.forTemplate(region, template));
    }

    public static TemplateAccess of(SamTemplate template, LocalAccount account) {
        Set<String> routes = template.routes().stream()
                .filter(route -> route.apiId().equals(account.apiLogicalId()))
                .peek(route -> {
                    if (!"AWS_IAM".equals(route.authorizer())) {
                        throw new IllegalStateException("route " + route.key() + " is not protected by AWS_IAM in "
                                + "template.yaml: the local cloud refuses to serve an open route");
                    }
                })
                .map(SamTemplate.Route::key).collect(Collectors.toUnmodifiableSet());

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
        return new TemplateAccess(account, routes, Map.copyOf(policies), CorsRules.from(template, account));
    }

    public LocalAccount account() {
        return account;
    }

    /** The HTTP API's CORS configuration ({@link CorsRules#NONE} without one). */
    public CorsRules cors() {
        return cors;
    }

    public boolean hasRoute(String method, String path) {
        return routes.contains(method + " " + path);
    }

    /** IAM's answer for {@code execute-api:Invoke} of METHOD /PATH on the local API by {@code roleName}. */
    public PolicyEvaluator.Decision mayInvoke(String roleName, String method, String path) {
        return mayCall(roleName, "execute-api:Invoke", invokeArn(method, path));
    }

    /** IAM's answer for {@code action} on {@code resource} by {@code roleName} (e.g. a Cognito admin call). */
    public PolicyEvaluator.Decision mayCall(String roleName, String action, String resource) {
        PolicyEvaluator policy = policiesByRole.get(roleName);
        return policy == null ? PolicyEvaluator.Decision.IMPLICIT_DENY : policy.evaluate(action, resource);
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/$default/METHOD/PATH}, as API Gateway builds it. */
    public String invokeArn(String method, String path) {
        return "arn:aws:execute-api:" + account.region() + ":" + account.accountId() + ":" + account.apiId()
                + "/$default/" + method + path;
    }
}
