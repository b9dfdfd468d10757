package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;

/** Generated and mangled pages: the parser finds what was written, and never throws anything but its own error. */
class WikitextParserPropertiesTest {

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

    @Provide
    Arbitrary<Entry> entries() {
        Arbitrary<String> heading = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '/', '.')
                .ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()).map(s -> "X" + s.strip());
        Arbitrary<String> word = Arbitraries.of("ready", "started", "stalled", "not started", "in progress",
                "dropped", "unclear", "Ready", "NOT STARTED", "half done");
        Arbitrary<Integer> form = Arbitraries.integers().between(0, 4);
        Arbitrary<String> note = Arbitraries.strings().alpha().withChars(' ').ofMinLength(1).ofMaxLength(40)
                .map(s -> "note " + s);
        return Combinators.combine(heading, word, form, note).as(Entry::new);
    }

    @Property(tries = 300)
    void findsEveryGeneratedEntryWithItsStatus(@ForAll @Size(min = 1, max = 15) List<@net.jqwik.api.From("entries") Entry> entries)
            throws PageParseException {
        StringBuilder page = new StringBuilder("Intro text.\n\n== Section ==\n\n");
        entries.forEach(e -> page.append(e.render()));
        String text = page.toString();

        List<Integration> parsed = WikitextParser.parse(text, "generated");

        assertThat(parsed).extracting(Integration::heading)
                .containsExactlyElementsOf(entries.stream().map(e -> e.heading().replaceAll("\\s+", " ")).toList());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Integration p = parsed.get(i);
            String expectedRaw = e.statusWord().equals("half done") ? "half done" : e.statusWord();
            assertThat(p.rawStatus()).isEqualTo(expectedRaw);
            assertThat(p.status()).isEqualTo(Status.fromWikiText(e.statusWord()));
            assertThat(text.substring(p.statusStart(), p.statusEnd())).isEqualTo(p.rawStatus());
            assertThat(p.section()).contains("Section");
        }
    }

    @Provide
    Arbitrary<String> mangledPages() {
        String base = new Entry("Docker", "ready", 1, "a note").render() + new Entry("Shell", "not started", 3, "b").render();
        Arbitrary<Integer> position = Arbitraries.integers().between(0, base.length());
        Arbitrary<String> junk = Arbitraries.strings().withChars("=\n'{}|[]<>*:#\r\t Status:ready").ofMaxLength(12);
        Arbitrary<List<int[]>> cuts = Combinators.combine(position, position).as((a, b) -> new int[] {a, b}).list()
                .ofMaxSize(4);
        return Combinators.combine(cuts, junk.list().ofMaxSize(4)).as((cs, js) -> {
            StringBuilder s = new StringBuilder(base);
            for (int i = 0; i < cs.size(); i++) {
                int from = Math.min(Math.min(cs.get(i)[0], cs.get(i)[1]), s.length());
                int to = Math.min(Math.max(cs.get(i)[0], cs.get(i)[1]), s.length());
                s.replace(from, to, i < js.size() ? js.get(i) : "");
            }
            return s.toString();
        });
    }

    @Property(tries = 1000)
    void mangledPagesParseOrFailWithTheParsersOwnError(@ForAll("mangledPages") String page) {
        try {
            List<Integration> parsed = WikitextParser.parse(page, "mangled");
            for (Integration p : parsed) {
                if (p.statusStart() >= 0) {
                    assertThat(page.substring(p.statusStart(), p.statusEnd())).isEqualTo(p.rawStatus());
                }
            }
        } catch (PageParseException expected) {
            assertThat(expected.getMessage()).startsWith("mangled");
        }
    }

    @Property(tries = 500)
    void arbitraryTextParsesOrFailsWithTheParsersOwnError(@ForAll String page) {
        try {
            WikitextParser.parse(page, "arbitrary");
        } catch (PageParseException expected) {
            assertThat(expected.getMessage()).contains("arbitrary");
        }
    }

    @Property(tries = 200)
    void linesOfMarkupCharactersNeverBreakTheParser(
            @ForAll @Size(max = 30) List<@net.jqwik.api.constraints.StringLength(max = 30)
                    @net.jqwik.api.constraints.Chars({'=', '\'', '{', '}', '|', '[', ']', ':', '*', ' ', 'S', 't', 'a', 'u', 's'}) String> lines) {
        List<String> withNewlines = new ArrayList<>(lines);
        String page = String.join("\n", withNewlines);
        try {
            WikitextParser.parse(page, "markup");
        } catch (PageParseException expected) {
            assertThat(expected.getMessage()).contains("markup");
        }
    }
}
