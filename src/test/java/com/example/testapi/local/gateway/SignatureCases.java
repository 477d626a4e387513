package com.example.testapi.local.gateway;

import static com.example.testapi.local.gateway.FrontDoor.assertGateway;
import static com.example.testapi.local.gateway.FrontDoor.header;
import static com.example.testapi.local.gateway.FrontDoor.signing;
import static com.example.testapi.local.gateway.FrontDoor.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.SignedHttp.Signing;

/** What a signature must cover and when it holds: API Gateway's 403s for a request that is not the one signed. */
interface SignatureCases {

    FrontDoor door();

    @Test
    default void anUnsignedRequestIsRefused() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(door().uri("/test")).GET().build()), 403,
                "Missing Authentication Token");
    }

    @Test
    default void aWrongSecretIsRefused() {
        assertGateway(SignedHttp.send(door().get(signing(door().alice).withSecret("not-the-secret"), "/test")), 403,
                "The request signature we calculated does not match");
    }

    @Test
    default void aBodyChangedAfterSigningIsRefusedAndNotStored() {
        List<String> before = door().itemIds();
        Signed signed = door().post(signing(door().alice), "original");
        assertGateway(SignedHttp.send(signed.withBody("{\"message\":\"changed\"}")), 403,
                "The request signature we calculated does not match");
        assertEquals(before, door().itemIds());
    }

    @Test
    default void aQueryChangedAfterSigningIsRefused() {
        Signed signed = door().get(signing(door().alice), "/test?limit=5");
        assertGateway(SignedHttp.send(signed.withUri(door().uri("/test?limit=6"))), 403,
                "The request signature we calculated does not match");
    }

    @Test
    default void aSignatureSixMinutesOldIsRefused() {
        Signing old = signing(door().alice).at(Instant.now().minus(Duration.ofMinutes(6)));
        assertGateway(SignedHttp.send(door().get(old, "/test")), 403, "Signature expired");
    }

    @Test
    default void aSignatureFromMoreThanFiveMinutesAheadIsRefused() {
        Signing ahead = signing(door().alice).at(Instant.now().plus(Duration.ofMinutes(6)));
        assertGateway(SignedHttp.send(door().get(ahead, "/test")), 403, "Signature not yet current");
    }

    @Test
    default void aRequestWithoutItsSignedDateIsRefused() {
        Signed signed = door().get(signing(door().alice), "/test");
        assertGateway(SignedHttp.send(withHeader(signed, "x-amz-date", null)), 403,
                "Authorization header requires existence of a signed 'X-Amz-Date' header.");
    }

    @Test
    default void aMalformedAuthorizationIsRefused() {
        Signed signed = door().get(signing(door().alice), "/test");
        for (String malformed : List.of("AWS4-HMAC-SHA256 garbage", "Bearer token",
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=abc")) {
            assertGateway(SignedHttp.send(withHeader(signed, "authorization", malformed)), 403,
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
    }

    /** Host must be signed: else the signature would hold for the same request sent to another API. */
    @Test
    default void aSignatureThatLeavesOutHostIsRefused() {
        Signed signed = door().get(signing(door().alice), "/test");
        String authorization = header(signed, "authorization");
        String withoutHost = authorization.replaceFirst("SignedHeaders=([^,]*)", "SignedHeaders=x-amz-date");
        assertGateway(SignedHttp.send(withHeader(signed, "authorization", withoutHost)), 403,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    default void aSignatureForAnotherServiceOrRegionIsRefused() {
        FrontDoor door = door();
        assertGateway(SignedHttp.send(door.get(signing(door.alice).withScope(FrontDoor.REGION, "s3"), "/test")), 403,
                "Credential should be scoped to correct service");
        assertGateway(SignedHttp.send(door.get(signing(door.alice).withScope("eu-west-1", "execute-api"), "/test")),
                403, "Credential should be scoped to a valid region");
    }
}
