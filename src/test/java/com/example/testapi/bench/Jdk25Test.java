package com.example.testapi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the benchmarks find the deployed runtime's JDK 25 on each system: a JDK 25 folder of Linux's, macOS's
 * (Contents/Home) or Windows' layout is found; a JDK 17 (even update 25) or a folder without a java is not.
 */
class Jdk25Test {

    @TempDir
    Path root;

    private Path jdk(Path folder, String name, String java) throws IOException {
        Path home = folder.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin").resolve(java), "");
        return home;
    }

    @Test
    void findsAJdk25InEachSystemsLayoutAndNothingElse() throws IOException {
        Path linux = Files.createDirectories(root.resolve("usr-lib-jvm"));
        jdk(linux, "java-17-openjdk-amd64", "java");
        jdk(linux, "jdk-17.0.25", "java");
        assertEquals(Optional.empty(), Jdk25.installed(List.of(linux)), "a 17, even its update 25");
        Path temurin = jdk(linux, "temurin-25-jdk-amd64", "java");
        assertEquals(Optional.of(temurin), Jdk25.installed(List.of(linux, root.resolve("absent"))));

        Path mac = Files.createDirectories(root.resolve("JavaVirtualMachines"));
        Path contents = jdk(mac.resolve("temurin-25.jdk").resolve("Contents"), "Home", "java");
        assertEquals(Optional.of(contents), Jdk25.installed(List.of(mac)));

        Path windows = Files.createDirectories(root.resolve("Eclipse Adoptium"));
        Path adoptium = jdk(windows, "jdk-25.0.1.8-hotspot", "java.exe");
        assertEquals(Optional.of(adoptium), Jdk25.installed(List.of(windows)));

        Path noJava = Files.createDirectories(root.resolve("empty").resolve("jdk-25"));
        assertEquals(Optional.empty(), Jdk25.installed(List.of(noJava.getParent())), "no bin/java");

        Path two = Files.createDirectories(root.resolve("two"));
        Files.writeString(jdk(two, "jdk-25.0.9", "java").resolve("release"), "JAVA_VERSION=\"25.0.9\"\n");
        Path newer = jdk(two, "jdk-25.0.10", "java");
        Files.writeString(newer.resolve("release"), "JAVA_VERSION=\"25.0.10\"\n");
        assertEquals(Optional.of(newer), Jdk25.installed(List.of(two)), "by version, not by the name's text");
    }
}
