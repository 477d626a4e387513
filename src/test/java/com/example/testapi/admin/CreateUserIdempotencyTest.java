package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import com.example.testapi.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * POST /admin/users with an {@code Idempotency-Key}, through the local gateway to the administration function: the
 * user is created once, whatever the retries.
 */
@QuarkusTest
class CreateUserIdempotencyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminCloud admin;

    @BeforeEach
    void start() throws Exception {
        admin = AdminCloud.start(new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port
                + "/_lambda_")));
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    /** POST /admin/users with an Idempotency-Key: a retry replays (no password again), another request conflicts. */
    @Test
    void creatingWithAnIdempotencyKeyHappensOnce() throws Exception {
        String body = "{\"username\":\"hana\",\"group\":\"FullAccess\"}";
        HttpResponse<String> first = admin.call(ada(), "POST", "/admin/users", body, "create-hana-1");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = admin.call(ada(), "POST", "/admin/users", body, "create-hana-1");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("true", again.headers().firstValue("idempotent-replayed").orElse(null));
        JsonNode replay = MAPPER.readTree(again.body());
        assertEquals("hana", replay.path("user").path("username").asText());
        assertTrue(replay.path("temporaryPassword").isMissingNode(), "the password is never stored: " + replay);
        assertRefused(admin.call(ada(), "POST", "/admin/users",
                "{\"username\":\"hana\",\"group\":\"ReadOnlyAccess\"}", "create-hana-1"), 409,
                "idempotency_conflict");
        assertEquals(List.of("FullAccess"), admin.groups("hana"));
        // A creation that failed gives its key back: the same request is answered as itself again, not a replay.
        String taken = "{\"username\":\"alice\",\"group\":null}";
        assertRefused(admin.call(ada(), "POST", "/admin/users", taken, "create-alice"), 409,
                "user_exists");
        assertRefused(admin.call(ada(), "POST", "/admin/users", taken, "create-alice"), 409,
                "user_exists");
    }

    /**
     * The same request with the same key while the first may still be running (its claim made moments ago, no user
     * yet): 409 idempotency_in_progress. Past the function's time limit, the first counts as dead and the retry
     * creates; when that creation fails before the group, the next retry finishes it.
     */
    @Test
    void aRetryWaitsForTheFirstAndFinishesWhatItLeft() throws Exception {
        String body = "{\"username\":\"ivan\",\"group\":\"ReadOnlyAccess\"}";
        IssuedCredentials ada = ada();
        TestClock keysClock = new TestClock();
        InMemoryCreateKeys keys = new InMemoryCreateKeys(keysClock);
        keys.claim(ada.identityId() + "\n" + "create-ivan", CreateKeys.fingerprint("ivan", "ReadOnlyAccess"));
        QuarkusMock.installMockForType(keys, CreateKeys.class);
        boolean[] groupFails = {true};
        LocalAdminFunction.install(new UserPoolDirectory(LocalAdminFunction.functionClient(admin.cloud.cloud),
                admin.poolId) {
            @Override
            public void addToGroup(String name, String group) {
                if (groupFails[0]) {
                    groupFails[0] = false;
                    throw new UserPoolFailure(UserPoolFailure.Kind.BUSY, "TooManyRequestsException", "slow down", null);
                }
                super.addToGroup(name, group);
            }
        });
        assertRefused(admin.call(ada, "POST", "/admin/users", body, "create-ivan"), 409, "idempotency_in_progress");
        keysClock.advance(AdminResource.IN_FLIGHT.plusSeconds(1));
        assertRefused(admin.call(ada, "POST", "/admin/users", body, "create-ivan"), 503, "user_pool_busy");
        assertEquals(List.of(), admin.groups("ivan"), "made, but not yet in its group");
        HttpResponse<String> retry = admin.call(ada, "POST", "/admin/users", body, "create-ivan");
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("true", retry.headers().firstValue("idempotent-replayed").orElse(null));
        assertEquals(List.of("ReadOnlyAccess"), admin.groups("ivan"), "the retry finished the request");
    }

    private IssuedCredentials ada() {
        return admin.cloud.credentials("ada");
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) throws Exception {
        AdminCloud.assertRefused(answer.statusCode(), answer.body(), status, code);
    }
}
