package com.example.testapi.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signing;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * The local cloud trusts no key it did not issue, as AWS does, on both services that take signed calls: the user
 * pool's admin API (AWS JSON errors, through the AWS SDK for Java) and the gateway (API Gateway's 403 with the
 * message). The one administrator key, {@code local}/{@code local}, is verified like any other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedKeysTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INVALID = "The security token included in the request is invalid.";
    private static final String EXPIRED = "The security token included in the request is expired";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private final AtomicReference<JsonNode> lastEvent = new AtomicReference<>();
    private TestCloud cloud;
    private String pool;

    @BeforeAll
    void start() throws Exception {
        FunctionBackend recorder = new FunctionBackend() {
            @Override
            public byte[] invoke(byte[] event) throws FunctionFailedException {
                try {
                    lastEvent.set(MAPPER.readTree(event));
                } catch (IOException e) {
                    throw new FunctionFailedException("not JSON: " + e);
                }
                return "{\"statusCode\":200,\"body\":\"{}\"}".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String describe() {
                return "records the event";
            }
        };
        cloud = TestCloud.start(Path.of("template.yaml"), recorder);
        pool = cloud.cloud.outputs().get("UserPoolId");
    }

    @AfterEach
    void realTime() {
        cloud.clock.reset();
    }

    @AfterAll
    void stop() {
        cloud.close();
    }

    /** The admin API's answer to ListUsers signed with {@code credentials} by the SDK: "ok", or "Code: message". */
    private String adminApi(AwsCredentials credentials) {
        return adminApi(credentials, TestCloud.REGION);
    }

    /** The admin API's answer to ListUsers signed as {@code signing} says (any service, region or time). */
    private String adminApi(Signing signing) {
        HttpResponse<String> answer = SignedHttp.send(SignedHttp.sign(signing, "POST", cloud.cloud.userPool()
                .endpoint(), Map.of("content-type", "application/x-amz-json-1.1", "x-amz-target",
                        "AWSCognitoIdentityProviderService.ListUsers"), "{\"UserPoolId\":\"" + pool + "\"}"));
        if (answer.statusCode() == 200) {
            return "ok";
        }
        JsonNode error = json(answer);
        return error.path("__type").asText() + ": " + error.path("message").asText();
    }

    /** The gateway's answer to GET /test signed as {@code signing} says: its status and message. */
    private String gateway(Signing signing) {
        HttpResponse<String> answer = SignedHttp.send(SignedHttp.sign(signing, "GET", cloud.api("/test"), Map.of(),
                null));
        return answer.statusCode() + " " + json(answer).path("message").asText();
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    @Test
    void anInventedKeyIsUnrecognizedAndChangesNothing() {
        AwsCredentials invented = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertEquals("UnrecognizedClientException: " + INVALID, adminApi(invented));
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud, invented)) {
            AwsServiceException refused = assertThrows(AwsServiceException.class, () -> sdk.adminAddUserToGroup(
                    r -> r.userPoolId(pool).username("bob").groupName("Admins")));
            assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
        }
        assertEquals(List.of("ReadOnlyAccess"), groupsOf("bob"), "bob is no administrator");
        assertEquals("403 " + INVALID, gateway(Signing.of("AKIAIOSFODNN7EXAMPLE", "any", null, TestCloud.REGION)));
    }

    /** The user's groups, as the administrator reads them. */
    private List<String> groupsOf(String user) {
        try (CognitoIdentityProviderClient administrator = CognitoSdk.userPool(cloud.cloud)) {
            return administrator.adminListGroupsForUser(r -> r.userPoolId(pool).username(user)).groups().stream()
                    .map(GroupType::groupName).toList();
        }
    }

    @Test
    void theAdministratorKeyIsCheckedLikeAnyOther() {
        assertEquals("ok", adminApi(AwsBasicCredentials.create("local", "local")));
        assertEquals("InvalidSignatureException: " + MISMATCH, adminApi(AwsBasicCredentials.create("local", "wrong")));
        assertEquals("403 " + MISMATCH, gateway(Signing.of("local", "wrong", null, TestCloud.REGION)));
        // A long-term key sent with a session token: no such pair was ever issued.
        assertEquals("UnrecognizedClientException: " + INVALID,
                adminApi(AwsSessionCredentials.create("local", "local", "a-token")));
        assertEquals("403 " + INVALID, gateway(Signing.of("local", "local", "a-token", TestCloud.REGION)));
    }

    /** The published administrator key acts for no web page: with an Origin it is a key never issued, on both. */
    @Test
    void theAdministratorKeyIsRefusedFromAWebPage() {
        Signing administrator = Signing.of("local", "local", null, TestCloud.REGION);
        HttpResponse<String> admin = SignedHttp.send(SignedHttp.sign(administrator.withScope(TestCloud.REGION,
                "cognito-idp"), "POST", cloud.cloud.userPool().endpoint(), Map.of("content-type",
                        "application/x-amz-json-1.1", "x-amz-target", "AWSCognitoIdentityProviderService.ListUsers",
                        "origin", "http://localhost:8080"), "{\"UserPoolId\":\"" + pool + "\"}"));
        assertEquals("UnrecognizedClientException: " + INVALID, json(admin).path("__type").asText() + ": "
                + json(admin).path("message").asText());
        HttpResponse<String> api = SignedHttp.send(SignedHttp.sign(administrator, "GET", cloud.api("/test"),
                Map.of("origin", "http://localhost:8080"), null));
        assertEquals("403 " + INVALID, api.statusCode() + " " + json(api).path("message").asText());
        assertEquals("ok", adminApi(AwsBasicCredentials.create("local", "local")), "without an Origin it works");
    }

    @Test
    void theAdministratorReachesTheFunctionAsAnIamUserNotARole() {
        assertEquals("200 ", gateway(Signing.of("local", "local", null, TestCloud.REGION)).substring(0, 4));
        JsonNode iam = lastEvent.get().at("/requestContext/authorizer/iam");
        assertEquals("arn:aws:iam::123456789012:user/local-administrator", iam.path("userArn").asText());
        assertTrue(iam.path("cognitoIdentity").isNull(), iam::toString);
        assertTrue(iam.path("userId").asText().startsWith("AIDA"), iam::toString);
    }

    @Test
    void anIdentityPoolKeyPastItsExpiryIsExpiredHoweverLongAgo() {
        IssuedCredentials alice = cloud.credentials("alice");
        cloud.clock.advance(Duration.ofMinutes(61));
        Signing late = TestCloud.signing(alice).at(cloud.clock.instant());
        assertEquals("403 " + EXPIRED, gateway(late), "still kept");
        assertEquals("ExpiredTokenException: " + EXPIRED, adminApi(late.withScope(TestCloud.REGION, "cognito-idp")));

        cloud.clock.advance(Duration.ofDays(365));
        int before = cloud.cloud.credentials().size();
        cloud.credentials("bob"); // a new issue drops what expired over a day ago
        assertTrue(cloud.cloud.credentials().size() < before + 1, "alice's key was dropped");
        assertTrue(cloud.cloud.credentials().byAccessKey(alice.accessKeyId()).isEmpty());
        Signing muchLater = TestCloud.signing(alice).at(cloud.clock.instant());
        assertEquals("403 " + EXPIRED, gateway(muchLater), "dropped, a year on");
        assertEquals("ExpiredTokenException: " + EXPIRED,
                adminApi(muchLater.withScope(TestCloud.REGION, "cognito-idp")));
        // The same key with a token this cloud did not mint: never issued.
        assertEquals("403 " + INVALID, gateway(muchLater.withSessionToken("made-up")));
        assertEquals("UnrecognizedClientException: " + INVALID,
                adminApi(muchLater.withSessionToken("made-up").withScope(TestCloud.REGION, "cognito-idp")));
    }

    @Test
    void aSignatureForAnotherServiceOrRegionIsInvalid() {
        Signing ada = TestCloud.signing(cloud.credentials("ada"));
        // Signed right: IAM decides, and the Admins role holds no Cognito permission (it administers through /admin).
        assertTrue(adminApi(ada.withScope(TestCloud.REGION, "cognito-idp")).startsWith("AccessDeniedException: "));
        assertEquals("InvalidSignatureException: Credential should be scoped to correct service: 'cognito-idp'.",
                adminApi(ada.withScope(TestCloud.REGION, "execute-api")));
        assertEquals("InvalidSignatureException: Credential should be scoped to a valid region.",
                adminApi(ada.withScope("eu-west-1", "cognito-idp")));
        assertEquals("403 Credential should be scoped to correct service: 'execute-api'.",
                gateway(ada.withScope(TestCloud.REGION, "cognito-idp")));
        assertEquals("403 Credential should be scoped to a valid region.",
                gateway(ada.withScope("eu-west-1", "execute-api")));
        assertEquals("InvalidSignatureException: Credential should be scoped to a valid region.",
                adminApi(AwsBasicCredentials.create("local", "local"), "eu-west-1"));
    }

    @Test
    void anUnsignedAdminCallOrOneWithAnInventedKeyIsRefusedBeforeItsBodyIsRead() {
        HttpResponse<String> unsigned = SignedHttp.send(java.net.http.HttpRequest.newBuilder(cloud.cloud.userPool()
                .endpoint()).header("content-type", "application/x-amz-json-1.1")
                .header("x-amz-target", "AWSCognitoIdentityProviderService.AdminAddUserToGroup")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + pool
                        + "\",\"Username\":\"bob\",\"GroupName\":\"Admins\"}")).build());
        assertEquals("MissingAuthenticationTokenException", json(unsigned).path("__type").asText(), unsigned::body);
        assertEquals(List.of("ReadOnlyAccess"), groupsOf("bob"), "bob is no administrator");
        // Judged by its signature before its body is read: an invented key with a broken body is still unrecognized.
        HttpResponse<String> broken = SignedHttp.send(SignedHttp.sign(Signing.of("AKIAIOSFODNN7EXAMPLE", "any", null,
                TestCloud.REGION).withScope(TestCloud.REGION, "cognito-idp"), "POST", cloud.cloud.userPool()
                        .endpoint(), Map.of("content-type", "application/x-amz-json-1.1", "x-amz-target",
                                "AWSCognitoIdentityProviderService.ListUsers"), "{not json"));
        assertEquals("UnrecognizedClientException", json(broken).path("__type").asText(), broken::body);
    }

    /** ListUsers through the SDK with a client whose region is {@code region}: it signs for that region. */
    private String adminApi(AwsCredentials credentials, String region) {
        try (CognitoIdentityProviderClient sdk = CognitoSdk.userPool(cloud.cloud, credentials, region)) {
            sdk.listUsers(r -> r.userPoolId(pool));
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }
}
