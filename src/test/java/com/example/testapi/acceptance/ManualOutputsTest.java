package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.testapi.local.template.SamTemplate;
import com.example.testapi.support.Manual;

/**
 * The manual's commands read the stack's Outputs through a helper, {@code $(out Name)} (docs/deploying.md, "Create
 * users"): each name they read is an Output of template.yaml, so a renamed or dropped output fails here, not in a
 * deployer's clean-up loop that silently skips a log group.
 */
class ManualOutputsTest {

    /** What the local cloud's outputs add to the template's (docs/local-cloud.md): its Cognito endpoints. */
    private static final Set<String> LOCAL_ONLY = Set.of("CognitoIdpEndpoint", "CognitoIdentityEndpoint");

    private static final Pattern READ = Pattern.compile("\\$\\(out ([A-Za-z0-9]+)\\)");

    static Set<String> namesRead(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = READ.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void everyOutputTheManualReadsIsOneTheTemplateGives() throws IOException {
        Set<String> outputs = SamTemplate.map(SamTemplate.load(Path.of("template.yaml")).root(), "Outputs").keySet();
        Set<String> read = new TreeSet<>();
        for (Manual.Page page : Manual.pages(Path.of(""))) {
            read.addAll(namesRead(Files.readString(page.file())));
        }
        assertTrue(read.size() > 10, "the walk found the commands: " + read);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(outputs);
        missing.removeAll(LOCAL_ONLY);
        assertEquals(Set.of(), missing, "outputs the manual reads that template.yaml does not give");
        assertTrue(read.contains("TokenTriggerLogGroup"), "the clean-up loop names the trigger's log group");
    }

    /**
     * The build's products the manual's commands name ({@code target/….jar}, {@code target/….zip}) are the ones the
     * build makes: function.zip and token-trigger.zip (template.yaml's CodeUri) and the client jar as pom.xml names it
     * (artifactId-version-client.jar).
     */
    @Test
    void everyBuiltFileTheManualNamesIsOneTheBuildMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(artifact.find(), "the project's coordinates in pom.xml");
        Set<String> built = Set.of("target/function.zip", "target/token-trigger.zip",
                "target/" + artifact.group(1) + "-" + artifact.group(2) + "-client.jar");
        Set<String> named = new TreeSet<>();
        for (Manual.Page page : Manual.pages(Path.of(""))) {
            Matcher file = Pattern.compile("target/[A-Za-z0-9._-]+\\.(?:jar|zip)").matcher(Files.readString(page.file()));
            while (file.find()) {
                named.add(file.group());
            }
        }
        assertTrue(named.containsAll(Set.of("target/function.zip", "target/token-trigger.zip")), named::toString);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(built);
        assertEquals(Set.of(), unknown, "files the manual names that the build does not make");
    }

    @Test
    void theReadingIsFoundWhereverItStands() {
        assertEquals(Set.of("ApiUrl", "Gone"), namesRead("A=$(out ApiUrl) B=\"$(out Gone)\" C=$(outer X) $(out)"));
    }
}
