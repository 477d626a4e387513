package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.iam.PolicyEvaluator.Decision;
import com.example.testapi.local.iam.RolePolicies;
import com.example.testapi.local.template.SamTemplate;

/**
 * The Admins group and its role TestApiAdmin: first in precedence, the API like FullAccess, and exactly the Cognito
 * calls the app's Users screen makes, on this user pool only.
 */
class AdminRoleTemplateTest {

    /** What the Users screen calls, and nothing else (no DeleteUser, no pool or client settings). */
    static final Set<String> SCREEN_ACTIONS = Set.of("cognito-idp:ListUsers", "cognito-idp:ListGroups",
            "cognito-idp:ListUsersInGroup", "cognito-idp:AdminListGroupsForUser", "cognito-idp:AdminCreateUser",
            "cognito-idp:AdminSetUserPassword",
            "cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminRemoveUserFromGroup", "cognito-idp:AdminDisableUser",
            "cognito-idp:AdminEnableUser", "cognito-idp:AdminUserGlobalSignOut", "cognito-idp:AdminGetUser",
            "cognito-idp:AdminSetUserMFAPreference");

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void adminsComeFirstAndGetTheirRoleOnlyOnceItsPoliciesAreAttached() {
        Map<String, Object> admins = template.properties("AdminsGroup");
        assertEquals("Admins", admins.get("GroupName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TestApiAdmin", "Arn")), admins.get("RoleArn"));
        int precedence = (Integer) admins.get("Precedence");
        for (String other : List.of("FullAccessGroup", "ReadOnlyAccessGroup")) {
            assertTrue(precedence < (Integer) template.properties(other).get("Precedence"), "Admins before " + other);
        }
        assertEquals(List.of("TestApiAdminInvoke", "TestApiAdminUsers"), template.resource("AdminsGroup").get("DependsOn"));
    }

    @Test
    void theUserPolicyAllowsExactlyTheScreensCallsOnThisPool() {
        Map<String, Object> policy = template.properties("TestApiAdminUsers");
        assertEquals(List.of(Map.of("Ref", "TestApiAdmin")), policy.get("Roles"));
        List<Object> statements = list(map(policy, "PolicyDocument").get("Statement"));
        assertEquals(1, statements.size());
        Map<String, Object> statement = object(statements.get(0));
        assertEquals("Allow", statement.get("Effect"));
        assertEquals(SCREEN_ACTIONS, Set.copyOf(list(statement.get("Action"))));
        assertEquals(Map.of("Fn::GetAtt", List.of("UserPool", "Arn")), statement.get("Resource"));
    }

    /** IAM's answer for the admin role, from the template, for what it must not reach. */
    @Test
    void anAdminReachesNoOtherPoolNorAnyOtherService() {
        LocalAccount account = LocalAccount.forTemplate("us-east-1", template);
        RolePolicies access = RolePolicies.from(template, account);
        String role = account.resolve(Map.of("Ref", "TestApiAdmin"));
        String thisPool = account.resolve(Map.of("Fn::GetAtt", List.of("UserPool", "Arn")));
        String otherPool = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other";
        SCREEN_ACTIONS.forEach(action -> {
            assertEquals(Decision.ALLOW, access.decide(role, action, thisPool), action);
            assertEquals(Decision.IMPLICIT_DENY, access.decide(role, action, otherPool), action + " elsewhere");
        });
        Map<String, String> beyond = Map.of("cognito-idp:AdminDeleteUser", thisPool,
                "cognito-idp:UpdateUserPool", thisPool, "cognito-idp:UpdateUserPoolClient", thisPool,
                "cognito-identity:GetCredentialsForIdentity", "*", "dynamodb:Scan", "*", "s3:GetObject", "*",
                "iam:PassRole", "*", "sts:AssumeRole", "*", "lambda:InvokeFunction", "*");
        beyond.forEach((action, resource) -> assertEquals(Decision.IMPLICIT_DENY,
                access.decide(role, action, resource), action));
    }
}
