package com.example.testapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds src/bench/quarkus-default with the project's Maven wrapper, so it runs the Quarkus version we run. */
final class DefaultQuarkusApp {

    static final Path PROJECT = Path.of("src", "bench", "quarkus-default");

    private DefaultQuarkusApp() {
    }

    /** Its function.zip, built now (Maven skips what is up to date); its build output goes to target/bench. */
    static Path build() throws IOException, InterruptedException {
        String wrapper = System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "./mvnw";
        Path log = Files.createDirectories(Path.of("target", "bench")).resolve("quarkus-default-build.log");
        Process build = new ProcessBuilder(List.of(wrapper, "-B", "-q", "-f", PROJECT.resolve("pom.xml").toString(),
                "package", "-DskipTests")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("building " + PROJECT + " failed; see " + log);
        }
        Path zip = PROJECT.resolve(Path.of("target", "function.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no " + zip + " after the build; see " + log);
        }
        return zip;
    }
}
