package org.criu.status.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
import org.junit.jupiter.api.Test;

class TextReportTest {

    static Integration entry(String heading, String status) {
        return new Integration(heading, Optional.of("Other"), status, Status.fromWikiText(status), List.of(),
                List.of(), 0, status.length());
    }

    static Report report(List<Finding> findings) {
        return new Report(new WikiPage("Integration", "https://criu.org/api.php", Optional.of(5678L),
                Optional.of(Instant.parse("2025-03-02T10:00:00Z")), ""), Instant.parse("2026-11-26T12:00:00Z"),
                findings);
    }

    static final Evidence RELEASE = Evidence.dated(Signal.RELEASED, "github",
            "https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/cmd.go#L10", LocalDate.of(2026, 8, 5),
            "v29.7.2 ships `docker checkpoint`, annotated experimental").quoting("\"experimental\": \"\",");

    @Test
    void speaksInAnEditorsTermsWithTheHeaderLegendAndEvidenceForEveryVerdict() {
        Report report = report(List.of(
                Finding.suggested(entry("Docker", "ready"), "docker", Status.READY, Optional.of("experimental"),
                        Confidence.HIGH, List.of(RELEASE)),
                Finding.suggested(entry("SLURM", "ready"), "slurm", Status.DROPPED, Optional.empty(), Confidence.HIGH,
                        List.of(RELEASE.as(Signal.REMOVED))),
                Finding.confirmed(entry("Screen/TMUX", "stalled"), "screen-tmux", Confidence.LOW, List.of(
                        Evidence.undated(Signal.ABSENT, "github", "https://github.com/tmux/tmux/blob/3.7c/CHANGES",
                                "tmux 3.7c: no line of CHANGES mentions CRIU"))),
                Finding.unverified(entry("Weston", "stalled"), "weston", "GET https://x/y: HTTP 503"),
                Finding.noChecker(entry("Shell", "not started"))));

        String text = TextReport.render(report);

        assertThat(text).startsWith("integration-status 0.1.0: Integration, revision 5678 of 2025-03-02 10:00 UTC\n"
                + "Page: https://criu.org/api.php\nGenerated: 2026-11-26 12:00 UTC\nLegend: ");
        assertThat(text).contains("Docker: keep ready, add a note: experimental (high confidence)\n"
                + "  [ready] 2026-08-05 v29.7.2 ships `docker checkpoint`, annotated experimental\n"
                + "    > \"experimental\": \"\",\n"
                + "    https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/cmd.go#L10\n");
        assertThat(text).contains("SLURM: change ready -> dropped (high confidence)\n  [dropped] 2026-08-05");
        assertThat(text).contains("Screen/TMUX: keep stalled (low confidence)\n  [not started] seen 2026-11-26 tmux");
        assertThat(text).contains("Weston: check by hand (page says stalled)\n  Why: GET https://x/y: HTTP 503\n");
        assertThat(text).contains("Shell: no checker (page says not started)");
        assertThat(text).contains("2 to change, 1 to check by hand, 1 to keep, 1 without a checker (5 entries)");
        assertThat(text.indexOf("CHANGE ON THE PAGE (2)")).isLessThan(text.indexOf("CHECK BY HAND (1)"));
        assertThat(text.indexOf("CHECK BY HAND (1)")).isLessThan(text.indexOf("KEEP (1)"));
    }

    @Test
    void aQuoteTooLongForOneLineIsCutWithAnEllipsisAndShownWholeWithDetails() {
        String longLine = "Checkpoint and Restore is an experimental feature that allows you to freeze a running "
                + "container by checkpointing it, which turns its state into a collection of files on disk.";
        Report report = report(List.of(Finding.confirmed(entry("Docker", "ready"), "docker", Confidence.HIGH,
                List.of(RELEASE.quoting(longLine)))));

        String oneLine = TextReport.render(new ReportView(report, Optional.empty()),
                new TextReport.Options(80, false, Styler.PLAIN, Optional.empty()));
        String details = TextReport.render(new ReportView(report, Optional.empty()),
                new TextReport.Options(80, true, Styler.PLAIN, Optional.empty()));

        assertThat(oneLine).contains("    > Checkpoint and Restore is an experimental feature that allows you to…\n");
        assertThat(details).contains("    > Checkpoint and Restore is an experimental feature that allows you to\n"
                + "    > freeze a running container by checkpointing it, which turns its state into\n"
                + "    > a collection of files on disk.\n");
    }

    @Test
    void controlCharactersFromSourcesAreShownEscapedNeverRaw() {
        Evidence hostile = Evidence.undated(Signal.RELEASED, "web", "https://example.org/\u001b]8;;x\u0007",
                "ships \u001b[2J\u001b[31mred\u009b0m").quoting("line\u0007with bell\rover");
        Report report = report(List.of(Finding.confirmed(entry("Evil\u001b[1m", "ready"), "x", Confidence.HIGH,
                List.of(hostile))));

        String text = TextReport.render(new ReportView(report, Optional.empty()),
                new TextReport.Options(120, true, Styler.PLAIN, Optional.empty()));

        assertThat(text).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
        assertThat(text).contains("Evil\\x1b[1m: keep ready", "ships \\x1b[2J\\x1b[31mred\\x9b0m",
                "> line\\x07with bell\\x0dover", "https://example.org/\\x1b]8;;x\\x07");
    }

    @Test
    void entriesThePageLacksAreShownToAdd() {
        Integration proposed = new Integration("CRIU-ghcr", Optional.of("Other"), "", Optional.empty(), List.of(),
                List.of(), -1, -1);
        Report report = new Report(report(List.of()).page(), Instant.parse("2026-11-26T12:00:00Z"), List.of(),
                List.of(Finding.suggested(proposed, "recipe", Status.READY, Optional.empty(), Confidence.HIGH,
                        List.of(RELEASE))));

        String text = TextReport.render(report);
        String markdown = MarkdownReport.render(new ReportView(report, Optional.empty()));

        assertThat(text).contains("0 to change, 1 to add, 0 to check by hand, 0 to keep, 0 without a checker "
                + "(0 entries and 1 not on\n  the page)", "ADD TO THE PAGE (1)\n\nCRIU-ghcr: add under Other as ready "
                + "(high confidence)\n  [ready] 2026-08-05");
        assertThat(markdown).contains("| CRIU-ghcr | (not on the page) | add under Other as ready | high |");
    }
}
