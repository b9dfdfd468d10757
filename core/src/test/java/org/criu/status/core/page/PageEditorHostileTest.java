package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.criu.status.core.model.Integration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The editor reads the same page anyone can edit as the parser does, so it must not backtrack either: it reads
 * headings with the parser's linear scanner and the page's tail (categories, switches, templates) with one pass.
 * The parser's {@link WikitextParserLinearTest} counts the work of the heading scanner; here every
 * pathological page of that test, and tails made to trip a regular expression, go through a real edit and
 * come out right. The timeout only keeps a regression from hanging the build (a backtracking version took
 * minutes); it is no speed measurement.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PageEditorHostileTest {

    private static final int LENGTH = 100_000;

    @Test
    void everyPathologicalPageOfTheParserIsEditedOrLeftByteForByte() throws Exception {
        for (Map.Entry<String, IntFunction<String>> c : WikitextParserLinearTest.pathological().entrySet()) {
            String page = c.getValue().apply(LENGTH);
            List<Integration> entries;
            try {
                entries = WikitextParser.parse(page, "hostile");
            } catch (PageParseException noEntry) {
                continue;
            }
            if (entries.isEmpty() || entries.get(0).status().isEmpty()) {
                assertThat(PageEditor.apply(PageEditorTest.report(page, List.of(), List.of()),
                        Selection.all()).after()).as(c.getKey()).isEqualTo(page);
                continue;
            }
            Edit edit = PageEditor.apply(PageEditorTest.report(page, List.of(PageEditorTest.dropped(entries.get(0))),
                    List.of()), Selection.all());

            assertThat(edit.applied()).as(c.getKey()).hasSize(1);
            assertThat(edit.after().length()).as(c.getKey()).isBetween(page.length(), page.length() + 20);
        }
    }

    @Test
    void aNewEntryGoesBeforeAHostileTailInOnePass() throws Exception {
        String head = "== Other ==\n=== E ===\n'''Status:''' ready\n\n";
        for (String tail : List.of(
                " ".repeat(LENGTH) + "x\n",
                "[[Category:".repeat(LENGTH / 11) + "\n",
                "[[ Category : a]] ".repeat(LENGTH / 18) + "\n",
                "{{".repeat(LENGTH / 2) + "\n",
                "{{a}}".repeat(LENGTH / 5) + "{\n",
                "__".repeat(LENGTH / 2) + "\n",
                "__A".repeat(LENGTH / 3) + "\n")) {
            String page = head + tail;

            String after = PageEditor.apply(PageEditorTest.report(page, List.of(), List.of(PageEditorTest.newEntry())),
                    Selection.all()).after();

            assertThat(after).contains("=== CRIU-ghcr ===");
            assertThat(WikitextParser.parse(after, "t")).extracting(Integration::heading).contains("E", "CRIU-ghcr");
        }
    }

    @Test
    void thePageTailIsCategoriesSwitchesAndPlainTemplatesOnly() {
        assertThat(PageEditor.Page.isPageTail("")).isTrue();
        assertThat(PageEditor.Page.isPageTail("  \t")).isTrue();
        assertThat(PageEditor.Page.isPageTail("[[Category:Integration]]")).isTrue();
        assertThat(PageEditor.Page.isPageTail("[[ category : Tools]] __NOTOC__ {{Stub}} ")).isTrue();
        assertThat(PageEditor.Page.isPageTail("[[Category:Integration]")).isFalse();
        assertThat(PageEditor.Page.isPageTail("[[Categories:X]]")).isFalse();
        assertThat(PageEditor.Page.isPageTail("[[Category X]]")).isFalse();
        assertThat(PageEditor.Page.isPageTail("[[Cat")).isFalse();
        assertThat(PageEditor.Page.isPageTail("__notoc__")).isFalse();
        assertThat(PageEditor.Page.isPageTail("____")).isFalse();
        assertThat(PageEditor.Page.isPageTail("{{Status|{{x}}}}")).isFalse();
        assertThat(PageEditor.Page.isPageTail("Some text")).isFalse();
        assertThat(PageEditor.Page.isPageTail("[[Docker]]")).isFalse();
        assertThat(Optional.of(PageEditor.Page.isPageTail("{{a}}{{b}}"))).contains(true);
    }
}
