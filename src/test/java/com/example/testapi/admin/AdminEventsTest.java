package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;
import com.example.testapi.support.TakenOutAtOnce;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The function alone, on the payload-2.0 events of {@code events/admin-*.json} posted to the mock event server as
 * Lambda delivers them (API Gateway's decision already made): one event per rule. The events name a user pool
 * sign-in by its {@code sub}; the test points them at its local pool's users (ada, alice), and the function's
 * directory at that pool.
 */
@QuarkusTest
class AdminEventsTest {

    /** The subs the event files carry, and the local user each stands for. */
    private static final Map<String, String> SUBS = Map.of("33333333-aaaa-4bbb-8ccc-000000000003", "ada",
            "11111111-aaaa-4bbb-8ccc-000000000001", "alice");

    private AdminCloud admin;
    private CognitoIdentityProviderClient pool;
    private String poolId;

    @BeforeEach
    void start() throws Exception {
        admin = AdminCloud.start(TestCloud.NO_FUNCTION);
        pool = admin.pool;
        poolId = admin.poolId;
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void anAdministratorListsUsers() throws Exception {
        LambdaResponse answer = LambdaResponse.invoke(event("admin-list-users.json"));
        assertEquals(200, answer.status(), answer.body());
        JsonNode users = LambdaEvents.MAPPER.readTree(answer.body()).path("users");
        assertTrue(users.toString().contains("\"username\":\"eve\""), users::toString);
    }

    @Test
    void ownRights() throws Exception {
        assertRefused(LambdaResponse.invoke(event("admin-disable-self.json")), 403, "own_rights");
        assertTrue(admin.user("ada").enabled());
    }

    @Test
    void anotherAdministratorsPassword() throws Exception {
        assertRefused(LambdaResponse.invoke(event("admin-reset-password-of-administrator.json")), 403,
                "target_is_administrator");
    }

    @Test
    void aSessionWhoseUserLeftAdminsIsRefused() throws Exception {
        // ada was taken out of Admins elsewhere; her event still carries the Admins role's session.
        pool.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).username("ada").groupName("Admins"));
        assertRefused(LambdaResponse.invoke(event("admin-demote-administrator.json")), 403, "not_an_administrator");
        assertEquals(List.of("Admins"), admin.groups("eve"));
        // An administrator again: the same event goes through.
        pool.adminAddUserToGroup(r -> r.userPoolId(poolId).username("ada").groupName("Admins"));
        assertEquals(200, LambdaResponse.invoke(event("admin-demote-administrator.json")).status());
        assertEquals(List.of("ReadOnlyAccess"), admin.groups("eve"));
    }

    /** eve takes ada out at the moment ada's event takes eve out: ada's change is undone, eve stays. */
    @Test
    void theLastAdministrator() throws Exception {
        LocalAdminFunction.install(TakenOutAtOnce.directory(admin.cloud.cloud, "eve", "ada"));
        assertRefused(LambdaResponse.invoke(event("admin-demote-administrator.json")), 409, "last_administrator");
        assertEquals(List.of("Admins"), admin.groups("eve"));
        assertEquals(List.of(), admin.groups("ada"));
    }

    @Test
    void aRoleOtherThanAdminsIsRefusedByTheFunctionToo() throws Exception {
        LambdaResponse answer = LambdaResponse.invoke(event("admin-set-group-full-access.json"));
        assertRefused(answer, 403, "forbidden");
        assertEquals(List.of("ReadOnlyAccess"), admin.groups("bob"));
    }

    /** The event file, its sign-in pointed at this test's pool and the user its sub stands for. */
    private ObjectNode event(String file) {
        ObjectNode event = LambdaEvents.load(file);
        ArrayNode amr = (ArrayNode) LambdaEvents.iam(event).path("cognitoIdentity").path("amr");
        String provider = admin.cloud.cloud.userPool().settings().providerName();
        String sub = amr.get(2).asText().replaceAll(".*:CognitoSignIn:", "");
        String user = SUBS.get(sub);
        String realSub = pool.adminGetUser(r -> r.userPoolId(poolId).username(user)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        amr.set(1, provider);
        amr.set(2, provider + ":CognitoSignIn:" + realSub);
        return event;
    }

    private static void assertRefused(LambdaResponse answer, int status, String code) throws Exception {
        AdminCloud.assertRefused(answer.status(), answer.body(), status, code);
    }
}
