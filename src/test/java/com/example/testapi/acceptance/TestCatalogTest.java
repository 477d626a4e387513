package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.example.testapi.support.Manual;

/**
 * docs/testing.md's "Every test class" table names each test class under src/test/java once, by its path in the
 * package tree ({@code local/userpool/SelfServiceTest}), and no class that does not exist: a new test is described
 * where readers look, and a removed one leaves no promise behind.
 */
class TestCatalogTest {

    private static final Path TESTS = Path.of("src/test/java/com/example/testapi");
    /** A class declared abstract holds tests that run in its subclasses. */
    private static final Pattern ABSTRACT = Pattern.compile("^(public\\s+)?abstract\\s+class\\s", Pattern.MULTILINE);

    /** Every test class Surefire or Failsafe runs: concrete classes named *Test or *IT. */
    static Set<String> testClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.toString().matches(".*(Test|IT)\\.java")).toList()) {
                if (!ABSTRACT.matcher(Files.readString(file)).find()) {
                    String relative = TESTS.relativize(file).toString();
                    classes.add(relative.substring(0, relative.length() - ".java".length()));
                }
            }
        }
        return classes;
    }

    @Test
    void theManualNamesEveryTestClassOnce() throws IOException {
        List<String> named = new ArrayList<>();
        for (List<Manual.Cell> row : Manual.section("Every test class").tableRows()) {
            assertEquals(1, row.get(0).code().size(), "one class per row: " + row.get(0).text());
            named.add(row.get(0).code().get(0));
        }
        Set<String> classes = testClasses();
        assertEquals(named.size(), Set.copyOf(named).size(), "a class named twice in " + named);
        assertEquals(classes, new TreeSet<>(named), "docs/testing.md's table against src/test/java");
        assertTrue(classes.size() > 80, "the walk found the test classes: " + classes.size());
    }
}
