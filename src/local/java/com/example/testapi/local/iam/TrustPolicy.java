package com.example.testapi.local.iam;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;

import java.util.List;
import java.util.Map;


/**
 * Whether a role's trust policy lets the identity pool assume it for a caller, as STS evaluates
 * {@code sts:AssumeRoleWithWebIdentity} from {@code cognito-identity.amazonaws.com}: an Allow statement for that
 * principal and action whose conditions on {@code cognito-identity.amazonaws.com:aud} (the pool id) and
 * {@code …:amr} (the caller's authentication methods) all hold. Operators other than StringEquals and StringLike
 * (plain or ForAnyValue), and Deny statements, are refused loudly, never ignored.
 */
public final class TrustPolicy {

    private static final String FEDERATED = "cognito-identity.amazonaws.com";
    private static final String ACTION = "sts:AssumeRoleWithWebIdentity";

    private TrustPolicy() {
    }

    public static boolean admits(Map<String, Object> document, String identityPoolId, List<String> amr) {
        boolean allowed = false;
        for (Object value : list(document.get("Statement"))) {
            Map<String, Object> statement = object(value);
            boolean forUs = list(map(statement, "Principal").get("Federated")).contains(FEDERATED)
                    && list(statement.get("Action")).stream().anyMatch(a -> a.equals(ACTION) || a.equals("sts:*")
                            || a.equals("*"));
            if (!forUs) {
                continue;
            }
            if (!"Allow".equals(statement.get("Effect"))) {
                throw new IllegalStateException("the local identity pool does not evaluate Deny trust statements");
            }
            allowed |= conditionsHold(map(statement, "Condition"), identityPoolId, amr);
        }
        return allowed;
    }

    private static boolean conditionsHold(Map<String, Object> conditions, String identityPoolId, List<String> amr) {
        for (Map.Entry<String, Object> operator : conditions.entrySet()) {
            boolean anyValue = operator.getKey().startsWith("ForAnyValue:");
            String test = anyValue ? operator.getKey().substring("ForAnyValue:".length()) : operator.getKey();
            if (!test.equals("StringEquals") && !test.equals("StringLike")) {
                throw new IllegalStateException("the local identity pool does not evaluate " + operator.getKey());
            }
            for (Map.Entry<String, Object> key : object(operator.getValue()).entrySet()) {
                List<String> actual = switch (key.getKey()) {
                    case FEDERATED + ":aud" -> List.of(identityPoolId);
                    case FEDERATED + ":amr" -> amr;
                    default -> throw new IllegalStateException("the local identity pool knows no condition key "
                            + key.getKey());
                };
                List<String> expected = list(key.getValue()).stream().map(String::valueOf).toList();
                boolean like = test.equals("StringLike");
                // Multi-valued amr needs ForAnyValue; a single-valued key matches when its one value does.
                boolean holds = actual.stream().anyMatch(a -> expected.stream().anyMatch(e -> like ? IamPattern.matches(e, a, false)
                        : e.equals(a)));
                if (!holds || (!anyValue && actual.size() > 1)) {
                    return false;
                }
            }
        }
        return true;
    }

}
