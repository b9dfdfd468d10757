package org.criu.status.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.page.Selection;
import org.criu.status.core.page.WikitextParser;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikitextAndDiffReportTest {

    static final String URL = "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41";

    static String page(String name, boolean crlf) {
        String text = SourceServer.fixture(org.criu.status.core.page.WikitextParser.class, name);
        return crlf ? text.replace("\n", "\r\n") : text;
    }

    static Report everyEntryDropped(String text) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (Integration i : WikitextParser.parse(text, "t")) {
            if (i.status().equals(Optional.of(Status.DROPPED))) {
                continue;
            }
            findings.add(Finding.suggested(i, "c", Status.DROPPED, Optional.of("removed upstream"), Confidence.HIGH,
                    List.of(Evidence.dated(Signal.REMOVED, "github", URL, LocalDate.of(2020, 2, 25), "removed"))));
        }
        return new Report(new WikiPage("Integration", "https://criu.org/api.php", Optional.of(5678L),
                Optional.empty(), text), Instant.parse("2026-11-26T12:00:00Z"), findings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"integration-current.wiki", "integration-2015.wiki", "integration-template.wiki"})
    void theDiffAppliedToThePageGivesTheWikitextOutput(String name) throws Exception {
        for (boolean crlf : List.of(false, true)) {
            String text = page(name, crlf);
            Report report = everyEntryDropped(text);

            String wikitext = WikitextReport.render(report, Selection.all());
            String diff = DiffReport.render(report, Selection.all());

            assertThat(gitApply(text, diff)).as(name + (crlf ? " crlf" : "")).isEqualTo(wikitext);
            assertThat(wikitext).isNotEqualTo(text);
            assertThat(diff.lines().findFirst().orElseThrow()).startsWith("Edit summary: integration-status: ")
                    .contains("change ", " -> dropped, add a note: removed upstream (" + URL + ")");
            assertThat(diff).contains("--- a/Integration\n+++ b/Integration\n@@ ");
        }
    }

    @TempDir
    Path tmp;

    /** The page after {@code git apply} of the diff: the tool a reader would apply it with. */
    private String gitApply(String page, String diff) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "apply");
        Files.writeString(dir.resolve("Integration"), page);
        Path patch = Files.writeString(dir.resolve("report.diff"), diff);
        Process git;
        try {
            git = new ProcessBuilder("git", "apply", "--whitespace=nowarn", patch.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("git is not installed: the diff is checked with git apply");
            throw e;
        }
        String out = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as(out).isZero();
        return Files.readString(dir.resolve("Integration"));
    }

    @Test
    void nothingAcceptedIsNoChange() throws Exception {
        String text = page("integration-current.wiki", false);
        Report report = everyEntryDropped(text);

        assertThat(WikitextReport.render(report, Selection.all().only(java.util.Set.of("none")))).isEqualTo(text);
        assertThat(DiffReport.render(report, Selection.all().only(java.util.Set.of("none"))))
                .isEqualTo("Edit summary: integration-status: no change\nNo change to Integration (revision 5678).\n");
    }

    @Test
    void controlCharactersNeverReachTheTerminalRaw() {
        assertThat(TerminalSafe.text("a\u001b]8;;http://x\u0007b\u009b31m\rc\r\nd\te\u202eevil"))
                .isEqualTo("a\\x1b]8;;http://x\\x07b\\x9b31m\\x0dc\r\nd\te\\u202eevil");
        assertThat(TerminalSafe.line("a\nb\tc")).isEqualTo("a\\x0ab\\x09c");
        assertThat(TerminalSafe.isSafe("plain … text\n")).isTrue();
    }
}
