package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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

import com.example.testapi.local.LocalAccount;
import com.example.testapi.local.gateway.LocalFrontDoor;
import com.example.testapi.local.gateway.LocalUser;
import com.example.testapi.local.gateway.LocalUsers;
import com.example.testapi.local.lambda.PackagedFunction;
import com.example.testapi.support.Moto;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * README's terminal path, end to end after `package`: {@code java -jar …-client.jar} signs a user in to moto's user
 * pool, gets its group's keys from a stub identity pool (found through the SDK's standard AWS_ENDPOINT_URL_* variables),
 * and calls the local front door in front of function.zip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCliIT {

    private static final LocalUser FULL = new LocalUser("cli-full", List.of("FullAccess"), "ASIACLIFULL000000001",
            "cli-full-secret", "cli-full-token", "us-east-1:cli-full", "cli-full-sub");
    private static final LocalUser READ = new LocalUser("cli-read", List.of("ReadOnlyAccess"), "ASIACLIREAD000000002",
            "cli-read-secret", "cli-read-token", "us-east-1:cli-read", "cli-read-sub");

    private final ObjectMapper mapper = new ObjectMapper();
    private StubIdentityPool identityPool;
    private PackagedFunction function;
    private LocalFrontDoor door;
    private Path outputs;
    private final String password = DeployedStackTarget.strongPassword();

    @BeforeAll
    void stack() throws Exception {
        String moto = Moto.endpoint();
        identityPool = new StubIdentityPool();
        identityPool.keysByGroup = Map.of("FullAccess", FULL, "ReadOnlyAccess", READ);
        Path work = Files.createDirectories(Path.of("target", "it-client-cli"));
        function = PackagedFunction.start(PackagedFunction.Launch.of(Path.of("target", "function.zip"), work)
                .withLog(work.resolve("function.log").toFile()));
        function.awaitReady(Duration.ofSeconds(60));
        door = LocalFrontDoor.create(Path.of("template.yaml"), LocalAccount.defaults("us-east-1"),
                new LocalUsers(List.of(FULL, READ)), function, 0, line -> {
                });

        try (CognitoIdentityProviderClient pool = CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String poolId = pool.createUserPool(r -> r.poolName("cli-" + System.nanoTime())).userPool().id();
            String clientId = pool.createUserPoolClient(r -> r.userPoolId(poolId).clientName("cli")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();
            for (LocalUser user : List.of(FULL, READ)) {
                pool.createGroup(r -> r.userPoolId(poolId).groupName(user.groups().get(0)));
                pool.adminCreateUser(r -> r.userPoolId(poolId).username(user.name()).messageAction("SUPPRESS"));
                pool.adminSetUserPassword(r -> r.userPoolId(poolId).username(user.name()).password(password)
                        .permanent(true));
                pool.adminAddUserToGroup(r -> r.userPoolId(poolId).username(user.name())
                        .groupName(user.groups().get(0)));
            }
            // The shape `aws cloudformation describe-stacks` writes.
            var root = mapper.createObjectNode();
            var list = root.putArray("Stacks").addObject().putArray("Outputs");
            Map.of("ApiUrl", door.baseUri().toString(), "Region", "us-east-1", "UserPoolId", poolId,
                    "UserPoolClientId", clientId, "IdentityPoolId", "us-east-1:cli-pool")
                    .forEach((k, v) -> list.addObject().put("OutputKey", k).put("OutputValue", v));
            outputs = work.resolve("outputs.json");
            Files.writeString(outputs, root.toString());
        }
        this.motoEndpoint = moto;
    }

    private String motoEndpoint;

    @AfterAll
    void stop() {
        if (door != null) {
            door.close();
        }
        if (function != null) {
            function.close();
        }
        if (identityPool != null) {
            identityPool.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run cli(String user, String... command) throws Exception {
        File jar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().endsWith("-client.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("run ./mvnw package first")).toFile();
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.getPath(), "--outputs", outputs.toString(), "--user", user));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_")); // a consumer needs no AWS credentials of its own
        env.put("TESTAPI_PASSWORD", password);
        env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", motoEndpoint);
        env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY", identityPool.endpoint().toString());
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aFullAccessUserPostsAndReadsFromTheTerminal() throws Exception {
        Run post = cli("cli-full", "post", "from the terminal 🚀");
        assertEquals(0, post.exit(), post::toString);
        assertEquals("from the terminal 🚀", mapper.readTree(post.out()).at("/item/message").asText(), post::out);

        Run get = cli("cli-full", "get");
        assertEquals(0, get.exit(), get::toString);
        assertEquals("local-TestApiFullAccess", mapper.readTree(get.out()).at("/caller/role").asText());
    }

    @Test
    void aReadOnlyUsersPostIsRefusedByTheGateway() throws Exception {
        Run post = cli("cli-read", "post", "not allowed");
        assertEquals(2, post.exit(), post::toString);
        assertEquals("GatewayRefused 403: API Gateway: Forbidden", post.err().strip(), "only the refusal on stderr");
        assertEquals(0, cli("cli-read", "get").exit());
    }
}
