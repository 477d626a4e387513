package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.awsjson.AwsError;
import com.example.testapi.local.iam.RolePolicies;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.local.template.LocalAccount;
import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.TemplateCopy;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The front door takes every access decision from template.yaml: change a copy of it, and the answer changes. */
@QuarkusTest
class TemplateDrivesAccessTest {

    private static final String ROUTE_ARN = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/";

    @TempDir
    Path dir;

    private Path copy(Consumer<Map<String, Object>> edit) throws IOException {
        return TemplateCopy.of(dir, edit);
    }

    /** The statements of the invoke policy attached to {@code role} (its AWS::IAM::Policy, ROLEInvoke). */
    private static List<Object> statements(Map<String, Object> template, String role) {
        Map<String, Object> policy = new SamTemplate(template).properties(role + "Invoke");
        return SamTemplate.list(SamTemplate.map(policy, "PolicyDocument").get("Statement"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> resources(Map<String, Object> template, String role) {
        return (List<Object>) cast(statements(template, role).get(0)).get("Resource");
    }

    private static TestCloud cloud(Path template) throws IOException {
        return TestCloud.start(template,
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")));
    }

    /** {@code user} signs in to the local cloud of {@code template} and calls {@code method /test}. */
    private HttpResponse<String> send(Path template, String user, String method) throws IOException {
        try (TestCloud cloud = cloud(template)) {
            URI uri = cloud.api("/test");
            SignedHttp.Signing signing = TestCloud.signing(cloud.credentials(user));
            Signed request = method.equals("GET")
                    ? SignedHttp.sign(signing, "GET", uri, Map.of(), null)
                    : SignedHttp.sign(signing, "POST", uri, Map.of("content-type", "application/json"),
                            "{\"message\":\"the template decides\"}");
            return SignedHttp.send(request);
        }
    }

    @Test
    void removingGetFromTheReadRoleShutsBobOut() throws IOException {
        Path narrowed = copy(t -> resources(t, "TestApiReadAccess").set(0, Map.of("Fn::Sub", ROUTE_ARN + "GET/other")));

        assertEquals(200, send(Path.of("template.yaml"), "bob", "GET").statusCode());
        HttpResponse<String> refused = send(narrowed, "bob", "GET");
        assertEquals(403, refused.statusCode());
        assertEquals("Forbidden", FrontDoor.json(refused).get("message").asText());
    }

    /**
     * With POST added to the read role, API Gateway lets bob's POST through, and the function's own fail-closed check
     * is what refuses it: a JSON error of the function, where the original template gets the gateway's 403.
     */
    @Test
    void addingPostToTheReadRoleLetsBobPastTheGatewayOnly() throws IOException {
        Path widened = copy(t -> resources(t, "TestApiReadAccess").add(Map.of("Fn::Sub", ROUTE_ARN + "POST/test")));

        HttpResponse<String> byGateway = send(Path.of("template.yaml"), "bob", "POST");
        assertEquals(403, byGateway.statusCode());
        assertEquals("Forbidden", FrontDoor.json(byGateway).get("message").asText());

        HttpResponse<String> byFunction = send(widened, "bob", "POST");
        assertEquals(403, byFunction.statusCode(), byFunction::body);
        assertEquals("forbidden", FrontDoor.json(byFunction).get("error").asText());
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() throws IOException {
        Path denied = copy(t -> {
            Map<String, Object> deny = new LinkedHashMap<>();
            deny.put("Effect", "Deny");
            deny.put("Action", "execute-api:*");
            deny.put("Resource", "arn:aws:execute-api:*:*:*/*/POST/*");
            statements(t, "TestApiFullAccess").add(deny);
        });

        assertEquals(201, send(Path.of("template.yaml"), "alice", "POST").statusCode());
        assertEquals(403, send(denied, "alice", "POST").statusCode());
        assertEquals(200, send(denied, "alice", "GET").statusCode());
    }

    @Test
    void equalPrecedencesLeaveATwoGroupUserWithoutARole() throws IOException {
        Path tied = copy(t -> new SamTemplate(t).properties("ReadOnlyAccessGroup").put("Precedence",
                new SamTemplate(t).properties("FullAccessGroup").get("Precedence")));

        assertEquals(201, send(Path.of("template.yaml"), "dave", "POST").statusCode());
        try (TestCloud cloud = cloud(tied)) {
            // No cognito:preferred_role in dave's token, and AmbiguousRoleResolution: Deny: no credentials at all.
            AwsError refused = assertThrows(AwsError.class, () -> cloud.credentials("dave"));
            assertEquals("NotAuthorizedException", refused.type());
            assertEquals("The ambiguous role mapping rules denied this request.", refused.getMessage());
        }
        assertEquals(201, send(tied, "alice", "POST").statusCode(), "one group: no tie");
    }

    /**
     * AWS::Cognito::UserPoolGroup, Precedence: "If two groups with the same Precedence have the same role ARN, that
     * role is used in the cognito:preferred_role claim": a tie of one role is no ambiguity.
     */
    @Test
    void equalPrecedencesOfOneRoleKeepThatRole() throws IOException {
        Path oneRole = copy(t -> {
            SamTemplate template = new SamTemplate(t);
            template.properties("ReadOnlyAccessGroup").put("Precedence",
                    template.properties("FullAccessGroup").get("Precedence"));
            template.properties("ReadOnlyAccessGroup").put("RoleArn",
                    template.properties("FullAccessGroup").get("RoleArn"));
        });
        try (TestCloud cloud = cloud(oneRole)) {
            assertTrue(cloud.credentials("dave").roleName().endsWith("TestApiFullAccess"),
                    "dave's two groups name one role: he gets it");
        }
        assertEquals(201, send(oneRole, "dave", "POST").statusCode());
    }

    @Test
    void aTemplateWithAnOpenRouteIsRefused() throws IOException {
        Path open = copy(t -> {
            SamTemplate template = new SamTemplate(t);
            SamTemplate.map(template.properties("HttpApi"), "Auth").remove("DefaultAuthorizer");
            SamTemplate.map(SamTemplate.map(SamTemplate.map(template.properties("GetTestFunction"), "Events"), "GetTest"),
                    "Properties").remove("Auth");
        });

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TemplateAccess.load(open, "us-east-1"));
        assertTrue(refused.getMessage().contains("GET /test is not protected by AWS_IAM"), refused::getMessage);
    }

    @Test
    void aPolicyTheFrontDoorCannotEvaluateIsRefusedLoudly() throws IOException {
        Path conditional = copy(t -> cast(statements(t, "TestApiFullAccess").get(0))
                .put("Condition", Map.of("IpAddress", Map.of("aws:SourceIp", "10.0.0.0/8"))));

        SamTemplate template = SamTemplate.load(conditional);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RolePolicies.from(template, LocalAccount.forTemplate("us-east-1", template)));
        assertTrue(refused.getMessage().contains("Condition"), refused::getMessage);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
