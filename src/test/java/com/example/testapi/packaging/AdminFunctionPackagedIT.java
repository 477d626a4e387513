package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after {@code package}: the administration routes as ./mvnw -Plocal serves them. The local cloud runs
 * AdminFunction apart from the /test functions, from target/function.zip on the runtime interface client, with the
 * environment template.yaml gives it and credentials its STS issues for AdminFunctionRole; its Cognito calls reach
 * the local user pool through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, and IAM judges them.
 */
class AdminFunctionPackagedIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theAdministrationRoutesWorkOnThePackagedFunctionWithItsOwnRole() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-admin-function"));
        PackagedFunction tests = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"),
                work).withLog(new File(work.toFile(), "function.log")));
        tests.awaitReady(Duration.ofSeconds(60));
        try (tests; TestCloud cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"),
                TestCloud.REGION).withPackagedTriggers(true), tests)) {
            List<String> apart = cloud.cloud.apiFunctionDescriptions();
            assertEquals(1, apart.size(), apart::toString);
            assertTrue(apart.get(0).startsWith("AdminFunction: ") && apart.get(0).contains("function.zip on the AWS "
                    + "runtime interface client"), apart::toString);

            HttpResponse<String> listed = call(cloud, "ada", "GET", "admin/users", null);
            assertEquals(200, listed.statusCode(), listed.body());
            JsonNode users = MAPPER.readTree(listed.body()).path("users");
            assertTrue(users.toString().contains("\"username\":\"alice\""), users::toString);

            HttpResponse<String> self = call(cloud, "ada", "POST", "admin/users/ada/disable", null);
            assertEquals(403, self.statusCode(), self.body());
            assertEquals("own_rights", MAPPER.readTree(self.body()).path("error").asText());

            HttpResponse<String> moved = call(cloud, "ada", "PUT", "admin/users/bob/group", "{\"group\":\"FullAccess\"}");
            assertEquals(200, moved.statusCode(), moved.body());
            assertEquals("[\"FullAccess\"]", MAPPER.readTree(moved.body()).path("groups").toString());

            assertEquals(403, call(cloud, "alice", "GET", "admin/users", null).statusCode());
            // The /test functions run on the other back end, as before.
            assertEquals(200, call(cloud, "alice", "GET", "test", null).statusCode());
        }
    }

    private static HttpResponse<String> call(TestCloud cloud, String user, String method, String path, String body) {
        return SignedHttp.send(SignedHttp.sign(TestCloud.signing(cloud.credentials(user)), method, cloud.api(path),
                body == null ? Map.of() : Map.of("content-type", "application/json"), body));
    }
}
