package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (npm, installed by the build into src/test/axe) run in the page as it stands, with the WCAG 2.0 and 2.1
 * A and AA rules. The app's CSP refuses injected script elements, so the source is evaluated through the driver.
 */
final class Accessibility {

    static final Path AXE = Path.of("src", "test", "axe", "node_modules", "axe-core", "axe.min.js");
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String source;

    private Accessibility() {
    }

    /** One rule broken, with where and why, as axe words it. */
    record Violation(String id, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + "):\n    " + String.join("\n    ", nodes);
        }
    }

    /** Fails, listing every violation, when the page in {@code browser} breaks a WCAG 2.x A/AA rule. */
    static void assertAccessible(Browser browser, String state) {
        List<Violation> violations = violations(browser);
        assertTrue(violations.isEmpty(), () -> "axe-core, WCAG 2.x A/AA, " + state + ":\n"
                + String.join("\n", violations.stream().map(Violation::toString).toList()));
    }

    static List<Violation> violations(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source() + "\n;window.axe = axe;");
        String json = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ': '
                      + (n.failureSummary || '').replace(/\\s+/g, ' ')) })))))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'error', help: String(e), nodes: [] }])));
                """, TAGS);
        try {
            return MAPPER.readValue(json, new TypeReference<List<Violation>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(AXE)) {
                throw new AssertionError(AXE + " is missing: the build installs it (npm ci in src/test/axe) when tests"
                        + " run; -Dtest-fixtures.skip=true leaves it out");
            }
            try {
                source = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
