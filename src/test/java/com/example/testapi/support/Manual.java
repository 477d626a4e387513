package com.example.testapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The manual as Markdown: README.md and every {@code docs/**}{@code /*.md}, parsed with commonmark-java. Tests that run
 * the manual's commands or read its tables find their section by its heading in whichever file holds it, so a section
 * can move from README into docs/ without a test noticing.
 */
public final class Manual {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private Manual() {
    }

    /** One Markdown file of the manual. */
    public record Page(Path file, Node document) {

        /** Its headings' anchors, as GitHub makes them (duplicates get -1, -2, …). */
        public Set<String> anchors() {
            IdGenerator ids = IdGenerator.builder().build();
            Set<String> anchors = new LinkedHashSet<>();
            for (Heading heading : nodes(document, Heading.class)) {
                anchors.add(ids.generateId(text(heading)));
            }
            return anchors;
        }

        /** The destinations of its links and images, in order. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(link.getDestination());
                    visitChildren(link);
                }

                @Override
                public void visit(Image image) {
                    links.add(image.getDestination());
                    visitChildren(image);
                }
            });
            return links;
        }
    }

    /** The part of a page under one heading, up to the next heading of the same or a higher level. */
    public record Section(Path file, String heading, List<Node> blocks) {

        /** The contents of its fenced code blocks of language {@code info} (e.g. "bash"), in order. */
        public List<String> codeBlocks(String info) {
            return blocks.stream().flatMap(b -> nodes(b, FencedCodeBlock.class).stream())
                    .filter(b -> info.equals(b.getInfo())).map(FencedCodeBlock::getLiteral).toList();
        }

        /** The body rows of its first table, each a list of cells. */
        public List<List<Cell>> tableRows() {
            TableBlock table = blocks.stream().flatMap(b -> nodes(b, TableBlock.class).stream()).findFirst()
                    .orElseThrow(() -> new AssertionError("no table under " + heading + " in " + file));
            List<List<Cell>> rows = new ArrayList<>();
            for (Node row : children(nodes(table, TableBody.class).get(0))) {
                rows.add(children(row).stream().map(cell -> new Cell(text(cell), nodes(cell, Code.class).stream()
                        .map(Code::getLiteral).toList())).toList());
            }
            return rows;
        }
    }

    /** A table cell: its text (code spans without their backticks) and its code spans. */
    public record Cell(String text, List<String> code) {
    }

    /** README.md and docs/**.md under {@code root}, README first; a missing docs/ is no docs. */
    public static List<Page> pages(Path root) {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.stream().map(Manual::page).toList();
    }

    public static Page page(Path file) {
        try {
            return new Page(file, PARSER.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one section of the project's manual whose heading reads {@code heading} (any level, in any of its files). */
    public static Section section(String heading) {
        List<Section> found = new ArrayList<>();
        for (Page page : pages(Path.of(""))) {
            for (Heading h : nodes(page.document(), Heading.class)) {
                if (text(h).equals(heading)) {
                    List<Node> blocks = new ArrayList<>();
                    for (Node next = h.getNext(); next != null
                            && !(next instanceof Heading n && n.getLevel() <= h.getLevel()); next = next.getNext()) {
                        blocks.add(next);
                    }
                    found.add(new Section(page.file(), heading, blocks));
                }
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("the manual (README.md, docs/) has " + found.size() + " sections headed '"
                    + heading + "', not one");
        }
        return found.get(0);
    }

    /** A node's text as a reader sees it: code spans without backticks, line breaks as spaces. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softLineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak hardLineBreak) {
                out.append(' ');
            }
        });
        return out.toString().strip();
    }

    private static <T extends Node> List<T> nodes(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, type, found);
        }
    }

    private static List<Node> children(Node node) {
        List<Node> children = new ArrayList<>();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }
}
