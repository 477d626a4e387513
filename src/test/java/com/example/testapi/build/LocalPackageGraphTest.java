package com.example.testapi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The local cloud's packages depend on each other only along the edges drawn in docs/project-layout.md ("The local
 * cloud's packages"), read from the {@code import com.example.testapi…} lines of src/local: the transport at the
 * bottom, the template and IAM in one direction, and nothing of another product (the client above all).
 */
class LocalPackageGraphTest {

    private static final Path SOURCES = Path.of("src/local/java/com/example/testapi/local");
    private static final String LOCAL = "com.example.testapi.local";
    /** The top: the package that starts the cloud ({@code LocalCloud}, its banner and users file). */
    private static final String ROOT = "(root)";

    /** Which packages each package may import; the root may import every one, and nothing imports the root. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "http", Set.of(),
            "template", Set.of(),
            "state", Set.of(),
            "awsjson", Set.of("http"),
            "lambda", Set.of("http"),
            "web", Set.of("http"),
            "iam", Set.of("template", "awsjson", "state"),
            "gateway", Set.of("http", "template", "iam", "lambda"),
            "userpool", Set.of("http", "awsjson", "template", "state"),
            "identitypool", Set.of("awsjson", "template", "iam", "userpool"));

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(com\\.example\\.testapi\\.[\\w.]+)",
            Pattern.MULTILINE);

    @Test
    void theLocalCloudImportsOnlyAlongTheDrawnEdges() {
        assertEquals(List.of(), violations(sources()));
    }

    @Test
    void everyPackageOfTheLocalCloudIsInTheGraph() {
        Set<String> packages = new HashSet<>();
        sources().values().forEach(source -> packages.add(packageOf(source)));
        packages.remove(ROOT);
        assertEquals(new TreeMap<>(ALLOWED).keySet(), new java.util.TreeSet<>(packages),
                "a new package of src/local needs its edges here and in docs/project-layout.md");
    }

    @Test
    void theDrawnGraphHasNoCycle() {
        for (String start : ALLOWED.keySet()) {
            Set<String> reached = new HashSet<>();
            List<String> next = new ArrayList<>(ALLOWED.get(start));
            while (!next.isEmpty()) {
                String pkg = next.remove(next.size() - 1);
                assertTrue(!pkg.equals(start), start + " reaches itself");
                if (reached.add(pkg)) {
                    next.addAll(ALLOWED.get(pkg));
                }
            }
        }
    }

    @Test
    void theManualDrawsTheSameGraph() throws IOException {
        String manual = Files.readString(Path.of("docs/project-layout.md"));
        Map<String, Set<String>> drawn = new TreeMap<>();
        Matcher edges = Pattern.compile("(?m)^([a-z][a-z, ]*?)\\s+(?:─► (.+)|nothing of the local cloud)$")
                .matcher(manual);
        while (edges.find()) {
            Set<String> targets = edges.group(2) == null ? Set.of() : Set.of(edges.group(2).split(",\\s*"));
            for (String pkg : edges.group(1).split(",\\s*")) {
                drawn.put(pkg.strip(), targets);
            }
        }
        assertEquals(new TreeMap<>(ALLOWED), drawn, "docs/project-layout.md, \"The local cloud's packages\"");
    }

    /** The check fails where it should: an IAM class that reached back into the gateway is named. */
    @Test
    void aGatewayIamGatewayLoopIsReported() {
        Map<String, String> sources = new TreeMap<>(sources());
        String verifier = "iam/SigV4Verifier.java";
        sources.put(verifier, sources.get(verifier).replaceFirst("(?m)^import ",
                "import com.example.testapi.local.gateway.TemplateAccess;\nimport "));
        assertEquals(List.of(verifier + ": iam -> gateway (com.example.testapi.local.gateway.TemplateAccess)"),
                violations(sources));
    }

    @Test
    void anImportOfTheClientIsReported() {
        Map<String, String> sources = Map.of("iam/X.java", "package com.example.testapi.local.iam;\n"
                + "import com.example.testapi.client.SigV4;\n");
        assertEquals(List.of("iam/X.java: iam -> another product (com.example.testapi.client.SigV4)"),
                violations(sources));
    }

    /** Every import that leaves its package along no drawn edge, as "FILE: FROM -> TO (IMPORT)". */
    static List<String> violations(Map<String, String> sources) {
        List<String> found = new ArrayList<>();
        sources.forEach((file, source) -> {
            String from = packageOf(source);
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String imported = imports.group(1);
                if (!imported.startsWith(LOCAL + ".")) {
                    found.add(file + ": " + from + " -> another product (" + imported + ")");
                    continue;
                }
                String to = packageOfName(imported.substring(LOCAL.length() + 1));
                boolean allowed = to.equals(from) || from.equals(ROOT) && !to.equals(ROOT)
                        || ALLOWED.getOrDefault(from, Set.of()).contains(to);
                if (!allowed) {
                    found.add(file + ": " + from + " -> " + to + " (" + imported + ")");
                }
            }
        });
        return found;
    }

    /** {@code userpool} of {@code userpool.UserTokens}; the root for {@code LocalCloud}. */
    private static String packageOfName(String relative) {
        String first = relative.split("\\.")[0];
        return Character.isUpperCase(first.charAt(0)) ? ROOT : first;
    }

    private static String packageOf(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no package line");
        }
        String name = matcher.group(1);
        return name.equals(LOCAL) ? ROOT : packageOfName(name.substring(LOCAL.length() + 1) + ".X");
    }

    /** Every source file of src/local, by its path under the local package. */
    private static Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                try {
                    sources.put(SOURCES.relativize(file).toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(sources.size() > 40, "src/local's sources are read from " + SOURCES.toAbsolutePath());
        return sources;
    }
}
