package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.identitypool.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.SignedHttp.Signing;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access matrix through the local front door, with requests signed by the AWS SDK v2 signer (and by curl): what
 * API Gateway, Cognito and IAM would answer for template.yaml. Subclasses choose the function back end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FrontDoorMatrix {

    static final String REGION = TestCloud.REGION;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TestCloud cloud;
    private FunctionBackend backend;
    IssuedCredentials alice;
    IssuedCredentials bob;

    /** The function the front door hands its events to. */
    protected abstract FunctionBackend startBackend() throws Exception;

    @BeforeEach
    void startCloud() throws Exception {
        if (cloud == null) {
            backend = startBackend();
            cloud = TestCloud.start(Path.of("template.yaml"), backend);
            alice = cloud.credentials("alice");
            bob = cloud.credentials("bob");
        }
        cloud.clock.reset();
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    protected List<String> gatewayLog() {
        return cloud.log;
    }

    static Signing signing(IssuedCredentials credentials) {
        return TestCloud.signing(credentials);
    }

    URI uri(String pathAndQuery) {
        return cloud.api(pathAndQuery);
    }

    Signed get(Signing signing, String pathAndQuery) {
        return SignedHttp.sign(signing, "GET", uri(pathAndQuery), Map.of(), null);
    }

    Signed post(Signing signing, String message) {
        String body = MAPPER.createObjectNode().put("message", message).toString();
        return SignedHttp.sign(signing, "POST", uri("/test"), Map.of("content-type", "application/json"), body);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static void assertGateway(HttpResponse<String> response, int status, String messageStart) {
        assertEquals(status, response.statusCode(), response::body);
        String message = json(response).path("message").asText();
        assertTrue(message.startsWith(messageStart), () -> "API Gateway's message, got: " + response.body());
    }

    /** All items as alice sees them (first 100), to show a refused request stored nothing. */
    List<String> itemIds() {
        HttpResponse<String> response = SignedHttp.send(get(signing(alice), "/test?limit=100"));
        assertEquals(200, response.statusCode(), response::body);
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void aliceReadsAndWrites() {
        HttpResponse<String> read = SignedHttp.send(get(signing(alice), "/test"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiFullAccess", json(read).at("/caller/role").asText());
        assertEquals(alice.identityId(), json(read).at("/caller/identityId").asText());
        assertEquals(alice.userSub(), json(read).at("/caller/userSub").asText());
        assertTrue(alice.identityId().startsWith(REGION + ":"), alice::identityId);

        HttpResponse<String> write = SignedHttp.send(post(signing(alice), "from alice 🚀"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("from alice 🚀", json(write).get("message").asText());
        assertEquals(json(write).get("id"), json(SignedHttp.send(get(signing(alice), "/test"))).at("/items/0/id"));
    }

    @Test
    void bobReads() {
        HttpResponse<String> read = SignedHttp.send(get(signing(bob), "/test?limit=5"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiReadAccess", json(read).at("/caller/role").asText());
    }

    @Test
    void bobCannotWriteAndNothingIsStored() {
        List<String> before = itemIds();
        assertGateway(SignedHttp.send(post(signing(bob), "bob was here")), 403, "Forbidden");
        assertEquals(before, itemIds());
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(uri("/test")).GET().build()), 403,
                "Missing Authentication Token");
    }

    @Test
    void aWrongSecretIsRefused() {
        assertGateway(SignedHttp.send(get(signing(alice).withSecret("not-the-secret"), "/test")), 403,
                "The request signature we calculated does not match");
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedAndNotStored() {
        List<String> before = itemIds();
        Signed signed = post(signing(alice), "original");
        assertGateway(SignedHttp.send(signed.withBody("{\"message\":\"changed\"}")), 403,
                "The request signature we calculated does not match");
        assertEquals(before, itemIds());
    }

    @Test
    void aQueryChangedAfterSigningIsRefused() {
        Signed signed = get(signing(alice), "/test?limit=5");
        assertGateway(SignedHttp.send(signed.withUri(uri("/test?limit=6"))), 403,
                "The request signature we calculated does not match");
    }

    @Test
    void aSignatureSixMinutesOldIsRefused() {
        Signing old = signing(alice).at(Instant.now().minus(Duration.ofMinutes(6)));
        assertGateway(SignedHttp.send(get(old, "/test")), 403, "Signature expired");
    }

    @Test
    void aSignatureFromMoreThanFiveMinutesAheadIsRefused() {
        Signing ahead = signing(alice).at(Instant.now().plus(Duration.ofMinutes(6)));
        assertGateway(SignedHttp.send(get(ahead, "/test")), 403, "Signature not yet current");
    }

    @Test
    void aRequestWithoutItsSignedDateIsRefused() {
        Signed signed = get(signing(alice), "/test");
        assertGateway(SignedHttp.send(withHeader(signed, "x-amz-date", null)), 403,
                "Authorization header requires existence of a signed 'X-Amz-Date' header.");
    }

    @Test
    void aMalformedAuthorizationIsRefused() {
        Signed signed = get(signing(alice), "/test");
        for (String malformed : List.of("AWS4-HMAC-SHA256 garbage", "Bearer token",
                "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=abc")) {
            assertGateway(SignedHttp.send(withHeader(signed, "authorization", malformed)), 403,
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
    }

    /** Host must be signed: else the signature would hold for the same request sent to another API. */
    @Test
    void aSignatureThatLeavesOutHostIsRefused() {
        Signed signed = get(signing(alice), "/test");
        String authorization = header(signed, "authorization");
        String withoutHost = authorization.replaceFirst("SignedHeaders=([^,]*)", "SignedHeaders=x-amz-date");
        assertGateway(SignedHttp.send(withHeader(signed, "authorization", withoutHost)), 403,
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    private static String header(Signed signed, String name) {
        return signed.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
    }

    /** {@code signed} with header {@code name} replaced by {@code value}, or removed when it is null. */
    private static Signed withHeader(Signed signed, String name, String value) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        signed.headers().forEach((key, values) -> {
            if (!key.equalsIgnoreCase(name)) {
                headers.put(key, values);
            }
        });
        if (value != null) {
            headers.put(name, List.of(value));
        }
        return new Signed(signed.method(), signed.uri(), headers, signed.body());
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        Signing stranger = Signing.of("AKIANOBODY0000000000", "whatever", null, REGION);
        assertGateway(SignedHttp.send(get(stranger, "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    void aSignatureForAnotherServiceOrRegionIsRefused() {
        assertGateway(SignedHttp.send(get(signing(alice).withScope(REGION, "s3"), "/test")), 403,
                "Credential should be scoped to correct service");
        assertGateway(SignedHttp.send(get(signing(alice).withScope("eu-west-1", "execute-api"), "/test")), 403,
                "Credential should be scoped to a valid region");
    }

    @Test
    void aMissingOrWrongSessionTokenIsRefused() {
        assertGateway(SignedHttp.send(get(signing(bob).withSessionToken(null), "/test")), 403,
                "The security token included in the request is invalid.");
        assertGateway(SignedHttp.send(get(signing(bob).withSessionToken("stolen"), "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    void credentialsAreRefusedOnceTheyExpire() {
        cloud.clock.advance(Duration.ofMinutes(59));
        assertEquals(200, SignedHttp.send(get(signing(alice).at(cloud.clock.instant()), "/test")).statusCode());
        cloud.clock.advance(Duration.ofMinutes(2));
        assertGateway(SignedHttp.send(get(signing(alice).at(cloud.clock.instant()), "/test")), 403,
                "The security token included in the request is expired");
    }

    @Test
    void credentialsNoIdentityPoolIssuedAreRefused() {
        // The keys of a real-looking temporary credential the local identity pool never issued.
        String key = alice.accessKeyId();
        String other = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        Signing forged = Signing.of(other, alice.secretKey(), alice.sessionToken(), REGION);
        assertGateway(SignedHttp.send(get(forged, "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    void aUserInTwoGroupsGetsTheLowerPrecedenceRole() {
        HttpResponse<String> write = SignedHttp.send(post(signing(cloud.credentials("dave")),
                "dave, FullAccess by precedence"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("local-TestApiFullAccess", json(write).at("/createdBy/role").asText());
    }

    @Test
    void anUnknownRouteIs404BeforeAnyCheck() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(uri("/nope")).GET().build()), 404, "Not Found");
        assertGateway(SignedHttp.send(get(signing(alice), "/test/extra")), 404, "Not Found");
    }

    @Test
    void theFunctionsOwnErrorsPassThrough() {
        HttpResponse<String> response = SignedHttp.send(get(signing(alice), "/test?limit=0"));
        assertEquals(400, response.statusCode(), response::body);
        assertEquals("invalid_query", json(response).get("error").asText());
    }

    /** README's advice for curl, which signs the query as typed: names in order, values percent-encoded. */
    @Test
    void curlSignsAQueryWrittenInCanonicalForm() throws Exception {
        assertEquals("200", curlAt(alice, "/test?a=%3D&limit=5"));
        assertEquals("400", curlAt(alice, "/test?limit=%3D5"));
    }

    /** README's promise: curl --aws-sigv4 as alice can POST, as bob cannot. */
    @Test
    void curlSignsAsTheReadmeShows() throws Exception {
        assertEquals("201", curl(alice, "-H", "content-type: application/json", "-d", "{\"message\":\"curl\"}"));
        assertEquals("200", curl(bob));
        assertEquals("403", curl(bob, "-H", "content-type: application/json", "-d", "{\"message\":\"curl\"}"));
    }

    private String curl(IssuedCredentials user, String... extra) throws Exception {
        return curlAt(user, "/test", extra);
    }

    private String curlAt(IssuedCredentials user, String pathAndQuery, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--aws-sigv4", "aws:amz:" + REGION + ":execute-api",
                "--user", user.accessKeyId() + ":" + user.secretKey(),
                "-H", "x-amz-security-token: " + user.sessionToken()));
        command.addAll(List.of(extra));
        command.add(uri(pathAndQuery).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertEquals(0, process.waitFor(), "curl: " + out);
        return out;
    }
}
