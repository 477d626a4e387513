package com.example.testapi.template;

import static com.example.testapi.local.template.SamTemplate.list;
import static com.example.testapi.local.template.SamTemplate.map;
import static com.example.testapi.local.template.SamTemplate.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;

/** What template.yaml must say for the API to be closed to everyone but the three groups, each to its routes. */
class TemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void everyRouteRequiresIam() {
        List<SamTemplate.Route> routes = template.routes();

        assertEquals(Set.of("GET /test", "POST /test", "GET /admin/users", "POST /admin/users",
                "PUT /admin/users/{name}/group", "POST /admin/users/{name}/disable", "POST /admin/users/{name}/enable",
                "POST /admin/users/{name}/sign-out", "POST /admin/users/{name}/reset-totp",
                "POST /admin/users/{name}/reset-password"),
                routes.stream().map(SamTemplate.Route::key).collect(Collectors.toSet()));
        routes.forEach(route -> assertEquals("AWS_IAM", route.authorizer(), route::toString));
        Map<String, Object> auth = map(template.properties("HttpApi"), "Auth");
        assertEquals(true, auth.get("EnableIamAuthorizer"));
        assertEquals("AWS_IAM", auth.get("DefaultAuthorizer"));
    }

    /** The rule above must be able to fail: EnableIamAuthorizer alone leaves routes open (checked with cfn-lint and the SAM translator). */
    @Test
    void enableIamAuthorizerAloneIsSeenAsOpen() {
        SamTemplate open = SamTemplate.load(Path.of("template.yaml"));
        Map<String, Object> auth = map(open.properties("HttpApi"), "Auth");
        auth.remove("DefaultAuthorizer");
        open.resourcesOfType("AWS::Serverless::Function").values().forEach(function -> map(map(function, "Properties"),
                "Events").values().stream().filter(event -> "HttpApi".equals(object(event).get("Type")))
                .forEach(event -> map(map(object(event), "Properties"), "Auth").clear()));

        open.routes().forEach(route -> assertEquals(null, route.authorizer(), route::toString));
    }

    @Test
    void groupsMapToTheirRolesWithDistinctPrecedence() {
        Map<String, Object> full = template.properties("FullAccessGroup");
        Map<String, Object> read = template.properties("ReadOnlyAccessGroup");

        assertEquals("FullAccess", full.get("GroupName"));
        assertEquals("ReadOnlyAccess", read.get("GroupName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TestApiFullAccess", "Arn")), full.get("RoleArn"));
        assertEquals(Map.of("Fn::GetAtt", List.of("TestApiReadAccess", "Arn")), read.get("RoleArn"));
        assertNotEquals(full.get("Precedence"), read.get("Precedence"));
        assertTrue((Integer) full.get("Precedence") < (Integer) read.get("Precedence"), "FullAccess wins");
        // A group hands out its role only once the role may invoke: no credentials that get only 403.
        assertEquals("TestApiFullAccessInvoke", template.resource("FullAccessGroup").get("DependsOn"));
        assertEquals("TestApiReadAccessInvoke", template.resource("ReadOnlyAccessGroup").get("DependsOn"));
    }

    /**
     * No role has a fixed name: a fixed STACK-… name collides when the same stack is deployed to a second region of
     * the account, and exceeds IAM's 64 characters for a long stack name. CloudFormation names them instead.
     */
    @Test
    void noRoleHasAFixedName() {
        template.resourcesOfType("AWS::IAM::Role").forEach((id, role) ->
                assertFalse(map(role, "Properties").containsKey("RoleName"), id + " has a fixed RoleName"));
    }

    @Test
    void theReadRoleMayOnlyGetAndTheFullRoleMayGetAndPost() {
        assertEquals(Set.of("GET/test"), invokableRoutes("TestApiReadAccess"));
        assertEquals(Set.of("GET/test", "POST/test"), invokableRoutes("TestApiFullAccess"));
        assertEquals(Set.of("GET/test", "POST/test", "*/admin/*"), invokableRoutes("TestApiAdmin"));
    }

    @Test
    void theDefaultAuthenticatedRoleGrantsNothing() {
        List<Map<String, Object>> statements = statements("AuthenticatedDefaultRole");
        assertFalse(statements.isEmpty());
        statements.forEach(statement -> assertEquals("Deny", statement.get("Effect")));
    }

    @Test
    void everyCognitoRoleTrustsOnlyAuthenticatedIdentitiesOfThisPool() {
        for (String role : List.of("TestApiFullAccess", "TestApiReadAccess", "TestApiAdmin",
                "AuthenticatedDefaultRole")) {
            List<Object> trust = list(map(template.properties(role), "AssumeRolePolicyDocument").get("Statement"));
            assertEquals(1, trust.size(), role);
            Map<String, Object> statement = object(trust.get(0));
            assertEquals("Allow", statement.get("Effect"));
            assertEquals("cognito-identity.amazonaws.com", map(statement, "Principal").get("Federated"), role);
            assertEquals("sts:AssumeRoleWithWebIdentity", statement.get("Action"), role);
            Map<String, Object> condition = map(statement, "Condition");
            assertEquals(Map.of("Ref", "IdentityPool"),
                    map(condition, "StringEquals").get("cognito-identity.amazonaws.com:aud"), role);
            assertEquals("authenticated",
                    map(condition, "ForAnyValue:StringLike").get("cognito-identity.amazonaws.com:amr"), role);
        }
    }

    @Test
    void theIdentityPoolRefusesUnauthenticatedAndAmbiguousIdentities() {
        Map<String, Object> pool = template.properties("IdentityPool");
        assertEquals(false, pool.get("AllowUnauthenticatedIdentities"));
        assertEquals(false, pool.get("AllowClassicFlow"));

        Map<String, Object> attachment = template.properties("IdentityPoolRoles");
        assertEquals(Set.of("authenticated"), map(attachment, "Roles").keySet(), "no unauthenticated role");
        Map<String, Object> mappings = map(attachment, "RoleMappings");
        assertFalse(mappings.isEmpty());
        mappings.values().forEach(mapping -> {
            assertEquals("Token", object(mapping).get("Type"));
            assertEquals("Deny", object(mapping).get("AmbiguousRoleResolution"));
        });
    }

    /**
     * The token trigger takes TokenGeneration_Authentication to mean "this sign-in asked for the code": true while
     * the pool has no remembered devices, no custom or passwordless flow, and no other trigger that signs users in.
     */
    @Test
    void noSignInSkipsTheCodeThatTheTriggerWouldTakeForProven() {
        Map<String, Object> pool = template.properties("UserPool");
        assertFalse(pool.containsKey("DeviceConfiguration"), "remembered devices skip the code");
        assertEquals(Set.of("PreTokenGenerationConfig"), map(pool, "LambdaConfig").keySet());
        assertEquals(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                template.properties("UserPoolClient").get("ExplicitAuthFlows"));
    }

    /** An access token may change nothing that recovery or the rules read (docs/mfa.md). */
    @Test
    void anAccessTokenMayNotWriteWhatRecoveryReads() {
        Object writable = template.properties("UserPoolClient").get("WriteAttributes");
        assertTrue(writable instanceof List<?> list && !list.isEmpty(), "listed, or every attribute is writable");
        ((List<?>) writable).forEach(attribute -> assertFalse(Set.of("email", "phone_number", "email_verified",
                "phone_number_verified").contains(attribute) || String.valueOf(attribute).startsWith("custom:"),
                "writable by an access token: " + attribute));
    }

    /**
     * The API functions are told the roles' generated names by reference, so the two cannot drift apart; each its
     * own, not through Globals, which the user pool's trigger would get too (a cycle: trigger, roles, pool).
     */
    @Test
    void functionsAreToldTheRoleNamesTheRolesHave() {
        for (String function : List.of("GetTestFunction", "PostTestFunction", "AdminFunction")) {
            Map<String, Object> variables = map(map(template.properties(function), "Environment"), "Variables");
            assertEquals(Map.of("Ref", "TestApiFullAccess"), variables.get("TESTAPI_FULL_ACCESS_ROLE"));
            assertEquals(Map.of("Ref", "TestApiReadAccess"), variables.get("TESTAPI_READ_ACCESS_ROLE"));
            assertEquals(Map.of("Ref", "TestApiAdmin"), variables.get("TESTAPI_ADMIN_ROLE"));
        }
        assertFalse(map(map(map(map(template.root(), "Globals"), "Function"), "Environment"), "Variables")
                .containsKey("TESTAPI_ADMIN_ROLE"));
    }

    @Test
    void bothFunctionsRunTheOneZipOnJava25WithSnapStart() {
        Map<String, Object> globals = map(map(template.root(), "Globals"), "Function");
        assertEquals("target/function.zip", globals.get("CodeUri"));
        assertEquals("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", globals.get("Handler"));
        // What the deployment gets under each packaging, as CloudFormation resolves the condition.
        assertEquals("java25", resolved(globals.get("Runtime"), Map.of()));
        assertEquals("provided.al2023", resolved(globals.get("Runtime"), Map.of("Packaging", "native")));
        assertTrue(globals.containsKey("AutoPublishAlias"));
        assertTrue(globals.get("SnapStart").toString().contains("PublishedVersions"));
        // The runtime chooses the JIT per start kind (C1 on demand, full tiering with SnapStart); an explicit
        // JAVA_TOOL_OPTIONS would pin one choice for both.
        assertFalse(map(map(globals, "Environment"), "Variables").containsKey("JAVA_TOOL_OPTIONS"));
        // The API functions (the administration one with a role of its own, AdminRoleTemplateTest), the user pool's
        // trigger, which has a zip, runtime and role of its own, and the authenticator watch (in the trigger's zip).
        assertEquals(Set.of("GetTestFunction", "PostTestFunction", "AdminFunction", "TokenTriggerFunction",
                        "AuthenticatorWatchFunction"),
                template.resourcesOfType("AWS::Serverless::Function").keySet());
        assertFalse(template.properties("AdminFunction").containsKey("CodeUri"), "the one zip of Globals");
        for (String function : List.of("GetTestFunction", "PostTestFunction")) {
            assertFalse(template.properties(function).containsKey("Role"),
                    "each API function keeps its own generated execution role");
            assertFalse(template.properties(function).containsKey("CodeUri"), "the one zip of Globals");
        }
    }

    /** One processor for every function, chosen by a parameter: x86_64, what the benchmarks measured, unless told. */
    @Test
    void theProcessorIsAParameterForEveryFunction() {
        assertEquals(List.of(Map.of("Ref", "Architecture")),
                map(map(template.root(), "Globals"), "Function").get("Architectures"));
        Map<String, Object> parameter = map(map(template.root(), "Parameters"), "Architecture");
        assertEquals("x86_64", parameter.get("Default"));
        assertEquals(List.of("x86_64", "arm64"), parameter.get("AllowedValues"));
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> assertFalse(
                map(function, "Properties").containsKey("Architectures"), id + " follows the stack's"));
    }

    @Test
    void theTableIsDurableEncryptedAndPaidPerRequest() {
        Map<String, Object> table = template.properties("ItemsTable");
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(true, map(table, "PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"));
        assertEquals(true, map(table, "SSESpecification").get("SSEEnabled"));
        assertEquals(true, resolved(table.get("DeletionProtectionEnabled"), Map.of()), "protected by default");
        assertEquals(false, resolved(table.get("DeletionProtectionEnabled"), Map.of("TableDeletionProtection", "false")));
        assertEquals("expiresAt", map(table, "TimeToLiveSpecification").get("AttributeName"));
        Map<String, Object> variables = map(map(map(map(template.root(), "Globals"), "Function"), "Environment"),
                "Variables");
        assertEquals(Map.of("Ref", "ItemsTable"), variables.get("TABLE_NAME"));
    }

    @Test
    void theGetFunctionMayOnlyQueryTheTable() {
        // The listing calls Query and nothing else; the table has no index, so no index ARN either.
        List<Map<String, Object>> statements = functionStatements("GetTestFunction");
        assertEquals(Set.of("dynamodb:Query"), actions(statements));
        statements.forEach(statement -> assertEquals(List.of(Map.of("Fn::GetAtt", List.of("ItemsTable", "Arn"))),
                list(statement.get("Resource"))));
    }

    @Test
    void thePostFunctionMayOnlyPutItems() {
        List<Map<String, Object>> statements = functionStatements("PostTestFunction");
        assertEquals(Set.of("dynamodb:PutItem"), actions(statements));
        statements.forEach(statement -> assertEquals(List.of(Map.of("Fn::GetAtt", List.of("ItemsTable", "Arn"))),
                list(statement.get("Resource"))));
    }

    /** The inline statements of a function's SAM Policies; anything else there (managed or template policies) fails. */
    private List<Map<String, Object>> functionStatements(String function) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(template.properties(function).get("Policies"))) {
            Map<String, Object> document = object(policy);
            assertEquals(Set.of("Statement"), document.keySet(), () -> function + ": inline statements only");
            list(document.get("Statement")).forEach(s -> {
                Map<String, Object> statement = object(s);
                assertEquals("Allow", statement.get("Effect"));
                assertFalse(list(statement.get("Resource")).contains("*"), () -> function + ": no * resource");
                statements.add(statement);
            });
        }
        return statements;
    }

    private static Set<String> actions(List<Map<String, Object>> statements) {
        Set<String> actions = new java.util.TreeSet<>();
        statements.forEach(statement -> list(statement.get("Action")).forEach(a -> {
            assertFalse(a.toString().contains("*"), () -> "no wildcard action: " + a);
            actions.add(a.toString());
        }));
        return actions;
    }

    /** METHOD/PATH pairs the role's Allow statements grant execute-api:Invoke on, for this API only. */
    private Set<String> invokableRoutes(String role) {
        Set<String> routes = new java.util.TreeSet<>();
        for (Map<String, Object> statement : statements(role)) {
            assertEquals("Allow", statement.get("Effect"), role);
            assertEquals(List.of("execute-api:Invoke"), list(statement.get("Action")), role);
            for (Object resource : list(statement.get("Resource"))) {
                String arn = object(resource).get("Fn::Sub").toString();
                String prefix = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/";
                assertTrue(arn.startsWith(prefix), arn);
                routes.add(arn.substring(prefix.length()));
            }
        }
        return routes;
    }

    /** The role's inline policies' statements and those of the AWS::IAM::Policy resources attached to it. */
    private List<Map<String, Object>> statements(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(template.properties(role).get("Policies"))) {
            list(map(object(policy), "PolicyDocument").get("Statement")).forEach(s -> statements.add(object(s)));
        }
        template.resourcesOfType("AWS::IAM::Policy").values().stream().map(p -> map(p, "Properties"))
                .filter(p -> list(p.get("Roles")).contains(Map.of("Ref", role)))
                .forEach(p -> list(map(p, "PolicyDocument").get("Statement")).forEach(s -> statements.add(object(s))));
        return statements;
    }


    /** {@code value} as a deployment with {@code parameters} gets it (conditions and !If evaluated). */
    private Object resolved(Object value, Map<String, String> parameters) {
        return com.example.testapi.local.template.LocalAccount.forTemplate("us-east-1", template, parameters)
                .resolveAll(Map.of("v", value)) instanceof Map<?, ?> resolved ? resolved.get("v") : null;
    }
}
