package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs after `package`: target/*-client.jar holds the client and the AWS SDK modules it uses (Cognito's two, SigV4,
 * the core they share), none of the SDK modules only the function, the tests or the benchmark use, and none of our
 * other products' classes; and it runs. (ClientCliIT runs it end to end against the local cloud.)
 */
class ClientJarIT {

    private static Path jar;
    private static Set<String> entries;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-client.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("run ./mvnw package first: no target/*-client.jar"));
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
        System.out.printf("%s: %d entries, %.1f MiB%n", jar.getFileName(), entries.size(),
                Files.size(jar) / 1024.0 / 1024.0);
    }

    /** docs/calling-the-api.md states the jar's size and entry count: they stay within a tenth of the real ones. */
    @Test
    void theManualStatesItsSizeAndEntries() throws IOException {
        String manual = Files.readString(Path.of("docs", "calling-the-api.md"));
        Matcher stated = Pattern.compile("\\(([\\d.]+) MiB, about ([\\d,]+) entries").matcher(manual);
        assertTrue(stated.find(), "docs/calling-the-api.md states the client jar's size as (N MiB, about N entries");
        double mib = Files.size(jar) / 1024.0 / 1024.0;
        double statedMib = Double.parseDouble(stated.group(1));
        int statedEntries = Integer.parseInt(stated.group(2).replace(",", ""));
        assertTrue(Math.abs(mib - statedMib) <= mib / 10, "the manual says " + statedMib + " MiB, the jar has " + mib);
        assertTrue(Math.abs(entries.size() - statedEntries) <= entries.size() / 10,
                "the manual says about " + statedEntries + " entries, the jar has " + entries.size());
    }

    @Test
    void holdsOnlyTheSdkModulesTheClientUses() {
        for (String used : List.of("services/cognitoidentityprovider/", "services/cognitoidentity/",
                "http/auth/aws/signer/", "http/urlconnection/")) {
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("software/amazon/awssdk/" + used)), used);
        }
        for (String unused : List.of("services/lambda/", "services/dynamodb/", "services/cloudformation/",
                "protocols/query/")) {
            List<String> found = entries.stream().filter(e -> e.startsWith("software/amazon/awssdk/" + unused))
                    .limit(3).toList();
            assertEquals(List.of(), found, "an SDK module the client never uses: " + unused);
        }
    }

    @Test
    void holdsNoClassOfTheOtherProducts() {
        List<String> foreign = entries.stream().filter(e -> e.startsWith("com/example/testapi/"))
                .filter(e -> !e.endsWith("/") && !e.startsWith("com/example/testapi/client/")).limit(5).toList();
        assertEquals(List.of(), foreign, "function, local cloud, bench or test classes in the client jar");
        assertTrue(entries.stream().noneMatch(e -> e.startsWith("org/junit/") || e.startsWith("io/quarkus/")
                || e.startsWith("com/nimbusds/oauth2/") || e.startsWith("org/bouncycastle/")
                || e.startsWith("org/yaml/")), "test or local tooling");
    }

    /**
     * The SDK's own code runs from the jar, also where AWS_LAMBDA_FUNCTION_NAME is set (the SDK core then needs
     * utils-lite): signing in against a closed port fails on the connection, never on a missing class.
     */
    @Test
    void itsSdkCallsRunInALambdaEnvironmentToo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path outputs = dir.resolve("stack.json");
        Files.writeString(outputs, """
                {"Stacks": [{"StackName": "closed", "Outputs": [
                  {"OutputKey": "ApiUrl", "OutputValue": "http://127.0.0.1:1"},
                  {"OutputKey": "Region", "OutputValue": "us-east-1"},
                  {"OutputKey": "UserPoolId", "OutputValue": "us-east-1_Closed"},
                  {"OutputKey": "UserPoolClientId", "OutputValue": "closed"},
                  {"OutputKey": "IdentityPoolId", "OutputValue": "us-east-1:closed"},
                  {"OutputKey": "CognitoIdpEndpoint", "OutputValue": "http://127.0.0.1:1"},
                  {"OutputKey": "CognitoIdentityEndpoint", "OutputValue": "http://127.0.0.1:1"}]}]}""");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--outputs", outputs.toString(), "--user", "alice", "get")
                .redirectErrorStream(true);
        builder.environment().put("TESTAPI_PASSWORD", "x");
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "a-function");
        Process cli = builder.start();
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "java -jar " + jar + " ended");
        String output = new String(cli.getInputStream().readAllBytes());
        assertTrue(!output.contains("NoClassDefFoundError") && !output.contains("ClassNotFoundException"), output);
        assertTrue(output.contains("Unable to execute HTTP request") || output.contains("Connection refused"), output);
    }

    @Test
    void runsOnItsOwn() throws Exception {
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()).redirectErrorStream(true).start();
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "java -jar " + jar + " ended");
        String output = new String(cli.getInputStream().readAllBytes());
        assertEquals(64, cli.exitValue(), output);
        assertTrue(output.contains("usage: TESTAPI_PASSWORD="), output);
    }
}
