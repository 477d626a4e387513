package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.testapi.local.LocalCloud;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.TestCloud;
import com.example.testapi.support.TotpCodes;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The manual's terminal path, end to end after `package`: {@code java -jar …-client.jar --outputs stack.json} signs a
 * user in to the local user pool, gets its group's credentials from the local identity pool (both found through the
 * endpoints the local cloud's describe-stacks file names), and calls the local gateway in front of function.zip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCliIT {

    private final ObjectMapper mapper = new ObjectMapper();
    private PackagedFunction function;
    private TestCloud cloud;
    private Path outputs;

    @BeforeAll
    void stack() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "it-client-cli"));
        function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withLog(work.resolve("function.log").toFile()));
        function.awaitReady(Duration.ofSeconds(60));
        // As ./mvnw -Plocal runs it: the functions with a role of their own (AdminFunction, the trigger) from their
        // zips, apart from the /test functions.
        cloud = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withPackagedTriggers(true), function);
        outputs = work.resolve("stack.json");
        cloud.cloud.writeDescribeStacks(outputs);
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
        if (function != null) {
            function.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static File clientJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-client.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("run ./mvnw package first")).toFile();
        }
    }

    private Run cli(String user, String... command) throws Exception {
        return cli(user, Map.of(), command);
    }

    private Run cli(String user, Map<String, String> extraEnv, String... command) throws Exception {
        File jar = clientJar();
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.getPath(), "--outputs", outputs.toString(), "--user", user));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_")); // a consumer needs no AWS credentials of its own
        env.put("TESTAPI_PASSWORD", TestCloud.USERS.users().stream().filter(u -> u.name().equals(user)).findFirst()
                .orElseThrow().password());
        env.putAll(extraEnv);
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aFullAccessUserPostsAndReadsFromTheTerminal() throws Exception {
        Run post = cli("alice", "post", "from the terminal 🚀");
        assertEquals(0, post.exit(), post::toString);
        assertEquals("from the terminal 🚀", mapper.readTree(post.out()).at("/item/message").asText(), post::out);

        Run get = cli("alice", "get");
        assertEquals(0, get.exit(), get::toString);
        assertEquals("local-TestApiFullAccess", mapper.readTree(get.out()).at("/caller/role").asText());
    }

    /**
     * docs/local-cloud.md's client command, run as written by bash from a folder laid out as the repository is while
     * {@code ./mvnw -Plocal} runs: the client jar in target/ (built before the cloud starts) and the cloud's
     * target/local/stack.json.
     */
    @Test
    void theManualsClientCommandWorksAsWritten() throws Exception {
        String block = ReadmeCommandsTest.blocks("Point the AWS CLI at the local cloud").stream()
                .filter(b -> b.contains("-client.jar")).findFirst().orElseThrow();
        Path repo = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "manual-client");
        File jar = clientJar();
        Files.createDirectories(repo.resolve("target/local"));
        Files.copy(jar.toPath(), repo.resolve("target").resolve(jar.getName()));
        Files.copy(outputs, repo.resolve("target/local/stack.json"));

        String printed = ReadmeCommandsTest.bash(repo, block, Map.of());
        assertEquals("hello from the client", mapper.readTree(printed).at("/item/message").asText(), printed);
    }

    /** docs/administration.md's admin commands: ada (her TOTP code in TESTAPI_TOTP_CODE) manages users. */
    @Test
    void anAdministratorManagesUsersFromTheTerminal() throws Exception {
        Run users = cli("ada", code(), "admin", "users");
        assertEquals(0, users.exit(), users::toString);
        assertTrue(users.out().contains("\"username\" : \"alice\""), users::out);

        Run moved = cli("ada", code(), "admin", "group", "carol", "FullAccess");
        assertEquals(0, moved.exit(), moved::toString);
        assertEquals("[\"FullAccess\"]", mapper.readTree(moved.out()).path("groups").toString(), moved::out);

        Run self = cli("ada", code(), "admin", "disable", "ada");
        assertEquals(2, self.exit(), self::toString);
        assertTrue(self.err().startsWith("ContractViolation ") && self.err().contains("own_rights"), self::err);

        Run missing = cli("ada", code(), "admin", "group", "carol");
        assertEquals(64, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("admin group needs NAME and GROUP (or none)"), missing::err);

        Run refused = cli("alice", "admin", "users");
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.err().startsWith("GatewayRefused 403"), refused::err);
    }

    private static Map<String, String> code() {
        return Map.of("TESTAPI_TOTP_CODE", TotpCodes.unused(TestCloud.ADA_TOTP_SECRET));
    }

    /**
     * A pool with MfaConfiguration ON: bob, who has no TOTP, meets MFA_SETUP. The CLI shows the new secret and its
     * otpauth URI on stderr and reads the first code from stdin (computed here, as bob's app would), then answers.
     */
    @Test
    void theCliSetsTotpUpWhenThePoolAsksForIt() throws Exception {
        try (TestCloud on = TestCloud.start(LocalCloud.Settings.of(Path.of("template.yaml"), TestCloud.REGION)
                .withParameters(Map.of("MfaConfiguration", "ON")), function)) {
            Path onOutputs = outputs.resolveSibling("stack-on.json");
            on.cloud.writeDescribeStacks(onOutputs);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", clientJar().getPath(), "--outputs", onOutputs.toString(), "--user", "bob",
                    "get");
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            builder.environment().put("TESTAPI_PASSWORD", "Bob-Str0ng-Passw0rd!");
            Path out = Files.createTempFile("cli", ".out");
            Process process = builder.redirectOutput(out.toFile()).start();
            var stderr = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String shown = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                StringBuilder lines = new StringBuilder();
                try {
                    for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
                        lines.append(line).append('\n');
                        if (line.startsWith("then type")) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return lines.toString();
            }).get(60, TimeUnit.SECONDS);
            String secret = shown.replaceAll("(?s).*secret: +([A-Z2-7]+).*", "$1");
            assertTrue(shown.contains("otpauth: otpauth://totp/AWSCognito:bob?secret=" + secret
                    + "&issuer=AWSCognito"), shown);
            process.getOutputStream().write((TotpCodes.unused(secret) + "\n").getBytes());
            process.getOutputStream().close();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
            assertEquals(0, process.exitValue(), shown + new String(process.getErrorStream().readAllBytes()));
            assertEquals("local-TestApiReadAccess", mapper.readTree(Files.readString(out)).at("/caller/role")
                    .asText());
            try (var pool = com.example.testapi.support.CognitoSdk.userPool(on.cloud)) {
                assertTrue(pool.adminGetUser(r -> r.userPoolId(on.cloud.outputs().get("UserPoolId")).username("bob"))
                        .userMFASettingList().contains("SOFTWARE_TOKEN_MFA"), "bob's TOTP is on");
            }
        }
    }

    @Test
    void aReadOnlyUsersPostIsRefusedByTheGateway() throws Exception {
        Run post = cli("bob", "post", "not allowed");
        assertEquals(2, post.exit(), post::toString);
        assertEquals("GatewayRefused 403: API Gateway: Forbidden", post.err().strip(), "only the refusal on stderr");
        assertEquals(0, cli("bob", "get").exit());
    }
}
