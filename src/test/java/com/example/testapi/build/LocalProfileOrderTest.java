package com.example.testapi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./mvnw -Plocal} runs the local cloud in the package phase and blocks there until Ctrl-C, while
 * docs/local-cloud.md tells the reader to run the client jar from a second terminal meanwhile: so pom.xml builds that
 * jar in an earlier phase of Maven's lifecycle than the one the cloud starts in.
 */
class LocalProfileOrderTest {

    /** Maven's default lifecycle, the part these executions use, in order. */
    private static final List<String> LIFECYCLE = List.of("validate", "generate-sources", "process-sources",
            "generate-resources", "process-resources", "compile", "process-classes", "generate-test-sources",
            "process-test-sources", "generate-test-resources", "process-test-resources", "test-compile",
            "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    @Test
    void theClientJarIsBuiltBeforeTheLocalCloudStarts() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Map<String, String> phases = new HashMap<>();
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            NodeList id = execution.getElementsByTagName("id");
            NodeList phase = execution.getElementsByTagName("phase");
            if (id.getLength() > 0 && phase.getLength() > 0) {
                phases.put(id.item(0).getTextContent().strip(), phase.item(0).getTextContent().strip());
            }
        }
        String jar = phases.get("client-jar");
        String cloud = phases.get("local-cloud");
        assertEquals("package", cloud, "the local cloud starts after function.zip is built");
        assertTrue(LIFECYCLE.indexOf(jar) >= 0 && LIFECYCLE.indexOf(jar) < LIFECYCLE.indexOf(cloud),
                "client-jar runs in " + jar + ", which must come before the local cloud's " + cloud);
    }
}
