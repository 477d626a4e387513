package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs after `package`: the deployed artifact holds what runs in Lambda, and none of our tests or tooling. */
class FunctionZipIT {

    private static final Path ZIP = Path.of("target", "function.zip");
    private static Set<String> entries;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), "run ./mvnw package first: " + ZIP.toAbsolutePath());
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }

    @Test
    void holdsTheFunction() {
        assertTrue(entries.contains("com/example/testapi/api/TestResource.class"), "the resource");
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/io.quarkus.quarkus-amazon-lambda-3")),
                "the jar of QuarkusStreamHandler, the handler template.yaml names");
    }

    @Test
    void holdsNoTestClass() throws IOException {
        Path testClasses = Path.of("target", "test-classes");
        try (Stream<Path> files = Files.walk(testClasses)) {
            List<String> shipped = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> testClasses.relativize(p).toString().replace('\\', '/'))
                    .filter(entries::contains)
                    .toList();
            assertTrue(shipped.isEmpty(), "test classes in function.zip: " + shipped);
        }
    }

    @Test
    void holdsNoTestOrToolingLibrary() {
        // (The SDK's auth and http-auth-aws do ship: the DynamoDB client signs its requests with them; so does the
        // user pool's module, cognitoidentityprovider, which the administration function calls. The identity pool's,
        // cognitoidentity, is the client's and the tests'.)
        List<String> forbidden = List.of("junit", "rest-assured", "snakeyaml", "hamcrest", "quarkus-junit",
                "aws-lambda-java-runtime-interface-client", "aws-lambda-java-serialization", "jmh", "mockito",
                "wiremock", "apache-client", "netty-nio-client", "cognitoidentity-2", "cloudformation", "lambda-2",
                "nimbus", "jqwik", "selenium", "bouncycastle");
        List<String> shipped = entries.stream().filter(e -> e.startsWith("lib/"))
                .filter(e -> forbidden.stream().anyMatch(e::contains)).sorted().toList();
        assertTrue(shipped.isEmpty(), "tooling libraries in function.zip: " + shipped);
    }

    /** The build's last step (src/main/packaging/StoredJars.java): no class is inflated at a cold start. */
    @Test
    void jarsStoreTheirClassesUncompressed() throws IOException {
        List<String> compressed = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry jar : zip.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                    for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                        if (entry.getMethod() != ZipEntry.STORED) {
                            compressed.add(jar.getName() + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        assertTrue(compressed.isEmpty(), "compressed entries: " + compressed.stream().limit(5).toList());
        assertTrue(entries.stream().anyMatch(e -> e.endsWith(".jar")), "jars to check");
        assertTrue(entries.contains("com/example/testapi/api/TestResource.class"), "the application's classes");
        assertTrue(entries.stream().noneMatch(e -> e.contains("StoredJars")), "the build step does not ship");
    }
}
