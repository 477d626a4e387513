package com.example.testapi.local.gateway;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * What template.yaml decides about access, read once: the HTTP API's routes, the Cognito groups with their precedence
 * and role, and each role's policies. The local front door asks it every question API Gateway, Cognito and IAM would.
 */
public final class TemplateAccess {

    /** A user pool group as Cognito sees it. */
    public record Group(String name, int precedence, String roleName) {
    }

    private final LocalAccount account;
    private final Set<String> routes;
    private final Map<String, Group> groups;
    private final Map<String, PolicyEvaluator> policiesByRole;

    private TemplateAccess(LocalAccount account, Set<String> routes, Map<String, Group> groups,
            Map<String, PolicyEvaluator> policiesByRole) {
        this.account = account;
        this.routes = routes;
        this.groups = groups;
        this.policiesByRole = policiesByRole;
    }

    public static TemplateAccess load(Path templateFile, LocalAccount account) {
        SamTemplate template = SamTemplate.load(templateFile);
        Set<String> routes = template.routes().stream()
                .filter(route -> route.apiId().equals(account.apiLogicalId()))
                .peek(route -> {
                    if (!"AWS_IAM".equals(route.authorizer())) {
                        throw new IllegalStateException("route " + route.key() + " is not protected by AWS_IAM in "
                                + templateFile + ": the local API refuses to serve an open route");
                    }
                })
                .map(SamTemplate.Route::key).collect(Collectors.toUnmodifiableSet());

        Map<String, String> roleNames = new HashMap<>();
        Map<String, PolicyEvaluator> policies = new HashMap<>();
        template.resourcesOfType("AWS::IAM::Role").forEach((logicalId, resource) -> {
            Map<String, Object> props = map(resource, "Properties");
            if (!props.containsKey("RoleName")) {
                return; // unnamed roles (e.g. the pool's deny-all default) cannot be a group's role here
            }
            if (props.containsKey("ManagedPolicyArns") || props.containsKey("PermissionsBoundary")) {
                throw new IllegalArgumentException("role " + logicalId
                        + ": the local API evaluates inline Policies only, not managed policies or boundaries");
            }
            String roleName = account.resolve(props.get("RoleName"));
            roleNames.put(logicalId, roleName);
            List<Map<String, Object>> documents = new ArrayList<>();
            list(props.get("Policies")).forEach(policy -> documents.add(map(object(policy), "PolicyDocument")));
            policies.put(roleName, PolicyEvaluator.of(documents, account));
        });

        Map<String, Group> groups = new HashMap<>();
        template.resourcesOfType("AWS::Cognito::UserPoolGroup").forEach((logicalId, resource) -> {
            Map<String, Object> props = map(resource, "Properties");
            List<Object> roleArn = list(map(props, "RoleArn").get("Fn::GetAtt"));
            if (roleArn.size() != 2 || !roleNames.containsKey(roleArn.get(0).toString())) {
                throw new IllegalArgumentException("group " + logicalId
                        + ": RoleArn must be !GetAtt of a named role in the template");
            }
            String name = account.resolve(props.get("GroupName"));
            Object precedence = props.get("Precedence");
            groups.put(name, new Group(name, precedence == null ? Integer.MAX_VALUE : ((Number) precedence).intValue(),
                    roleNames.get(roleArn.get(0).toString())));
        });
        return new TemplateAccess(account, routes, Map.copyOf(groups), Map.copyOf(policies));
    }

    public LocalAccount account() {
        return account;
    }

    public boolean hasRoute(String method, String path) {
        return routes.contains(method + " " + path);
    }

    /**
     * The role Cognito's token-based mapping gives a member of {@code userGroups}: the known group with the lowest
     * precedence. Empty when the user is in no known group, or when the lowest precedence is shared by groups with
     * different roles (no {@code cognito:preferred_role}, and the template's AmbiguousRoleResolution is Deny).
     */
    public Optional<String> roleFor(List<String> userGroups) {
        List<Group> known = userGroups.stream().map(groups::get).filter(g -> g != null)
                .sorted(Comparator.comparingInt(Group::precedence)).toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        int lowest = known.get(0).precedence();
        Set<String> roles = known.stream().filter(g -> g.precedence() == lowest).map(Group::roleName)
                .collect(Collectors.toSet());
        return roles.size() == 1 ? Optional.of(roles.iterator().next()) : Optional.empty();
    }

    /** IAM's answer for {@code execute-api:Invoke} of METHOD /PATH on the local API by {@code roleName}. */
    public PolicyEvaluator.Decision mayInvoke(String roleName, String method, String path) {
        PolicyEvaluator policy = policiesByRole.get(roleName);
        if (policy == null) {
            return PolicyEvaluator.Decision.IMPLICIT_DENY;
        }
        return policy.evaluate("execute-api:Invoke", invokeArn(method, path));
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/$default/METHOD/PATH}, as API Gateway builds it. */
    public String invokeArn(String method, String path) {
        return "arn:aws:execute-api:" + account.region() + ":" + account.accountId() + ":" + account.apiId()
                + "/$default/" + method + path;
    }

}
