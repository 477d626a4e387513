package com.example.testapi.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.testapi.local.iam.IssuedCredentials;
import com.example.testapi.support.SignedHttp;
import com.example.testapi.support.SignedHttp.Signed;
import com.example.testapi.support.SignedHttp.Signing;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A local cloud's front door as the matrix's cases call it: alice (FullAccess) and bob (ReadOnlyAccess) with the
 * credentials the local identity pool issued them, requests signed by the AWS SDK v2 signer or by curl, and API
 * Gateway's answers read.
 */
final class FrontDoor {

    static final String REGION = TestCloud.REGION;
    static final ObjectMapper MAPPER = new ObjectMapper();

    final TestCloud cloud;
    final IssuedCredentials alice;
    final IssuedCredentials bob;

    FrontDoor(TestCloud cloud) {
        this.cloud = cloud;
        this.alice = cloud.credentials("alice");
        this.bob = cloud.credentials("bob");
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

    static String header(Signed signed, String name) {
        return signed.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
    }

    /** {@code signed} with header {@code name} replaced by {@code value}, or removed when it is null. */
    static Signed withHeader(Signed signed, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
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

    /** The HTTP status curl --aws-sigv4 gets as {@code user} for {@code pathAndQuery}, with curl's {@code extra}. */
    String curl(IssuedCredentials user, String pathAndQuery, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "30", "--aws-sigv4", "aws:amz:" + REGION + ":execute-api",
                "--user", user.accessKeyId() + ":" + user.secretKey(),
                "-H", "x-amz-security-token: " + user.sessionToken()));
        command.addAll(List.of(extra));
        command.add(uri(pathAndQuery).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "curl finished");
        assertEquals(0, process.exitValue(), "curl: " + out);
        return out;
    }
}
