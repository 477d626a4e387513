package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.client.ApiException;
import com.example.testapi.client.TestApiClient;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The product's promise, written once, through the consumer client: FullAccess reads and writes, ReadOnlyAccess only
 * reads, nobody else gets in, and a refused write leaves nothing. Subclasses pick the target: the local front door
 * (in every build) or a deployed stack (when named with -Dstack).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcceptanceMatrix {

    /** The stack's role names: STACK-TestApiFullAccess-SUFFIX as CloudFormation names them (locally no suffix). */
    static final Pattern FULL_ACCESS = Pattern.compile("-TestApiFullAccess(-[A-Za-z0-9]+)?$");
    static final Pattern READ_ACCESS = Pattern.compile("-TestApiReadAccess(-[A-Za-z0-9]+)?$");
    static final Pattern ADMIN = Pattern.compile("-TestApiAdmin(-[A-Za-z0-9]+)?$");

    private AcceptanceTarget target;

    protected abstract AcceptanceTarget openTarget() throws Exception;

    @BeforeEach
    void open() throws Exception {
        if (target == null) {
            target = openTarget();
        }
        beforeEachTest();
    }

    /** Per test, after the target is open (the local target installs its administration function's directory). */
    protected void beforeEachTest() {
    }

    @AfterAll
    void close() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void fullAccessReads() {
        TestApiClient.Page page = target.fullAccess().list(5, null);
        assertTrue(FULL_ACCESS.matcher(page.caller().role()).find(), page.caller()::toString);
        assertTrue(page.items().size() <= 5);
    }

    @Test
    void fullAccessWrites() {
        String message = "acceptance " + UUID.randomUUID();
        TestApiClient.Created created = target.fullAccess().create(message, UUID.randomUUID().toString());
        assertFalse(created.replayed());
        assertEquals(message, created.item().message());
        assertTrue(FULL_ACCESS.matcher(created.item().createdBy().role()).find());
        assertEquals(created.item().id(), target.readOnly().list(1, null).items().get(0).id(), "readable at once");
    }

    @Test
    void readOnlyReads() {
        TestApiClient.Page page = target.readOnly().list(5, null);
        assertTrue(READ_ACCESS.matcher(page.caller().role()).find(), page.caller()::toString);
    }

    @Test
    void readOnlyCannotWriteAndLeavesNoItem() {
        String message = "must not be stored " + UUID.randomUUID();
        ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                () -> target.readOnly().create(message, null));
        assertEquals(403, refused.status());
        assertFalse(target.fullAccess().list(100, null).items().stream().anyMatch(i -> i.message().equals(message)));
    }

    /**
     * A query value holding '=' ({@code a==}: name a, value =) is signed as SigV4 reads it and reaches the function
     * whole: {@code limit==5} is the function's 400 for the value "=5", not the gateway's 403.
     */
    @Test
    void aQueryValueHoldingEqualsIsSignedAsSent() {
        HttpResponse<String> listed = target.getAsFullAccess("/test?a==&b=x=y&limit=5");
        assertEquals(200, listed.statusCode(), listed::body);
        HttpResponse<String> refused = target.getAsFullAccess("/test?limit==5");
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("invalid_query"), refused::body);
    }

    @Test
    void unsignedRequestsAreRefused() {
        ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                () -> target.unsigned().list(null, null));
        assertEquals(403, refused.status());
        assertEquals("Missing Authentication Token", refused.gatewayMessage());
    }

    @Test
    void anAdminReadsAndWritesAsTheAdminRole() {
        TestApiClient.Created created = target.admin().create("acceptance admin " + UUID.randomUUID(), null);
        assertTrue(ADMIN.matcher(created.item().createdBy().role()).find(), created.item()::toString);
        assertTrue(ADMIN.matcher(target.admin().list(1, null).caller().role()).find());
    }

    /**
     * Administration goes through the API: the Admins role lists users through /admin/users and Cognito refuses it
     * directly; FullAccess and ReadOnlyAccess get API Gateway's 403 on every administration route; the function
     * refuses an administrator's action on themselves and on another administrator's password, with their codes.
     */
    @Test
    void onlyTheAdminRoleAdministersAndOnlyThroughTheApi() {
        JsonNode page = target.admin().admin("GET", "", null);
        assertFalse(page.path("users").isEmpty(), page::toString);
        for (TestApiClient other : List.of(target.fullAccess(), target.readOnly())) {
            for (String[] route : List.of(new String[] {"GET", ""}, new String[] {"POST", ""},
                    new String[] {"PUT", "/nobody/group"}, new String[] {"POST", "/nobody/disable"},
                    new String[] {"POST", "/nobody/enable"}, new String[] {"POST", "/nobody/sign-out"},
                    new String[] {"POST", "/nobody/reset-totp"}, new String[] {"POST", "/nobody/reset-password"})) {
                // Refused by the gateway before the function reads anything: the body does not matter.
                ApiException.GatewayRefused refused = assertThrows(ApiException.GatewayRefused.class,
                        () -> other.admin(route[0], route[1], null), route[0] + " " + route[1]);
                assertEquals(403, refused.status());
            }
        }
        // The function's rules, as each target's function applies them (a deployed probe for each refusal but the
        // last administrator, which needs a session outliving its user's demotion: AdministrationTest plays it).
        String self = "/" + target.usernameOf("Admins");
        ApiException.ContractViolation own = assertThrows(ApiException.ContractViolation.class,
                () -> target.admin().admin("POST", self + "/disable", null));
        assertEquals(403, own.status());
        assertEquals("own_rights", own.code());
        String other = "/" + target.newUser("Admins")[0];
        ApiException.ContractViolation theirs = assertThrows(ApiException.ContractViolation.class,
                () -> target.admin().admin("POST", other + "/reset-password", null));
        assertEquals("target_is_administrator", theirs.code());
        try (CognitoIdentityProviderClient admin = target.userPoolAs("Admins")) {
            assertEquals("AccessDeniedException", assertThrows(AwsServiceException.class,
                    () -> admin.listUsers(r -> r.userPoolId(target.userPoolId()).limit(5))).awsErrorDetails()
                    .errorCode());
        }
    }
}
