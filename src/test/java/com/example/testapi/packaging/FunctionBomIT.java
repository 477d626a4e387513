package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after `package`: target/function-bom.json (CycloneDX, pom.xml) describes exactly what target/function.zip
 * holds: one component per jar in the zip's lib/, no component that is not there, and the function itself (the
 * zip's own classes) as the BOM's subject.
 */
class FunctionBomIT {

    private static final Path ZIP = Path.of("target", "function.zip");
    private static final Path BOM = Path.of("target", "function-bom.json");
    /** Quarkus rewrites some classes of a few jars at build time and names those jars modified-…: same artifact. */
    private static final String MODIFIED = "modified-";

    private static Set<String> zipJars() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".jar"))
                    .map(name -> name.startsWith("lib/" + MODIFIED) ? "lib/" + name.substring(4 + MODIFIED.length()) : name)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The file name Quarkus gives a component's jar in lib/: GROUP.ARTIFACT-VERSION[-CLASSIFIER].jar. */
    private static String jarOf(JsonNode component) {
        String purl = component.path("purl").asText();
        String classifier = "";
        int query = purl.indexOf('?');
        if (query >= 0) {
            for (String pair : purl.substring(query + 1).split("&")) {
                if (pair.startsWith("classifier=")) {
                    classifier = "-" + URLDecoder.decode(pair.substring(11), StandardCharsets.UTF_8);
                }
            }
        }
        return "lib/" + component.path("group").asText() + "." + component.path("name").asText() + "-"
                + component.path("version").asText() + classifier + ".jar";
    }

    private static JsonNode bom() throws IOException {
        assertTrue(Files.isRegularFile(BOM), "run ./mvnw package first: " + BOM.toAbsolutePath());
        return new ObjectMapper().readTree(BOM.toFile());
    }

    @Test
    void listsEveryJarOfTheZipAndNothingElse() throws IOException {
        JsonNode bom = bom();
        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        Set<String> listed = new TreeSet<>();
        bom.path("components").forEach(component -> assertTrue(listed.add(jarOf(component)), "twice: " + component));
        Set<String> shipped = zipJars();
        assertTrue(shipped.size() > 50, "the zip's jars: " + shipped.size());

        Set<String> unlisted = new TreeSet<>(shipped);
        unlisted.removeAll(listed);
        Set<String> notShipped = new TreeSet<>(listed);
        notShipped.removeAll(shipped);
        assertTrue(unlisted.isEmpty(), "jars in function.zip the SBOM does not list: " + unlisted);
        assertTrue(notShipped.isEmpty(), "SBOM components function.zip does not hold: " + notShipped);
    }

    @Test
    void describesTheFunctionWhoseClassesAreTheZipsOwn() throws IOException {
        JsonNode subject = bom().path("metadata").path("component");
        assertEquals("com.example", subject.path("group").asText());
        assertEquals("iam-test-api", subject.path("name").asText());
        assertEquals("application", subject.path("type").asText());
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            assertTrue(zip.getEntry("com/example/testapi/api/TestResource.class") != null, "the function's classes");
        }
    }

    @Test
    void listsNoTestOrToolingLibrary() throws IOException {
        Set<String> tooling = new TreeSet<>();
        bom().path("components").forEach(component -> {
            String name = component.path("name").asText();
            if (Set.of("junit-jupiter-api", "rest-assured", "snakeyaml", "selenium-java", "nimbus-jose-jwt",
                    "aws-lambda-java-runtime-interface-client", "cloudformation", "bcprov-jdk18on").contains(name)) {
                tooling.add(name);
            }
        });
        assertTrue(tooling.isEmpty(), "test-scope artifacts in the SBOM: " + tooling);
    }
}
