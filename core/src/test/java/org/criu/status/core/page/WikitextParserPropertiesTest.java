package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.testkit.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated and mangled pages (2,000 per run: 300 + 1,000 + 500 + 200): the parser finds what was written,
 * and never throws anything but its own {@link PageParseException}. Inputs come from a seeded
 * {@link Random}; a failure names its seed (rerun with {@code -Dtest.seed=N}) and the input that broke.
 */
@ExtendWith(SeededRandom.class)
class WikitextParserPropertiesTest {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALPHA = LOWER + LOWER.toUpperCase(java.util.Locale.ROOT);
    private static final List<String> STATUS_WORDS = List.of("ready", "started", "stalled", "not started",
            "in progress", "dropped", "unclear", "Ready", "NOT STARTED", "half done");

    record Entry(String heading, String statusWord, int form, String note) {
        String render() {
            String status = switch (form) {
                case 0 -> "Status: " + statusWord;
                case 1 -> "'''Status:''' " + statusWord;
                case 2 -> "'''Status: " + statusWord + "'''";
                case 3 -> "{{Status|" + statusWord + "}}";
                default -> "* Status: " + statusWord;
            };
            return "=== " + heading + " ===\n" + status + "\n\n* " + note + "\n\n";
        }
    }

    @Test
    void findsEveryGeneratedEntryWithItsStatus(Random random) throws PageParseException {
        for (int run = 0; run < 300; run++) {
            List<Entry> entries = new ArrayList<>();
            int count = 1 + random.nextInt(15);
            for (int i = 0; i < count; i++) {
                entries.add(entry(random));
            }
            StringBuilder page = new StringBuilder("Intro text.\n\n== Section ==\n\n");
            entries.forEach(e -> page.append(e.render()));
            String text = page.toString();

            List<Integration> parsed = parse(text, "generated");

            assertThat(parsed).as(() -> shown(text)).extracting(Integration::heading)
                    .containsExactlyElementsOf(entries.stream().map(e -> e.heading().replaceAll("\\s+", " ")).toList());
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                Integration p = parsed.get(i);
                assertThat(p.rawStatus()).as(() -> shown(text)).isEqualTo(e.statusWord());
                assertThat(p.status()).as(() -> shown(text)).isEqualTo(Status.fromWikiText(e.statusWord()));
                assertThat(text.substring(p.statusStart(), p.statusEnd())).as(() -> shown(text)).isEqualTo(p.rawStatus());
                assertThat(p.section()).as(() -> shown(text)).contains("Section");
            }
        }
    }

    @Test
    void mangledPagesParseOrFailWithTheParsersOwnError(Random random) {
        String base = new Entry("Docker", "ready", 1, "a note").render()
                + new Entry("Shell", "not started", 3, "b").render();
        String junkChars = "=\n'{}|[]<>*:#\r\t Status:ready";
        for (int run = 0; run < 1000; run++) {
            StringBuilder s = new StringBuilder(base);
            int cuts = random.nextInt(5);
            int junks = random.nextInt(5);
            for (int i = 0; i < cuts; i++) {
                int a = random.nextInt(base.length() + 1);
                int b = random.nextInt(base.length() + 1);
                int from = Math.min(Math.min(a, b), s.length());
                int to = Math.min(Math.max(a, b), s.length());
                s.replace(from, to, i < junks ? string(random, junkChars, 0, 12) : "");
            }
            String page = s.toString();

            List<Integration> parsed = parseOrOwnError(page, "mangled");
            for (Integration p : parsed) {
                if (p.statusStart() >= 0) {
                    assertThat(page.substring(p.statusStart(), p.statusEnd())).as(() -> shown(page)).isEqualTo(p.rawStatus());
                }
            }
        }
    }

    @Test
    void arbitraryTextParsesOrFailsWithTheParsersOwnError(Random random) {
        // The shapes a generator is least likely to hit on its own come first, then random text.
        List<String> pages = new ArrayList<>(List.of("", " ", "\n", "\r\n", "\r", "=", "==", "== ==", "=== ===",
                "==\n==", "'''Status:'''", "{{Status|", "Status:", "=== X ===\nStatus:", "\u0000", "\uD800", "\uDC00x"));
        while (pages.size() < 500) {
            pages.add(arbitrary(random));
        }
        for (String page : pages) {
            parseOrOwnError(page, "arbitrary");
        }
    }

    @Test
    void linesOfMarkupCharactersNeverBreakTheParser(Random random) {
        String markup = "='{}|[]:* Stau";
        for (int run = 0; run < 200; run++) {
            List<String> lines = new ArrayList<>();
            int count = random.nextInt(31);
            for (int i = 0; i < count; i++) {
                lines.add(string(random, markup, 0, 30));
            }
            parseOrOwnError(String.join("\n", lines), "markup");
        }
    }

    private static Entry entry(Random random) {
        String heading;
        do {
            heading = string(random, LOWER + " /.", 1, 20);
        } while (heading.isBlank());
        String word = STATUS_WORDS.get(random.nextInt(STATUS_WORDS.size()));
        return new Entry("X" + heading.strip(), word, random.nextInt(5), "note " + string(random, ALPHA + " ", 1, 40));
    }

    /** Any UTF-16 text: mostly printable ASCII and markup, also controls, non-ASCII and lone surrogates. */
    private static String arbitrary(Random random) {
        int length = random.nextInt(256);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(switch (random.nextInt(4)) {
                case 0 -> (char) (0x20 + random.nextInt(0x5f));
                case 1 -> "\n\r\t ='{}|[]:*#<>".charAt(random.nextInt(16));
                case 2 -> (char) random.nextInt(0x20);
                default -> (char) random.nextInt(0x10000);
            });
        }
        return s.toString();
    }

    private static String string(Random random, String chars, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    private static List<Integration> parse(String page, String name) throws PageParseException {
        try {
            return WikitextParser.parse(page, name);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("the parser threw " + e + " for " + shown(page), e);
        }
    }

    /** Parses; the parser's own error (naming the page) is an allowed answer, anything else fails. */
    private static List<Integration> parseOrOwnError(String page, String name) {
        try {
            return parse(page, name);
        } catch (PageParseException expected) {
            assertThat(expected.getMessage()).as(() -> shown(page)).contains(name);
            return List.of();
        }
    }

    /** The input as a Java string literal, so a failure shows exactly what broke the parser. */
    private static String shown(String page) {
        StringBuilder s = new StringBuilder("input \"");
        for (char c : page.toCharArray()) {
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return s.append('"').toString();
    }
}
