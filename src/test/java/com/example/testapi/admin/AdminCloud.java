package com.example.testapi.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * A local cloud for the administration tests: the test's Quarkus app as its administration function, the local users
 * plus eve (a second administrator with TOTP), and the AWS SDK's own Cognito client to check what changed.
 */
final class AdminCloud implements AutoCloseable {

    static final String EVE_PASSWORD = "Eve-Str0ng-Passw0rd!";
    static final String EVE_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final TestCloud cloud;
    final CognitoIdentityProviderClient pool;
    final String poolId;

    private AdminCloud(TestCloud cloud) {
        this.cloud = cloud;
        this.pool = CognitoSdk.userPool(cloud.cloud);
        this.poolId = cloud.cloud.outputs().get("UserPoolId");
    }

    /** Call from a test or its {@code @BeforeEach}: the function's directory is installed for that test. */
    static AdminCloud start(FunctionBackend backend) throws IOException {
        TestCloud cloud = TestCloud.start(Path.of("template.yaml"), backend);
        LocalAdminFunction.install(cloud.cloud);
        cloud.cloud.userPool().createUser("eve", EVE_PASSWORD, List.of("Admins"), null, EVE_SECRET);
        return new AdminCloud(cloud);
    }

    /** A request to the cloud's API signed with {@code credentials}; a JSON body and an Idempotency-Key if given. */
    HttpResponse<String> call(IssuedCredentials credentials, String method, String path, String body,
            String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        return SignedHttp.send(SignedHttp.sign(TestCloud.signing(credentials), method, cloud.api(path.substring(1)),
                headers, body));
    }

    List<String> groups(String name) {
        return pool.adminListGroupsForUser(r -> r.userPoolId(poolId).username(name)).groups().stream()
                .map(GroupType::groupName).toList();
    }

    AdminGetUserResponse user(String name) {
        return pool.adminGetUser(r -> r.userPoolId(poolId).username(name));
    }

    /** A refusal of the contract: its status, its code, and a reason a screen can show. */
    static void assertRefused(int actualStatus, String body, int status, String code) throws IOException {
        assertEquals(status, actualStatus, body);
        JsonNode json = MAPPER.readTree(body);
        assertEquals(code, json.path("error").asText(), body);
        assertFalse(json.path("message").asText().isBlank(), "a reason the screen can show: " + body);
    }

    @Override
    public void close() {
        pool.close();
        cloud.close();
    }
}
