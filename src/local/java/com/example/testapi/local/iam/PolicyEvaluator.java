package com.example.testapi.local.iam;

import static com.example.testapi.local.template.SamTemplate.object;

import java.util.List;
import java.util.Map;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;

/**
 * IAM's evaluation of identity policies for one request: an explicit Deny wins, then any Allow, else deny.
 * {@code *} and {@code ?} wildcards in actions (case-insensitive) and resources; {@code NotAction} and
 * {@code NotResource} honoured. Anything this evaluator does not model (conditions, principals) is refused when the
 * policy is loaded, never silently ignored.
 */
public final class PolicyEvaluator {

    public enum Decision {
        ALLOW, EXPLICIT_DENY, IMPLICIT_DENY
    }

    record Statement(boolean allow, List<String> actions, boolean notAction, List<String> resources,
            boolean notResource) {

        boolean matches(String action, String resource) {
            boolean actionMatch = actions.stream().anyMatch(p -> IamPattern.matches(p, action, true));
            boolean resourceMatch = resources.stream().anyMatch(p -> IamPattern.matches(p, resource, false));
            return (notAction != actionMatch) && (notResource != resourceMatch);
        }
    }

    private final List<Statement> statements;

    PolicyEvaluator(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Reads the Statement lists of policy documents, resolving {@code !Sub} values in the local account. */
    public static PolicyEvaluator of(List<Map<String, Object>> documents, LocalAccount account) {
        return new PolicyEvaluator(documents.stream()
                .flatMap(document -> SamTemplate.list(document.get("Statement")).stream())
                .map(statement -> statement(object(statement), account)).toList());
    }

    public Decision evaluate(String action, String resource) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.matches(action, resource)) {
                if (!statement.allow()) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static Statement statement(Map<String, Object> s, LocalAccount account) {
        for (String unsupported : List.of("Condition", "Principal", "NotPrincipal")) {
            if (s.containsKey(unsupported)) {
                throw new IllegalArgumentException("the local API does not evaluate '" + unsupported
                        + "' in identity policies: " + s);
            }
        }
        String effect = String.valueOf(s.get("Effect"));
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException("policy statement Effect must be Allow or Deny: " + s);
        }
        boolean notAction = s.containsKey("NotAction");
        boolean notResource = s.containsKey("NotResource");
        if (notAction == s.containsKey("Action") || notResource == s.containsKey("Resource")) {
            throw new IllegalArgumentException("a statement needs exactly one of Action/NotAction and of "
                    + "Resource/NotResource: " + s);
        }
        List<String> actions = SamTemplate.list(s.get(notAction ? "NotAction" : "Action")).stream()
                .map(account::resolve).toList();
        List<String> resources = SamTemplate.list(s.get(notResource ? "NotResource" : "Resource")).stream()
                .map(account::resolve).toList();
        return new Statement(effect.equals("Allow"), actions, notAction, resources, notResource);
    }


}
