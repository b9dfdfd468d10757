package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.criu.status.core.model.Integration;
import org.junit.jupiter.api.Test;

/**
 * A wiki page is input anyone can edit: the parser must read any line in time proportional to its length.
 * Speed is not timed here (that belongs in {@code ParserBenchmark}); the parser counts the characters its
 * scanners look at, and the count must grow linearly: the same for each character of a 100,000-character
 * pathological line as for a 10,000-character one, and within a small constant of the page's length.
 */
class WikitextParserLinearTest {

    /** Characters looked at per character of the page, at most; the real pages need about 10. */
    private static final int STEPS_PER_CHAR = 40;

    private static final String ENTRY = "== Section ==\n=== Entry ===\nStatus: ready\n";

    /** Pages whose one long line made a backtracking regular expression take seconds to minutes. */
    static Map<String, IntFunction<String>> pathological() {
        Map<String, IntFunction<String>> pages = new LinkedHashMap<>();
        pages.put("heading of ==, spaces, x", n -> "== S ==\n==" + " ".repeat(n) + "x\n" + ENTRY);
        pages.put("heading of spaces between ==", n -> "==" + " ".repeat(n) + "==\n" + ENTRY);
        pages.put("line of =", n -> "== S ==\n" + "=".repeat(n) + "\n" + ENTRY);
        pages.put("line of = then x", n -> "== S ==\n" + "=".repeat(n) + "x\n" + ENTRY);
        pages.put("note of [[", n -> ENTRY + "[[".repeat(n / 2) + "\n");
        pages.put("note of [[ and |", n -> ENTRY + "[[|".repeat(n / 3) + "]]\n");
        pages.put("note of [[ then ]", n -> ENTRY + "[[".repeat(n / 2) + "]\n");
        pages.put("note of {{", n -> ENTRY + "{{".repeat(n / 2) + "\n");
        pages.put("note of '", n -> ENTRY + "'".repeat(n) + "\n");
        pages.put("note of spaces then x", n -> ENTRY + " ".repeat(n) + "x\n");
        pages.put("note of <", n -> ENTRY + "<".repeat(n) + "\n");
        pages.put("note of [http://", n -> ENTRY + "[http://a".repeat(n / 9) + "\n");
        pages.put("note of [http:// and blanks", n -> ENTRY + "[http://a ".repeat(n / 10) + "\n");
        pages.put("note of [[Category:", n -> ENTRY + "[[Category:".repeat(n / 11) + "\n");
        pages.put("status label, spaces, x", n -> "== S ==\n=== E ===\nStatus:" + " ".repeat(n) + "x\n");
        pages.put("status of not and spaces", n -> "== S ==\n=== E ===\nStatus: not" + " ".repeat(n) + "x\n");
        pages.put("status of !", n -> "== S ==\n=== E ===\nStatus: " + "!".repeat(n) + "\n");
        pages.put("markers before a status", n -> "== S ==\n=== E ===\n" + "*: ".repeat(n / 3) + "x\n");
        pages.put("many status lines", n -> "== S ==\n=== E ===\n" + "Status: ready\n".repeat(n / 14));
        pages.put("lone CRs", n -> "== S ==\r=== E ===\rStatus: ready\r" + "\r".repeat(n));
        return pages;
    }

    private static long steps(String page) throws PageParseException {
        WikitextParser.Work work = new WikitextParser.Work();
        try {
            WikitextParser.parse(page, "pathological", work);
        } catch (PageParseException expected) {
            // Some of these pages hold no entry; reading them must be linear all the same.
        }
        return work.steps();
    }

    @Test
    void everyPathologicalLineOf100000CharactersIsReadInLinearWork() throws Exception {
        for (Map.Entry<String, IntFunction<String>> c : pathological().entrySet()) {
            String small = c.getValue().apply(10_000);
            String large = c.getValue().apply(100_000);
            long smallSteps = steps(small);
            long largeSteps = steps(large);

            assertThat(largeSteps).as(c.getKey() + ": steps for " + large.length() + " characters")
                    .isLessThanOrEqualTo((long) STEPS_PER_CHAR * large.length());
            // Ten times the text, about ten times the work; a quadratic scan would do a hundred times.
            double perCharSmall = (double) smallSteps / small.length();
            double perCharLarge = (double) largeSteps / large.length();
            assertThat(perCharLarge).as(c.getKey() + ": work per character, 10,000 vs 100,000")
                    .isLessThanOrEqualTo(perCharSmall * 1.5 + 1);
        }
    }

    @Test
    void theRealPagesTakeAFewStepsPerCharacter() throws Exception {
        for (String name : List.of("integration-current.wiki", "integration-2015.wiki", "integration-template.wiki")) {
            String text = org.criu.status.core.testkit.SourceServer.fixture(WikitextParserLinearTest.class, name);
            assertThat(steps(text)).as(name).isLessThanOrEqualTo((long) STEPS_PER_CHAR * text.length());
        }
    }

    @Test
    void pathologicalLinesStillParseAsWikitext() throws Exception {
        List<Integration> heading = WikitextParser.parse("== S ==\n==" + " ".repeat(100_000) + "x\n" + ENTRY, "p");
        assertThat(heading).extracting(Integration::heading).containsExactly("Entry");

        List<Integration> links = WikitextParser.parse(ENTRY + "[[".repeat(50_000) + "Docker]]\n", "p");
        assertThat(links.get(0).links()).containsExactly("[".repeat(99_998) + "Docker");

        List<Integration> quotes = WikitextParser.parse(ENTRY + "'".repeat(100_000) + "x\n", "p");
        assertThat(quotes.get(0).notes()).containsExactly("x");
    }

    /**
     * The guard against a regular expression coming back: none of the parser's classes refers to
     * {@code java.util.regex} or to a String method that compiles one.
     */
    @Test
    void theParserUsesNoRegularExpression() throws IOException {
        List<String> forbidden = List.of("java/util/regex", "replaceAll", "replaceFirst", "matches", "split");
        for (Class<?> type : List.of(WikitextParser.class, WikitextParser.Work.class)) {
            for (Class<?> c : withNested(type)) {
                String bytes = classBytes(c);
                for (String word : forbidden) {
                    assertThat(bytes).as(c.getName() + " refers to " + word).doesNotContain(word);
                }
            }
        }
    }

    private static List<Class<?>> withNested(Class<?> type) {
        List<Class<?>> all = new java.util.ArrayList<>(List.of(type));
        all.addAll(List.of(type.getDeclaredClasses()));
        return all;
    }

    private static String classBytes(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
