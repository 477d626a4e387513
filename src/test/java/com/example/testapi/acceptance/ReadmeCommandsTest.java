package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.local.LocalUsers;
import com.example.testapi.local.lambda.MockEventServerBackend;
import com.example.testapi.support.Manual;
import com.example.testapi.support.TestCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The manual's commands, run as written with bash, the AWS CLI, jq and curl against a local cloud that starts with no
 * users: "Point the AWS CLI at the local cloud", then "Create users", then "With the AWS CLI and curl" as alice and
 * as bob. The answers are the product's promise: alice GET 200 and POST 201, bob GET 200 and POST 403 storing nothing.
 */
@QuarkusTest
class ReadmeCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALICE_LINE = "USER_NAME=alice PASSWORD='Alice-Str0ng-Passw0rd!'";
    private static final String BOB_LINE = "USER_NAME=bob PASSWORD='Bob-Str0ng-Passw0rd!'";

    @TempDir
    Path work;

    /** The bash blocks under a heading of the manual (README.md or docs/), in order. */
    static List<String> blocks(String heading) {
        return Manual.section(heading).codeBlocks("bash");
    }

    @Test
    void aliceAndBobGetWhatTheReadmePromises() throws Exception {
        String exports = blocks("Point the AWS CLI at the local cloud").get(0);
        List<String> create = blocks("Create users and put them in groups");
        // After the stack's values (for AWS): alice and bob, then the first administrator.
        String users = String.join("\n", create.subList(1, create.size()));
        String call = blocks("With the AWS CLI and curl").get(0);
        assertTrue(call.startsWith(ALICE_LINE + "\n"), "the call block starts with alice's line");

        try (TestCloud cloud = TestCloud.start(Path.of("template.yaml"),
                new MockEventServerBackend(URI.create("http://localhost:" + RestAssured.port + "/_lambda_")),
                new LocalUsers(List.of()))) {
            cloud.cloud.writeDescribeStacks(work.resolve("target/local/stack.json"));
            // Last, bob's GET line once more (his variables are still set): his refused POST stored nothing.
            String getAgain = call.lines().filter(l -> l.startsWith("curl") && l.endsWith("\"$API_URL/test\""))
                    .findFirst().orElseThrow();
            String output = bash(String.join("\necho '=== next'\n", exports, users, call,
                    call.replace(ALICE_LINE, BOB_LINE), getAgain));
            String[] parts = output.split("=== next\n");
            assertEquals(5, parts.length, output);

            List<JsonNode> alice = answers(parts[2]);
            assertEquals("local-TestApiFullAccess", alice.get(0).at("/caller/role").asText(), parts[2]);
            JsonNode created = alice.get(1);
            assertEquals("hello", created.get("message").asText(), parts[2]);

            List<JsonNode> bob = answers(parts[3]);
            assertEquals("local-TestApiReadAccess", bob.get(0).at("/caller/role").asText(), parts[3]);
            assertEquals(MAPPER.readTree("{\"message\":\"Forbidden\"}"), bob.get(1));
            JsonNode after = answers(parts[4]).get(0);
            assertEquals(bob.get(0).get("items"), after.get("items"), "bob's refused POST stored nothing");
            assertEquals(created.get("id"), after.at("/items/0/id"), "alice's item, newest first");
        }
    }

    /** The JSON answers curl printed one after the other (curl adds no newline). */
    private static List<JsonNode> answers(String printed) throws IOException {
        return MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(printed).readAll();
    }

    private String bash(String script) throws Exception {
        return bash(work, script, Map.of());
    }

    /** {@code script} run by bash in {@code work}, with no AWS_ variable but those of {@code env}; its stdout. */
    static String bash(Path work, String script, Map<String, String> env) throws Exception {
        Path file = work.resolve("readme.sh");
        Files.writeString(file, "set -euo pipefail\n" + script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(work.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "README commands finished");
        assertEquals(0, process.exitValue(), () -> "README commands failed:\n" + read(out) + "\n" + read(err));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable " + file + ")";
        }
    }
}
