package com.example.testapi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/project-layout.md names every source and result file of the products (src/main, src/local, src/client,
 * src/bench, src/web), by its class or file name: a file added without its line in the map fails here, with its
 * path. Build output and installed packages (target/, node_modules/) are not sources; tests are docs/testing.md's
 * (TestCatalogTest).
 */
class ProjectLayoutTest {

    private static final List<String> PRODUCTS = List.of("src/main", "src/local", "src/client", "src/bench",
            "src/web");
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", "dist", ".vite");

    /** The product files whose name the page does not name. */
    static List<String> unnamed(String page) throws IOException {
        try (Stream<Path> files = PRODUCTS.stream().map(Path::of).filter(Files::isDirectory).flatMap(root -> {
            try {
                return Files.walk(root);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> { // nothing under a build or install folder
                        for (Path part : file) {
                            if (NOT_SOURCES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(file -> !named(page, file.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
        }
    }

    /** A class by its name, any other file by its whole name, as a word of the page. */
    private static boolean named(String page, String fileName) {
        String name = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(name) + "(?![A-Za-z0-9])").matcher(page).find();
    }

    @Test
    void everySourceAndResultFileIsNamed() throws IOException {
        assertEquals(List.of(), unnamed(Files.readString(Path.of("docs", "project-layout.md"))),
                "name these in docs/project-layout.md");
    }

    @Test
    void aFileTheMapDoesNotNameIsCaught() throws IOException {
        String page = Files.readString(Path.of("docs", "project-layout.md")).replace("SlowSenders", "Slow-senders");
        List<String> unnamed = unnamed(page);
        assertEquals(1, unnamed.size(), unnamed::toString);
        assertTrue(unnamed.get(0).endsWith("abuse/SlowSenders.java".replace('/', java.io.File.separatorChar)),
                unnamed.get(0));
    }
}
