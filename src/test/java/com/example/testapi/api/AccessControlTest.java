package com.example.testapi.api;

import static com.example.testapi.support.Answers.allItems;
import static com.example.testapi.support.Answers.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.testapi.items.ItemStore;
import com.example.testapi.support.LambdaEvents;
import com.example.testapi.support.LambdaResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** The function's own, fail-closed check of the caller behind API Gateway's IAM authorizer. */
@QuarkusTest
class AccessControlTest {

    @Inject
    ItemStore store;

    @Test
    void fullAccessReadsAndSeesItsIdentity() {
        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.load("get-full-access.json"));

        assertEquals(200, response.status(), response::toString);
        JsonNode caller = response.json().get("caller");
        assertEquals("local-TestApiFullAccess", caller.get("role").asText());
        assertEquals("us-east-1:0f1e2d3c-4b5a-4697-8877-665544332211", caller.get("identityId").asText());
        assertEquals("11111111-aaaa-4bbb-8ccc-000000000001", caller.get("userSub").asText());
        assertEquals("123456789012", caller.get("accountId").asText());
        assertTrue(response.json().get("items").isArray());
    }

    @Test
    void fullAccessWrites() {
        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.load("post-full-access.json"));

        assertEquals(201, response.status(), response::toString);
        assertEquals("Hello from FullAccess", response.json().get("message").asText());
        assertEquals("local-TestApiFullAccess", response.json().at("/createdBy/role").asText());
    }

    /** The Admins group's role: the API as FullAccess (its user management is Cognito's, decided by IAM). */
    @Test
    void theAdminRoleReadsAndWrites() {
        for (String file : new String[] { "get-full-access.json", "post-full-access.json" }) {
            ObjectNode event = LambdaEvents.load(file);
            LambdaEvents.iam(event).put("userArn",
                    "arn:aws:sts::123456789012:assumed-role/local-TestApiAdmin/CognitoIdentityCredentials");
            LambdaResponse response = LambdaResponse.invoke(event);
            assertTrue(response.status() == 200 || response.status() == 201, response::toString);
            assertEquals("local-TestApiAdmin", response.json().at(file.startsWith("get") ? "/caller/role"
                    : "/createdBy/role").asText());
        }
    }

    @Test
    void readOnlyReads() {
        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.load("get-read-access.json"));

        assertEquals(200, response.status(), response::toString);
        assertEquals("local-TestApiReadAccess", response.json().at("/caller/role").asText());
        assertEquals("22222222-bbbb-4ccc-8ddd-000000000002", response.json().at("/caller/userSub").asText());
    }

    @Test
    void readOnlyCannotWriteAndNothingIsStored() {
        int before = allItems(store).size();

        LambdaResponse response = LambdaResponse.invoke(LambdaEvents.load("post-read-access.json"));

        JsonNode error = assertError(response, 403, "forbidden");
        assertTrue(error.get("message").asText().contains("POST /test"), error::toString);
        assertEquals(before, allItems(store).size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST" })
    void noAuthorizerIsForbidden(String method) {
        ObjectNode event = LambdaEvents.load("get-no-authorizer.json");
        LambdaEvents.withRoute(event, method, "/test");
        if (method.equals("POST")) {
            LambdaEvents.withHeader(LambdaEvents.withBody(event, "{\"message\":\"anonymous\"}"), "content-type",
                    "application/json");
        }

        assertError(LambdaResponse.invoke(event), 403, "forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::123456789012:user/alice", // an IAM user, not an assumed role
            "arn:aws:sts::123456789012:assumed-role/local-SomeOtherRole/CognitoIdentityCredentials",
            "arn:aws:sts::123456789012:assumed-role/prod-TestApiFullAccess/CognitoIdentityCredentials", // other stack
            // this stack's role name, in another account than the API's: not this stack's role
            "arn:aws:sts::999988887777:assumed-role/local-TestApiFullAccess/CognitoIdentityCredentials",
            "arn:aws:sts::123456789012:federated-user/alice",
            "not an arn" })
    void identitiesOtherThanTheConfiguredRolesAreForbidden(String userArn) {
        for (String file : new String[] { "get-full-access.json", "post-full-access.json" }) {
            ObjectNode event = LambdaEvents.load(file);
            LambdaEvents.iam(event).put("userArn", userArn);

            assertError(LambdaResponse.invoke(event), 403, "forbidden");
        }
    }

    /** The role's account is compared with the account of the API that delivered the event, which must be there. */
    @Test
    void anEventWithoutTheApisAccountGrantsNothing() {
        for (String file : new String[] { "get-full-access.json", "post-full-access.json" }) {
            ObjectNode event = LambdaEvents.load(file);
            ((ObjectNode) event.get("requestContext")).remove("accountId");

            assertError(LambdaResponse.invoke(event), 403, "forbidden");
        }
    }

    @Test
    void anIamObjectWithoutUserIdIsAnonymous() {
        ObjectNode event = LambdaEvents.load("get-full-access.json");
        LambdaEvents.iam(event).remove("userId");

        assertError(LambdaResponse.invoke(event), 403, "forbidden");
    }
}
