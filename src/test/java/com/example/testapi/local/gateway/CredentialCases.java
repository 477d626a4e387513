package com.example.testapi.local.gateway;

import static com.example.testapi.local.gateway.FrontDoor.assertGateway;
import static com.example.testapi.local.gateway.FrontDoor.signing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signing;

/** Whose keys count: only credentials the local identity pool issued, with their session token, until they expire. */
interface CredentialCases {

    FrontDoor door();

    @Test
    default void anUnknownAccessKeyIsRefused() {
        Signing stranger = Signing.of("AKIANOBODY0000000000", "whatever", null, FrontDoor.REGION);
        assertGateway(SignedHttp.send(door().get(stranger, "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    default void aMissingOrWrongSessionTokenIsRefused() {
        assertGateway(SignedHttp.send(door().get(signing(door().bob).withSessionToken(null), "/test")), 403,
                "The security token included in the request is invalid.");
        assertGateway(SignedHttp.send(door().get(signing(door().bob).withSessionToken("stolen"), "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    default void credentialsAreRefusedOnceTheyExpire() {
        FrontDoor door = door();
        door.cloud.clock.advance(Duration.ofMinutes(59));
        assertEquals(200, SignedHttp.send(door.get(signing(door.alice).at(door.cloud.clock.instant()), "/test"))
                .statusCode());
        door.cloud.clock.advance(Duration.ofMinutes(2));
        assertGateway(SignedHttp.send(door.get(signing(door.alice).at(door.cloud.clock.instant()), "/test")), 403,
                "The security token included in the request is expired");
    }

    @Test
    default void credentialsNoIdentityPoolIssuedAreRefused() {
        // The keys of a real-looking temporary credential the local identity pool never issued.
        String key = door().alice.accessKeyId();
        String other = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        Signing forged = Signing.of(other, door().alice.secretKey(), door().alice.sessionToken(), FrontDoor.REGION);
        assertGateway(SignedHttp.send(door().get(forged, "/test")), 403,
                "The security token included in the request is invalid.");
    }
}
