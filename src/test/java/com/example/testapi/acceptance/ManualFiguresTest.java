package com.example.testapi.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The manual's figures that come from a committed result say what the result file says: each {@link Figure} names
 * the page, the sentence around the figure (with {@code %s} where the figure stands), the file and the figure's place
 * in it; the figure is read from the file, written as the page writes it, and must stand in the page inside that
 * sentence. So a new run that changes a figure fails here until the page is brought along, naming what to change.
 */
class ManualFiguresTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A figure of {@code page}, quoted in {@code sentence}, taken from {@code file} at {@code pointer}. */
    record Figure(String page, String sentence, String file, String pointer, String format) {

        Figure(String page, String sentence, String file, String pointer) {
            this(page, sentence, file, pointer, "%s");
        }
    }

    private static final String PERFORMANCE = "docs/performance.md";
    private static final String LOCAL_CLOUD = "docs/local-cloud.md";
    private static final String JDK25 = "src/bench/results/jdk25.json";
    private static final String ABUSE = "src/bench/results/abuse.json";
    private static final String BILL = "src/bench/results/bill.json";

    static final List<Figure> FIGURES = List.of(
            new Figure(PERFORMANCE, "Ours ÷ plain: cold start ×%s,", JDK25, "/ratios/toPlain/coldStart"),
            new Figure(PERFORMANCE, "Ours ÷ plain: cold start ×2.41, init ×2.51, warm p50 ×%s,", JDK25,
                    "/ratios/toPlain/warmP50"),
            new Figure(PERFORMANCE, "Ours ÷ plain: cold start ×2.41, init ×%s, warm p50", JDK25,
                    "/ratios/toPlain/init"),
            new Figure(PERFORMANCE, "cold start ×1.03, init ×1.03, warm p50 ×%s, RSS", JDK25,
                    "/ratios/toQuarkusDefault/warmP50"),
            new Figure(PERFORMANCE, "page-sized answer: cold start ×1.06, init ×1.08, warm p50 ×%s,", JDK25,
                    "/ratios/toQuarkusDefaultPage/warmP50"),
            new Figure(PERFORMANCE, "default app's — **×%s, not met**; ≤ 1.5×", JDK25,
                    "/ratios/toQuarkusDefault/warmP50"),
            new Figure(PERFORMANCE, "plain handler's — **×%s, not met**; allocation", JDK25,
                    "/ratios/toPlain/warmP50"),
            new Figure(PERFORMANCE, "handler's — **×%s, not met**; RSS", JDK25,
                    "/ratios/toPlain/allocationPerEvent"),
            new Figure(PERFORMANCE, "RSS ≤ 1.1× the default app's — **×%s, not met**", JDK25,
                    "/ratios/toQuarkusDefault/rss"),
            new Figure(PERFORMANCE, "default app's — **×%s**, within one run's noise", JDK25,
                    "/ratios/toQuarkusDefault/coldStart"),
            new Figure(PERFORMANCE, "holds %s MiB and ships", JDK25, "/contenders/quarkusDefault/rssMiB/median"),
            new Figure(PERFORMANCE, "ours %s MiB, and the default app alone", JDK25,
                    "/contenders/function/rssMiB/median"),
            new Figure(PERFORMANCE, "the default app alone %s MiB (the committed run)", JDK25,
                    "/contenders/quarkusDefault/rssMiB/median"),
            new Figure(LOCAL_CLOUD, "| requests in 180 s | %s (about", ABUSE, "/requests", "%,d"),
            new Figure(LOCAL_CLOUD, "| 64.1 MiB before, %s MiB after", ABUSE, "/heapAfterBytes", "mib"),
            new Figure(LOCAL_CLOUD, "| %s MiB before, 123.4 MiB after", ABUSE, "/heapBeforeBytes", "mib"),
            new Figure(LOCAL_CLOUD, "alice signed in %s times of", ABUSE, "/userSignInsDuring/ok"),
            new Figure(LOCAL_CLOUD, "the servers dropped all %s, the last", ABUSE, "/slowBodies/dropped"),
            new Figure(LOCAL_CLOUD, "the last %s s into the run", ABUSE, "/slowBodies/latestDropSeconds", "%.0f"),
            new Figure(LOCAL_CLOUD, "| answers | %s × 413 (every oversized body)", ABUSE, "/byStatus/413", "%,d"),
            new Figure(LOCAL_CLOUD, "%s × 200 (every SRP start", ABUSE, "/byStatus/200", "%,d"),
            new Figure(LOCAL_CLOUD, "%s × 400 (every password sign-in", ABUSE, "/byStatus/400", "%,d"),
            new Figure(PERFORMANCE, "| DynamoDB | %s | 0.75 |", BILL, "/perMillion/before/mean/DynamoDB"),
            new Figure(PERFORMANCE, "| DynamoDB | 1.4375 | %s |", BILL, "/perMillion/now/mean/DynamoDB"),
            new Figure(PERFORMANCE, "| CloudWatch Logs | %s | 0.6998 |", BILL, "/perMillion/now/mean/CloudWatch Logs"),
            new Figure(PERFORMANCE, "| X-Ray | %s | 0.725 |", BILL, "/perMillion/now/mean/X-Ray"),
            new Figure(PERFORMANCE, "| data transfer out | %s | 0.2883 |", BILL,
                    "/perMillion/now/mean/data transfer out"),
            new Figure(PERFORMANCE, "| Lambda duration | %s | 0.4113 |", BILL, "/perMillion/before/mean/Lambda duration"),
            new Figure(PERFORMANCE, "| total | %s | 4.0744 |", BILL, "/perMillion/before/mean/total"),
            new Figure(PERFORMANCE, "| total | 4.7619 | %s |", BILL, "/perMillion/now/mean/total"),
            new Figure(PERFORMANCE, "A GET logs %s bytes of its own", BILL, "/measuredPerRequest/GET/functionLogBytes"),
            new Figure(PERFORMANCE, "and answers %s bytes (a page of 20)", BILL, "/measuredPerRequest/GET/answerBytes"),
            new Figure(PERFORMANCE, "a POST %s and 389.0.", BILL, "/measuredPerRequest/POST/functionLogBytes"),
            new Figure(PERFORMANCE, "(no START/REPORT lines) | %s |", BILL, "/cuts/platformLines/meanPerMillionAfter"),
            new Figure(PERFORMANCE, "for an answered request | %s |", BILL,
                    "/cuts/functionAccessLine/meanPerMillionAfter"),
            new Figure(PERFORMANCE, "(`Tracing: PassThrough`) | %s |", BILL, "/cuts/xray/meanPerMillionAfter"),
            new Figure(PERFORMANCE, "takes the mean from %s to 4.074", BILL, "/perMillion/before/meanTotal"),
            new Figure(PERFORMANCE, "to %s USD per million (−14 %%)", BILL, "/perMillion/now/meanTotal"));

    /** Where the page disagrees with its files: one line per figure, naming the page, the figure and the file. */
    static List<String> disagreements(List<Figure> figures, java.util.function.Function<String, String> pages)
            throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Figure figure : figures) {
            JsonNode value = MAPPER.readTree(Path.of(figure.file()).toFile()).at(figure.pointer());
            if (value.isMissingNode()) {
                wrong.add(figure.file() + " has no " + figure.pointer() + " (quoted in " + figure.page() + ")");
                continue;
            }
            String shown = switch (figure.format()) {
                case "mib" -> String.format(Locale.ROOT, "%.1f", value.asDouble() / 1048576.0);
                case "%,d" -> String.format(Locale.ROOT, "%,d", value.asLong());
                case "%.0f" -> String.format(Locale.ROOT, "%.0f", value.asDouble());
                default -> value.asText();
            };
            String expected = figure.sentence().formatted(shown);
            if (!pages.apply(figure.page()).contains(expected)) {
                wrong.add(figure.page() + " should say \"" + expected + "\" (" + figure.pointer() + " of "
                        + figure.file() + " is " + shown + ")");
            }
        }
        return wrong;
    }

    private static String read(String page) {
        try {
            return Files.readString(Path.of(page));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyQuotedFigureIsTheCommittedResults() throws IOException {
        assertEquals(List.of(), disagreements(FIGURES, ManualFiguresTest::read));
    }

    /** The check itself: a page quoting an older run's figure is named, with the figure and its file. */
    @Test
    void aFigureThatDiffersFromItsFileIsCaught() throws IOException {
        String stale = read(PERFORMANCE).replace("default app's — **×3.43, not met**",
                "default app's — **×1.8, not met**");
        List<String> wrong = disagreements(FIGURES, page -> page.equals(PERFORMANCE) ? stale : read(page));
        assertEquals(1, wrong.size(), wrong::toString);
        assertTrue(wrong.get(0).startsWith(PERFORMANCE + " should say \"default app's — **×3.43, not met**")
                && wrong.get(0).contains("/ratios/toQuarkusDefault/warmP50 of " + JDK25), wrong.get(0));
    }
}
