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

import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.SignedHttp.Signing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access matrix through the local front door, with requests signed by the AWS SDK v2 signer (and by curl): what
 * API Gateway, Cognito and IAM would answer for template.yaml. Subclasses choose the function back end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FrontDoorMatrix {

    static final String REGION = "us-east-1";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final LocalUsers DEFAULT_USERS = LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE));
    static final LocalUser ALICE = user("alice");
    static final LocalUser BOB = user("bob");
    static final LocalUser CAROL = new LocalUser("carol", List.of(), "AKIALOCALCAROL000003", "carol-secret", null,
            "us-east-1:ca401000-0000-4000-8000-000000000003", "ca401000-0000-4000-8000-000000000003");
    static final LocalUser DAVE = new LocalUser("dave", List.of("ReadOnlyAccess", "FullAccess"),
            "AKIALOCALDAVE0000004", "dave-secret", null, "us-east-1:da4e0000-0000-4000-8000-000000000004",
            "da4e0000-0000-4000-8000-000000000004");

    private LocalFrontDoor door;
    private FunctionBackend backend;
    protected final List<String> gatewayLog = new ArrayList<>();

    /** The function the front door hands its events to. */
    protected abstract FunctionBackend startBackend() throws Exception;

    protected Path template() {
        return Path.of("template.yaml");
    }

    @BeforeEach
    void startFrontDoor() throws Exception {
        if (door == null) {
            backend = startBackend();
            door = start(template(), backend, gatewayLog);
        }
    }

    static LocalFrontDoor start(Path template, FunctionBackend backend, List<String> log) throws IOException {
        List<LocalUser> users = new ArrayList<>(DEFAULT_USERS.all());
        users.add(CAROL);
        users.add(DAVE);
        return LocalFrontDoor.create(template, LocalAccount.defaults(REGION), new LocalUsers(users), backend, 0, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
    }

    @AfterAll
    void stop() {
        if (door != null) {
            door.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    static LocalUser user(String name) {
        return DEFAULT_USERS.all().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    static Signing signing(LocalUser user) {
        return Signing.of(user.accessKeyId(), user.secretAccessKey(), user.sessionToken(), REGION);
    }

    URI uri(String pathAndQuery) {
        return door.baseUri().resolve(pathAndQuery);
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
        HttpResponse<String> response = SignedHttp.send(get(signing(ALICE), "/test?limit=100"));
        assertEquals(200, response.statusCode(), response::body);
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void aliceReadsAndWrites() {
        HttpResponse<String> read = SignedHttp.send(get(signing(ALICE), "/test"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiFullAccess", json(read).at("/caller/role").asText());
        assertEquals(ALICE.identityId(), json(read).at("/caller/identityId").asText());
        assertEquals(ALICE.sub(), json(read).at("/caller/userSub").asText());

        HttpResponse<String> write = SignedHttp.send(post(signing(ALICE), "from alice 🚀"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("from alice 🚀", json(write).get("message").asText());
        assertEquals(json(write).get("id"), json(SignedHttp.send(get(signing(ALICE), "/test"))).at("/items/0/id"));
    }

    @Test
    void bobReads() {
        HttpResponse<String> read = SignedHttp.send(get(signing(BOB), "/test?limit=5"));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("local-TestApiReadAccess", json(read).at("/caller/role").asText());
    }

    @Test
    void bobCannotWriteAndNothingIsStored() {
        List<String> before = itemIds();
        assertGateway(SignedHttp.send(post(signing(BOB), "bob was here")), 403, "Forbidden");
        assertEquals(before, itemIds());
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(uri("/test")).GET().build()), 403,
                "Missing Authentication Token");
    }

    @Test
    void aWrongSecretIsRefused() {
        assertGateway(SignedHttp.send(get(signing(ALICE).withSecret("not-the-secret"), "/test")), 403,
                "The request signature we calculated does not match");
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedAndNotStored() {
        List<String> before = itemIds();
        Signed signed = post(signing(ALICE), "original");
        assertGateway(SignedHttp.send(signed.withBody("{\"message\":\"changed\"}")), 403,
                "The request signature we calculated does not match");
        assertEquals(before, itemIds());
    }

    @Test
    void aQueryChangedAfterSigningIsRefused() {
        Signed signed = get(signing(ALICE), "/test?limit=5");
        assertGateway(SignedHttp.send(signed.withUri(uri("/test?limit=6"))), 403,
                "The request signature we calculated does not match");
    }

    @Test
    void aSignatureSixMinutesOldIsRefused() {
        Signing old = signing(ALICE).at(Instant.now().minus(Duration.ofMinutes(6)));
        assertGateway(SignedHttp.send(get(old, "/test")), 403, "Signature expired");
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        Signing stranger = Signing.of("AKIANOBODY0000000000", "whatever", null, REGION);
        assertGateway(SignedHttp.send(get(stranger, "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    void aSignatureForAnotherServiceOrRegionIsRefused() {
        assertGateway(SignedHttp.send(get(signing(ALICE).withScope(REGION, "s3"), "/test")), 403,
                "Credential should be scoped to correct service");
        assertGateway(SignedHttp.send(get(signing(ALICE).withScope("eu-west-1", "execute-api"), "/test")), 403,
                "Credential should be scoped to a valid region");
    }

    @Test
    void aMissingOrWrongSessionTokenIsRefused() {
        assertGateway(SignedHttp.send(get(signing(BOB).withSessionToken(null), "/test")), 403,
                "The security token included in the request is invalid.");
        assertGateway(SignedHttp.send(get(signing(BOB).withSessionToken("stolen"), "/test")), 403,
                "The security token included in the request is invalid.");
    }

    @Test
    void aUserInNoGroupIsRefused() {
        assertGateway(SignedHttp.send(get(signing(CAROL), "/test")), 403, "Forbidden");
    }

    @Test
    void aUserInTwoGroupsGetsTheLowerPrecedenceRole() {
        HttpResponse<String> write = SignedHttp.send(post(signing(DAVE), "dave, FullAccess by precedence"));
        assertEquals(201, write.statusCode(), write::body);
        assertEquals("local-TestApiFullAccess", json(write).at("/createdBy/role").asText());
    }

    @Test
    void anUnknownRouteIs404BeforeAnyCheck() {
        assertGateway(SignedHttp.send(HttpRequest.newBuilder(uri("/nope")).GET().build()), 404, "Not Found");
        assertGateway(SignedHttp.send(get(signing(ALICE), "/test/extra")), 404, "Not Found");
    }

    @Test
    void theFunctionsOwnErrorsPassThrough() {
        HttpResponse<String> response = SignedHttp.send(get(signing(ALICE), "/test?limit=0"));
        assertEquals(400, response.statusCode(), response::body);
        assertEquals("invalid_query", json(response).get("error").asText());
    }

    /** README's promise: curl --aws-sigv4 as alice can POST, as bob cannot. */
    @Test
    void curlSignsAsTheReadmeShows() throws Exception {
        assertEquals("201", curl(ALICE, "-H", "content-type: application/json", "-d", "{\"message\":\"curl\"}"));
        assertEquals("200", curl(BOB));
        assertEquals("403", curl(BOB, "-H", "content-type: application/json", "-d", "{\"message\":\"curl\"}"));
    }

    private String curl(LocalUser user, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--aws-sigv4", "aws:amz:" + REGION + ":execute-api",
                "--user", user.accessKeyId() + ":" + user.secretAccessKey()));
        if (user.sessionToken() != null) {
            command.addAll(List.of("-H", "x-amz-security-token: " + user.sessionToken()));
        }
        command.addAll(List.of(extra));
        command.add(uri("/test").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertEquals(0, process.waitFor(), "curl: " + out);
        return out;
    }
}
