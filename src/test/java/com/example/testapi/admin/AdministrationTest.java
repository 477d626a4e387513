package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TakenOutAtOnce;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The "done when", from outside against the local cloud: requests signed with the AWS SDK's SigV4 signer go
 * through the local gateway (IAM from template.yaml) to the administration function (this test's Quarkus app, its
 * Cognito calls signed with credentials issued for AdminFunctionRole), and the AWS SDK's own Cognito client checks
 * what changed in the pool.
 */
@QuarkusTest
class AdministrationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PASSWORD = "Admin-Route-Passw0rd!";
    /** Every administration route, as a request a test can send: method, path, body. */
    private static final List<String[]> ROUTES = List.of(new String[] {"GET", "/admin/users", null},
            new String[] {"POST", "/admin/users", "{\"username\":\"zed\",\"group\":null}"},
            new String[] {"PUT", "/admin/users/alice/group", "{\"group\":\"Admins\"}"},
            new String[] {"POST", "/admin/users/alice/disable", null},
            new String[] {"POST", "/admin/users/alice/enable", null},
            new String[] {"POST", "/admin/users/alice/sign-out", null},
            new String[] {"POST", "/admin/users/alice/reset-totp", null},
            new String[] {"POST", "/admin/users/alice/reset-password", null});

    private AdminCloud admin;
    private TestCloud cloud;
    private CognitoIdentityProviderClient pool;
    private String poolId;

    @BeforeEach
    void start() throws Exception {
        admin = AdminCloud.start(new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port
                + "/_lambda_")));
        cloud = admin.cloud;
        pool = admin.pool;
        poolId = admin.poolId;
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void theAdminsRoleCannotCallCognitosAdminApiItself() {
        IssuedCredentials ada = cloud.credentials("ada");
        assertTrue(ada.roleName().endsWith("TestApiAdmin"), ada.roleName());
        try (CognitoIdentityProviderClient asAda = CognitoSdk.userPool(cloud.cloud,
                AwsSessionCredentials.create(ada.accessKeyId(), ada.secretKey(), ada.sessionToken()))) {
            List<Runnable> calls = List.of(() -> asAda.listUsers(r -> r.userPoolId(poolId)),
                    () -> asAda.adminGetUser(r -> r.userPoolId(poolId).username("eve")),
                    () -> asAda.adminDisableUser(r -> r.userPoolId(poolId).username("eve")),
                    () -> asAda.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).username("eve").groupName("Admins")),
                    () -> asAda.adminSetUserPassword(r -> r.userPoolId(poolId).username("eve").password(PASSWORD)),
                    () -> asAda.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username("eve")
                            .softwareTokenMfaSettings(s -> s.enabled(false))));
            for (Runnable call : calls) {
                CognitoIdentityProviderException refused = assertThrows(CognitoIdentityProviderException.class,
                        call::run);
                assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
            }
        }
        assertTrue(pool.adminGetUser(r -> r.userPoolId(poolId).username("eve")).enabled(), "nothing changed");
    }

    @Test
    void fullAccessAndReadOnlyAccessGet403FromTheGatewayOnEveryAdminRoute() throws Exception {
        for (String user : List.of("alice", "bob")) {
            for (String[] route : ROUTES) {
                HttpResponse<String> answer = call(user, route[0], route[1], route[2]);
                assertEquals(403, answer.statusCode(), user + " " + route[0] + " " + route[1]);
                assertEquals("Forbidden", MAPPER.readTree(answer.body()).path("message").asText(), answer.body());
            }
        }
        assertEquals(List.of("FullAccess"), groups("alice"), "nothing changed");
    }

    @Test
    void anAdministratorManagesUsersThroughTheRoutes() throws Exception {
        JsonNode listed = json(call("ada", "GET", "/admin/users", null), 200);
        JsonNode adaRow = row(listed, "ada");
        assertEquals("[\"Admins\"]", adaRow.path("groups").toString());
        assertTrue(adaRow.path("totp").asBoolean() && adaRow.path("enabled").asBoolean(), adaRow.toString());

        JsonNode created = json(call("ada", "POST", "/admin/users",
                "{\"username\":\"gina\",\"group\":\"ReadOnlyAccess\"}"),
                201);
        assertEquals("FORCE_CHANGE_PASSWORD", created.path("user").path("status").asText(), created.toString());
        assertTrue(created.path("temporaryPassword").asText().length() >= 12, created.toString());
        assertEquals(List.of("ReadOnlyAccess"), groups("gina"));
        assertEquals(409, call("ada", "POST", "/admin/users", "{\"username\":\"gina\"}").statusCode());

        JsonNode moved = json(call("ada", "PUT", "/admin/users/gina/group", "{\"group\":\"FullAccess\"}"), 200);
        assertEquals("[\"FullAccess\"]", moved.path("groups").toString());
        assertEquals(List.of("FullAccess"), groups("gina"));

        json(call("ada", "POST", "/admin/users/gina/disable", null), 200);
        assertFalse(user("gina").enabled());
        json(call("ada", "POST", "/admin/users/gina/enable", null), 200);
        assertTrue(user("gina").enabled());
        assertEquals(200, call("ada", "POST", "/admin/users/gina/sign-out", null).statusCode());
        assertTrue(json(call("ada", "POST", "/admin/users/gina/reset-password", null), 200)
                .path("temporaryPassword").asText().length() >= 12);
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselves() throws Exception {
        assertRefused(call("ada", "PUT", "/admin/users/ada/group", "{\"group\":\"FullAccess\"}"), 403, "own_rights");
        assertRefused(call("ada", "PUT", "/admin/users/ada/group", "{\"group\":null}"), 403, "own_rights");
        assertRefused(call("ada", "POST", "/admin/users/ada/disable", null), 403, "own_rights");
        assertRefused(call("ada", "POST", "/admin/users/ada/reset-totp", null), 403, "own_rights");
        assertEquals(List.of("Admins"), groups("ada"));
        assertTrue(user("ada").enabled());
    }

    @Test
    void anAdministratorCannotChangeAnotherAdministratorsPasswordOrMfa() throws Exception {
        assertRefused(call("ada", "POST", "/admin/users/eve/reset-password", null), 403, "target_is_administrator");
        assertRefused(call("ada", "POST", "/admin/users/eve/reset-totp", null), 403, "target_is_administrator");
        assertTrue(user("eve").userMFASettingList().contains("SOFTWARE_TOKEN_MFA"), "eve's TOTP is still on");
        assertEquals("CONFIRMED", user("eve").userStatusAsString());
    }

    /**
     * Credentials keep the role they were issued with for up to an hour: eve disables ada, and ada's session, still
     * holding the Admins role, can neither act on eve nor enable or promote itself again; likewise once eve has
     * enabled her but taken her out of Admins.
     */
    @Test
    void aSessionWhoseUserIsNoLongerAnAdministratorIsRefused() throws Exception {
        IssuedCredentials ada = cloud.credentials("ada");
        json(call("eve", "POST", "/admin/users/ada/disable", null), 200);
        assertRefused(call(ada, "PUT", "/admin/users/eve/group", "{\"group\":\"FullAccess\"}"), 403,
                "not_an_administrator");
        assertRefused(call(ada, "POST", "/admin/users/ada/enable", null), 403, "not_an_administrator");
        assertFalse(user("ada").enabled());
        json(call("eve", "POST", "/admin/users/ada/enable", null), 200);
        json(call("eve", "PUT", "/admin/users/ada/group", "{\"group\":\"FullAccess\"}"), 200);
        assertRefused(call(ada, "PUT", "/admin/users/ada/group", "{\"group\":\"Admins\"}"), 403,
                "not_an_administrator");
        assertRefused(call(ada, "POST", "/admin/users/eve/disable", null), 403, "not_an_administrator");
        assertEquals(List.of("FullAccess"), groups("ada"));
        assertEquals(List.of("Admins"), groups("eve"));
        assertTrue(user("eve").enabled());
    }

    /**
     * Two administrators taking each other out at the same moment: ada moves eve out of Admins while eve's own
     * request takes ada out (played here inside ada's change, between its check and its read-back). Both passed the
     * rule; ada's change finds no able administrator left, is undone, and refused.
     */
    @Test
    void ofTwoAdministratorsTakingEachOtherOutAtOnceOneStays() throws Exception {
        LocalAdminFunction.install(TakenOutAtOnce.directory(admin.cloud.cloud, "eve", "ada"));
        assertRefused(call("ada", "PUT", "/admin/users/eve/group", "{\"group\":\"FullAccess\"}"), 409,
                "last_administrator");
        assertEquals(List.of("Admins"), groups("eve"), "ada's change undone");
        assertEquals(List.of(), groups("ada"), "eve's change stands");
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() throws Exception {
        assertRefused(call("ada", "PUT", "/admin/users/alice/group", "{\"group\":\"Root\"}"), 400, "invalid_field");
        assertRefused(call("ada", "PUT", "/admin/users/alice/group", "not json"), 400, "malformed_json");
        assertRefused(call("ada", "PUT", "/admin/users/alice/group", "{}"), 400, "invalid_field");
        assertRefused(call("ada", "POST", "/admin/users", "{\"username\":\"has space\"}"), 400, "invalid_field");
        assertRefused(call("ada", "POST", "/admin/users/nobody/disable", null), 404, "user_not_found");
        assertEquals(List.of("FullAccess"), groups("alice"));
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) throws Exception {
        AdminCloud.assertRefused(answer.statusCode(), answer.body(), status, code);
    }

    private HttpResponse<String> call(String user, String method, String path, String body) {
        return call(user.equals("eve") ? cloud.cloud.identityPool().credentialsFor(cloud.cloud.userPool().settings()
                .providerName(), cloud.cloud.userPool().signIn("eve", AdminCloud.EVE_PASSWORD))
                : cloud.credentials(user), method, path, body);
    }

    private HttpResponse<String> call(IssuedCredentials credentials, String method, String path, String body) {
        return admin.call(credentials, method, path, body, null);
    }

    private static JsonNode json(HttpResponse<String> answer, int status) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        return MAPPER.readTree(answer.body());
    }

    private static JsonNode row(JsonNode page, String username) {
        for (JsonNode user : page.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError(username + " not listed: " + page);
    }

    private List<String> groups(String name) {
        return admin.groups(name);
    }

    private AdminGetUserResponse user(String name) {
        return admin.user(name);
    }
}
