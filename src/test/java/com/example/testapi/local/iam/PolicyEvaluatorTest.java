package com.example.testapi.local.iam;

import static com.example.testapi.local.iam.PolicyEvaluator.Decision.ALLOW;
import static com.example.testapi.local.iam.PolicyEvaluator.Decision.EXPLICIT_DENY;
import static com.example.testapi.local.iam.PolicyEvaluator.Decision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.LocalAccount;

class PolicyEvaluatorTest {

    private static final LocalAccount ACCOUNT = LocalAccount.defaults("us-east-1");
    private static final String GET = "arn:aws:execute-api:us-east-1:123456789012:localapi01/$default/GET/test";
    private static final String POST = "arn:aws:execute-api:us-east-1:123456789012:localapi01/$default/POST/test";

    private static PolicyEvaluator policy(Map<String, Object>... statements) {
        return PolicyEvaluator.of(List.of(Map.of("Statement", List.of(statements))), ACCOUNT);
    }

    @Test
    void subResolvesInTheLocalAccount() {
        PolicyEvaluator p = policy(Map.of("Effect", "Allow", "Action", "execute-api:Invoke", "Resource",
                Map.of("Fn::Sub", "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/GET/test")));
        assertEquals(ALLOW, p.evaluate("execute-api:Invoke", GET));
        assertEquals(IMPLICIT_DENY, p.evaluate("execute-api:Invoke", POST));
    }

    @Test
    void wildcardsMatchLikeIam() {
        PolicyEvaluator p = policy(Map.of("Effect", "Allow", "Action", "EXECUTE-API:inv?ke", "Resource",
                "arn:aws:execute-api:*:123456789012:*/*/G?T/*"));
        assertEquals(ALLOW, p.evaluate("execute-api:Invoke", GET), "actions are case-insensitive");
        assertEquals(IMPLICIT_DENY, p.evaluate("execute-api:Invoke", POST));
        assertEquals(IMPLICIT_DENY, p.evaluate("execute-api:ManageConnections", GET));
    }

    @Test
    void anExplicitDenyWins() {
        PolicyEvaluator p = policy(Map.of("Effect", "Allow", "Action", "*", "Resource", "*"),
                Map.of("Effect", "Deny", "Action", "execute-api:Invoke", "Resource", POST));
        assertEquals(ALLOW, p.evaluate("execute-api:Invoke", GET));
        assertEquals(EXPLICIT_DENY, p.evaluate("execute-api:Invoke", POST));
    }

    @Test
    void notActionAndNotResourceInvertTheMatch() {
        PolicyEvaluator p = policy(Map.of("Effect", "Allow", "NotAction", "s3:*", "NotResource", POST));
        assertEquals(ALLOW, p.evaluate("execute-api:Invoke", GET));
        assertEquals(IMPLICIT_DENY, p.evaluate("execute-api:Invoke", POST));
        assertEquals(IMPLICIT_DENY, p.evaluate("s3:GetObject", GET));
    }

    @Test
    void whatItCannotEvaluateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of("Effect", "Allow", "Action", "*",
                "Resource", "*", "Condition", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of("Effect", "Maybe", "Action", "*",
                "Resource", "*")));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of("Effect", "Allow", "Action", "*",
                "NotAction", "*", "Resource", "*")));
        assertThrows(IllegalArgumentException.class, () -> policy(Map.of("Effect", "Allow", "Action", "*",
                "Resource", Map.of("Fn::Sub", "${SomeOtherResource}"))));
    }
}
