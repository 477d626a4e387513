package com.example.testapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDK the benchmarks start functions with: the deployed runtime's (java25) wherever it is installed, so the
 * figures are the runtime's. {@code -Dbench.javaHome} first; then {@code JAVA25_HOME}; then this JVM if it is a 25;
 * then the usual install folders of Linux ({@code /usr/lib/jvm}), macOS ({@code /Library/Java/JavaVirtualMachines})
 * and Windows ({@code Program Files}, Eclipse Adoptium, Java, Microsoft); else this JVM, said on the console.
 */
final class Jdk25 {

    /** A JDK 25's folder name: the vendor's or JDK's word, then 25 ("temurin-25-jdk-amd64", "jdk-25.0.1+9"). */
    static final String NAMED_25 = "(?i).*(jdk|java|temurin|corretto|zulu)[-_]?25([-_.+].*)?";

    private Jdk25() {
    }

    static Path home() {
        String chosen = System.getProperty("bench.javaHome", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        String env = System.getenv("JAVA25_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == 25) {
            return running;
        }
        Optional<Path> installed = installed(folders());
        if (installed.isEmpty()) {
            System.out.println("[bench] no JDK 25 found (-Dbench.javaHome, JAVA25_HOME, the usual folders): using "
                    + running + ", JDK " + Runtime.version().feature() + ", not the deployed runtime's");
        }
        return installed.orElse(running);
    }

    /**
     * The newest JDK 25 under {@code folders} (a folder named for 25, with bin/java, or macOS's Contents/Home), by the
     * version its {@code release} file gives, not by its name's text (25.0.10 is newer than 25.0.9).
     */
    static Optional<Path> installed(List<Path> folders) {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(p -> p.getFileName().toString().matches(NAMED_25))
                        .map(p -> Files.isDirectory(p.resolve("Contents").resolve("Home")) ? p.resolve("Contents")
                                .resolve("Home") : p)
                        .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("java"))
                                || Files.isRegularFile(p.resolve("bin").resolve("java.exe")))
                        .forEach(found::add);
            } catch (IOException unreadable) {
                // a folder we may not list holds nothing we can use
            }
        }
        return found.stream().max(Comparator.comparing(Jdk25::version));
    }

    /** The JDK's version from its {@code release} file ({@code JAVA_VERSION="25.0.1"}); 25 when it has none. */
    static Runtime.Version version(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> Runtime.Version.parse(l.substring("JAVA_VERSION=".length()).replace("\"", "")))
                    .findFirst().orElse(Runtime.Version.parse("25"));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Runtime.Version.parse("25");
        }
    }

    private static List<Path> folders() {
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"),
                Path.of("/Library/Java/JavaVirtualMachines")));
        for (String variable : List.of("ProgramFiles", "ProgramW6432")) {
            String base = System.getenv(variable);
            if (base != null) {
                for (String vendor : List.of("Eclipse Adoptium", "Java", "Microsoft", "Amazon Corretto")) {
                    folders.add(Path.of(base, vendor));
                }
            }
        }
        return folders;
    }
}
