package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.heading.anchor.IdGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.testapi.support.Manual;

/**
 * Every relative link and #anchor of the manual (README.md and docs/) leads somewhere: the file or folder exists, and
 * an anchor names a heading of the Markdown file it points into, as GitHub makes heading anchors; and so does every
 * pointer template.yaml gives its readers into the manual.
 */
class ManualLinksTest {

    @TempDir
    Path work;

    @Test
    void everyRelativeLinkAndAnchorOfTheManualResolves() {
        List<Manual.Page> pages = Manual.pages(Path.of(""));
        assertEquals(List.of(), broken(pages), "broken links in the manual");
    }

    /** The check itself: a missing file, a missing anchor in another page or in the same page are all found. */
    @Test
    void aMissingFileOrAnchorIsFound() throws IOException {
        Files.writeString(work.resolve("README.md"), """
                # Front door
                See [the manual](docs/manual.md#run-it), [here](#front-door), [gone](docs/gone.md),
                [wrong](docs/manual.md#walk-it), [self](#nowhere) and [away](https://example.com/#x).
                """);
        Files.createDirectories(work.resolve("docs/more"));
        Files.writeString(work.resolve("docs/manual.md"),
                "## Run it\n\nBack to [the start](../README.md#front-door).\n");
        Files.writeString(work.resolve("docs/more/deep.md"), "# Deep\n\n[Up](../manual.md#run-it), [bad](../x.md)\n");

        assertEquals(List.of("README.md: docs/gone.md (no such file)", "README.md: docs/manual.md#walk-it (no such "
                + "heading)", "README.md: #nowhere (no such heading)", "docs/more/deep.md: ../x.md (no such file)"),
                broken(Manual.pages(work)).stream().map(line -> line.replace(work + "/", "")).toList());
    }

    /**
     * template.yaml points its readers (comments, parameter descriptions, the admin-actions alert's text) into the
     * manual as {@code docs/FILE.md, "Heading"} or {@code README.md, "Heading"}: each file and heading exists, and no
     * pointer names a bare README, whose sections moved into docs/.
     */
    @Test
    void everyPointerFromTheTemplateIntoTheManualResolves() throws IOException {
        String template = Files.readString(Path.of("template.yaml"));
        List<String> pointers = pointers(template);
        assertEquals(List.of(), brokenPointers(template, Path.of("")), "template.yaml points at " + pointers);
        assertTrue(pointers.size() >= 8, "template.yaml's pointers were found: " + pointers);
    }

    @Test
    void aPointerToAMissingPageOrHeadingOrABareReadmeIsFound() throws IOException {
        Files.createDirectories(work.resolve("docs"));
        Files.writeString(work.resolve("README.md"), "# Front door\n\n## Deploy\n");
        Files.writeString(work.resolve("docs/deploying.md"), "# Deploying\n\n## Clean up\n");
        String template = """
                # (docs/deploying.md, "Clean up") and (README.md, "Deploy") resolve; (docs/deploying.md, "Tidy")
                # and docs/gone.md do not, nor does README "Operate it".
                Description: "see docs/deploying.md, 'Deploying'"
                """;
        assertEquals(List.of("docs/deploying.md, \"Tidy\" (no such heading)", "docs/gone.md (no such file)",
                "README (name README.md and a heading)"), brokenPointers(template, work));
    }

    private static final Pattern POINTER = Pattern.compile(
            "(README\\.md|docs/[\\w-]+\\.md)(?:,? [\"']([^\"']+)[\"'])?");

    static List<String> pointers(String template) {
        return POINTER.matcher(template).results().map(MatchResult::group).toList();
    }

    /** Each pointer of {@code template} whose page or heading is missing under {@code root}, and each bare README. */
    static List<String> brokenPointers(String template, Path root) {
        List<String> broken = new ArrayList<>();
        Matcher matcher = POINTER.matcher(template);
        while (matcher.find()) {
            Path page = root.resolve(matcher.group(1));
            if (!Files.exists(page)) {
                broken.add(matcher.group() + " (no such file)");
            } else if (matcher.group(2) != null && !Manual.page(page).anchors()
                    .contains(IdGenerator.builder().build().generateId(matcher.group(2)))) {
                broken.add(matcher.group() + " (no such heading)");
            }
        }
        Matcher readme = Pattern.compile("README(?!\\.md)").matcher(template);
        while (readme.find()) {
            broken.add("README (name README.md and a heading)");
        }
        return broken;
    }

    /** Each broken link as "page: link (why)". */
    static List<String> broken(List<Manual.Page> pages) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Manual.Page page : pages) {
            anchors.put(page.file().toAbsolutePath().normalize(), page.anchors());
        }
        List<String> broken = new ArrayList<>();
        for (Manual.Page page : pages) {
            for (String link : page.links()) {
                if (URI.create(link.replace(" ", "%20")).getScheme() != null) {
                    continue; // a web address: not the manual's to resolve
                }
                int hash = link.indexOf('#');
                String path = URLDecoder.decode(hash < 0 ? link : link.substring(0, hash), StandardCharsets.UTF_8);
                Path target = (path.isEmpty() ? page.file() : page.file().toAbsolutePath().getParent().resolve(path))
                        .toAbsolutePath().normalize();
                if (!Files.exists(target)) {
                    broken.add(page.file() + ": " + link + " (no such file)");
                } else if (hash >= 0 && target.toString().endsWith(".md")) {
                    Set<String> known = anchors.computeIfAbsent(target, t -> Manual.page(t).anchors());
                    if (!known.contains(link.substring(hash + 1))) {
                        broken.add(page.file() + ": " + link + " (no such heading)");
                    }
                }
            }
        }
        return broken;
    }
}
