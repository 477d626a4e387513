package com.example.testapi.packaging;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.example.testapi.packaging.snapstart.RandomStateHandler;

/**
 * The build's SnapStart check can fail: pom.xml's SpotBugs configuration (AWS's SnapStart rules, the bug-pattern
 * filter, failOnError), pointed at a probe class instead of src/main's, refuses a handler whose state comes from a
 * Random made at init. `./mvnw verify` runs the same configuration over src/main, where it must find nothing.
 */
class SnapStartRulesIT {

    @Test
    void theBuildsSpotBugsConfigurationRefusesRandomHandlerState() throws Exception {
        String probe = RandomStateHandler.class.getName().replace('.', '/') + ".class";
        Path classes = Files.createTempDirectory("snapstart-probe");
        Path copy = classes.resolve(probe);
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of("target", "test-classes").resolve(probe), copy);

        Path output = Files.createTempFile("snapstart-probe", ".log");
        Process maven = new ProcessBuilder(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-ntp",
                "-Dspotbugs.classes=" + classes, "spotbugs:check"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new AssertionError("SpotBugs did not finish in 10 minutes: " + tail(output));
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertNotEquals(0, maven.exitValue(), "the build must fail on the probe: " + tail(output));
        assertTrue(log.contains("AWS_LAMBDA_SNAP_START_BUG") && log.contains(RandomStateHandler.class.getName()),
                "refused for SnapStart, in the probe: " + tail(output));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
