package com.example.testapi.local.gateway;

import static com.example.testapi.local.gateway.FrontDoor.assertGateway;
import static com.example.testapi.local.gateway.FrontDoor.json;
import static com.example.testapi.local.gateway.FrontDoor.signing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;

/** Decisions by role at the front door: who may read and write, which role one gets; routes, the function's errors. */
interface RoleCases {

    FrontDoor door();

    @Test
    default void aliceReadsAndWrites() {
        FrontDoor door = door();
        HttpResponse<String> read = SignedHttp.send(door.get(signing(door.alice), "/test"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiFullAccess", json(read).at("/caller/role").asText());
        assertEquals(door.alice.identityId(), json(read).at("/caller/identityId").asText());
        assertEquals(door.alice.userSub(), json(read).at("/caller/userSub").asText());
        assertTrue(door.alice.identityId().startsWith(FrontDoor.REGION + ":"), door.alice::identityId);

        HttpResponse<String> write = SignedHttp.send(door.post(signing(door.alice), "from alice 🚀"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("from alice 🚀", json(write).get("message").asText());
        assertEquals(json(write).get("id"), json(SignedHttp.send(door.get(signing(door.alice), "/test")))
                .at("/items/0/id"));
    }

    @Test
    default void bobReads() {
        HttpResponse<String> read = SignedHttp.send(door().get(signing(door().bob), "/test?limit=5"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiReadAccess", json(read).at("/caller/role").asText());
    }

    @Test
    default void bobCannotWriteAndNothingIsStored() {
        List<String> before = door().itemIds();
        assertGateway(SignedHttp.send(door().post(signing(door().bob), "bob was here")), 403, "Forbidden");
        assertEquals(before, door().itemIds());
    }

    @Test
    default void aUserInTwoGroupsGetsTheLowerPrecedenceRole() {
        HttpResponse<String> write = SignedHttp.send(door().post(signing(door().cloud.credentials("dave")),
                "dave, FullAccess by precedence"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("local-TestApiFullAccess", json(write).at("/createdBy/role").asText());
    }

    @Test
    default void anUnknownRouteIs404BeforeAnyCheck() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(door().uri("/nope")).GET().build()), 404, "Not Found");
        assertGateway(SignedHttp.send(door().get(signing(door().alice), "/test/extra")), 404, "Not Found");
    }

    @Test
    default void theFunctionsOwnErrorsPassThrough() {
        HttpResponse<String> response = SignedHttp.send(door().get(signing(door().alice), "/test?limit=0"));
        assertEquals(400, response.statusCode(), response::body);
        assertEquals("invalid_query", json(response).get("error").asText());
    }
}
