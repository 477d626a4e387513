package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.iam.PolicyEvaluator.Decision;
import com.example.testapi.local.iam.RolePolicies;
import com.example.testapi.local.template.SamTemplate;

/**
 * The Admins group and its role TestApiAdmin: first in precedence, the API like FullAccess plus the /admin routes
 * (no other group's role may invoke them), and no Cognito permission of its own. The administration function's role
 * allows exactly the Cognito calls the function's code makes, on this user pool only.
 */
class AdminRoleTemplateTest {

    private static final Pattern SDK_CALL = Pattern.compile("client\\(\\)\\.(\\w+?)(Paginator)?\\(");

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
    private final LocalAccount account = LocalAccount.forTemplate("us-east-1", template);
    private final RolePolicies access = RolePolicies.from(template, account);
    private final String thisPool = account.resolve(Map.of("Fn::GetAtt", List.of("UserPool", "Arn")));

    /** The Cognito actions UserPoolDirectory calls, read from its source: the set its role must allow. */
    static Set<String> functionActions() throws Exception {
        String source = Files.readString(Path.of("src/main/java/com/example/testapi/admin/UserPoolDirectory.java"));
        Set<String> actions = new TreeSet<>();
        Matcher call = SDK_CALL.matcher(source);
        while (call.find()) {
            String method = call.group(1);
            actions.add("cognito-idp:" + Character.toUpperCase(method.charAt(0)) + method.substring(1)
                    .replace("Mfa", "MFA"));
        }
        return actions;
    }

    @Test
    void adminsComeFirstAndGetTheirRoleOnlyOnceItsPolicyIsAttached() {
        Map<String, Object> admins = template.properties("AdminsGroup");
        assertEquals("Admins", admins.get("GroupName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TestApiAdmin", "Arn")), admins.get("RoleArn"));
        int precedence = (Integer) admins.get("Precedence");
        for (String other : List.of("FullAccessGroup", "ReadOnlyAccessGroup")) {
            assertTrue(precedence < (Integer) template.properties(other).get("Precedence"), "Admins before " + other);
        }
        assertEquals(List.of("TestApiAdminInvoke"), template.resource("AdminsGroup").get("DependsOn"));
    }

    @Test
    void theAdminsRoleHoldsNoCognitoPermission() throws Exception {
        String role = account.resolve(Map.of("Ref", "TestApiAdmin"));
        Set<String> actions = new TreeSet<>(functionActions());
        actions.addAll(Set.of("cognito-idp:ListGroups", "cognito-idp:AdminDeleteUser", "cognito-idp:UpdateUserPool"));
        actions.forEach(action -> assertEquals(Decision.IMPLICIT_DENY, access.decide(role, action, thisPool), action));
        assertEquals(Decision.IMPLICIT_DENY, access.decide(role, "cognito-idp:ListUsers", "*"));
    }

    @Test
    void onlyTheAdminsRoleMayInvokeTheAdminRoutes() {
        List<SamTemplate.Route> adminRoutes = template.routes().stream()
                .filter(route -> route.path().startsWith("/admin/")).toList();
        assertEquals(8, adminRoutes.size(), adminRoutes.toString());
        for (SamTemplate.Route route : adminRoutes) {
            assertEquals("AdminFunction", route.function(), route.key());
            assertEquals("AWS_IAM", route.authorizer(), route.key());
            String arn = invokeArn(route.method(), route.path().replace("{name}", "someone"));
            for (String role : List.of("TestApiFullAccess", "TestApiReadAccess", "AuthenticatedDefaultRole",
                    "AdminFunctionRole", "TokenTriggerRole")) {
                assertNotEquals(Decision.ALLOW, access.decide(account.resolve(Map.of("Ref", role)),
                        "execute-api:Invoke", arn), role + " must not invoke " + route.key());
            }
            assertEquals(Decision.ALLOW, access.decide(account.resolve(Map.of("Ref", "TestApiAdmin")),
                    "execute-api:Invoke", arn), route.key());
        }
    }

    @Test
    void theFunctionsRoleAllowsExactlyItsCallsOnThisPool() throws Exception {
        Set<String> actions = functionActions();
        assertTrue(actions.size() >= 10 && actions.contains("cognito-idp:AdminSetUserMFAPreference"), actions.toString());
        Set<String> granted = new TreeSet<>();
        for (Object policy : list(template.properties("AdminFunctionRole").get("Policies"))) {
            for (Object statement : list(map(object(policy), "PolicyDocument").get("Statement"))) {
                list(object(statement).get("Action")).stream().map(String::valueOf)
                        .filter(a -> a.startsWith("cognito-idp:")).forEach(granted::add);
            }
        }
        assertEquals(actions, granted, "AdminFunctionRole's Cognito actions against UserPoolDirectory's calls");
        String role = account.resolve(Map.of("Ref", "AdminFunctionRole"));
        String otherPool = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other";
        actions.forEach(action -> {
            assertEquals(Decision.ALLOW, access.decide(role, action, thisPool), action);
            assertEquals(Decision.IMPLICIT_DENY, access.decide(role, action, otherPool), action + " elsewhere");
        });
        Map<String, String> beyond = Map.of("cognito-idp:AdminDeleteUser", thisPool,
                "cognito-idp:UpdateUserPool", thisPool, "cognito-idp:UpdateUserPoolClient", thisPool,
                "cognito-identity:GetCredentialsForIdentity", "*", "dynamodb:Scan", "*", "s3:GetObject", "*",
                "iam:PassRole", "*", "sts:AssumeRole", "*", "lambda:InvokeFunction", "*");
        beyond.forEach((action, resource) -> assertEquals(Decision.IMPLICIT_DENY,
                access.decide(role, action, resource), action));
        // Creation keys (CreateKeys): a conditional put and a delete on the items table, nothing else of DynamoDB.
        String table = account.resolve(Map.of("Fn::GetAtt", List.of("ItemsTable", "Arn")));
        for (String action : List.of("dynamodb:PutItem", "dynamodb:DeleteItem")) {
            assertEquals(Decision.ALLOW, access.decide(role, action, table), action);
        }
        for (String action : List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem")) {
            assertEquals(Decision.IMPLICIT_DENY, access.decide(role, action, table), action);
        }
    }

    private String invokeArn(String method, String path) {
        return "arn:aws:execute-api:us-east-1:" + account.accountId() + ":" + account.apiId() + "/$default/" + method
                + path;
    }
}
