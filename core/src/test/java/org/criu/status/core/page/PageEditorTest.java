package org.criu.status.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.report.JsonReport;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PageEditorTest {

    static final String SLURM_NOTES = "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41";
    static final String DOCKER_CMD = "https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/cmd.go#L10";

    static String page(String name) {
        return SourceServer.fixture(PageEditorTest.class, name);
    }

    static Stream<String> pages() {
        List<String> all = new ArrayList<>();
        for (String name : List.of("integration-current.wiki", "integration-2015.wiki", "integration-template.wiki")) {
            all.add(page(name));
            all.add(page(name).replace("\n", "\r\n"));
        }
        all.add(page("integration-current.wiki").stripTrailing());
        return all.stream();
    }

    static Report report(String wikitext, List<Finding> findings, List<Finding> notOnPage) {
        return new Report(new WikiPage("Integration", "https://criu.org/api.php", Optional.of(5678L), Optional.empty(),
                wikitext), Instant.parse("2026-11-26T12:00:00Z"), findings, notOnPage);
    }

    static Integration entry(String wikitext, String heading) throws PageParseException {
        return WikitextParser.parse(wikitext, "t").stream().filter(i -> i.heading().equals(heading)).findFirst()
                .orElseThrow();
    }

    static Finding dropped(Integration i) {
        return Finding.suggested(i, "slurm", Status.DROPPED, Optional.empty(), Confidence.HIGH, List.of(
                Evidence.dated(Signal.REMOVED, "github", SLURM_NOTES, LocalDate.of(2020, 2, 25),
                        "slurm-20-02-0-1 release notes: the checkpoint plugins were removed")));
    }

    static Finding experimental(Integration i) {
        return Finding.suggested(i, "docker", Status.READY, Optional.of("experimental"), Confidence.HIGH, List.of(
                Evidence.dated(Signal.RELEASED, "github", DOCKER_CMD, LocalDate.of(2026, 8, 5),
                        "v29.7.2 ships `docker checkpoint`, annotated experimental").withQualifier("experimental")));
    }

    /** Every finding confirmed or suggested with the same status: nothing to write. */
    static List<Finding> noSuggestion(String wikitext) throws PageParseException {
        List<Finding> out = new ArrayList<>();
        for (Integration i : WikitextParser.parse(wikitext, "t")) {
            out.add(i.status().isPresent()
                    ? Finding.confirmed(i, "x", Confidence.LOW, List.of(Evidence.undated(Signal.ABSENT, "github",
                            "https://github.com/a/b", "nothing")))
                    : Finding.unverified(i, "x", "no source"));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void withNoSuggestionThePageComesBackByteForByte(String wikitext) throws Exception {
        Edit edit = PageEditor.apply(report(wikitext, noSuggestion(wikitext), List.of()), Selection.all());

        assertThat(edit.after()).isEqualTo(wikitext);
        assertThat(edit.changed()).isFalse();
        assertThat(edit.applied()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void withEverySuggestionDismissedOrUnselectedThePageComesBackByteForByte(String wikitext) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (Integration i : WikitextParser.parse(wikitext, "t")) {
            findings.add(dropped(i));
        }
        Set<String> headings = Set.copyOf(findings.stream().map(f -> f.integration().heading()).toList());
        Report report = report(wikitext, findings, List.of());

        assertThat(PageEditor.apply(report, Selection.all().without(headings)).after()).isEqualTo(wikitext);
        assertThat(PageEditor.apply(report, Selection.all().only(Set.of("no-such-checker"))).after())
                .isEqualTo(wikitext);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aStatusChangeTouchesOnlyTheStatusText(String wikitext) throws Exception {
        Integration first = WikitextParser.parse(wikitext, "t").get(0);
        Assumptions.assumeNotDropped(first);

        Edit edit = PageEditor.apply(report(wikitext, List.of(dropped(first)), List.of()), Selection.all());

        assertThat(edit.after()).isEqualTo(wikitext.substring(0, first.statusStart()) + "dropped"
                + wikitext.substring(first.statusEnd()));
        assertThat(edit.applied()).singleElement().satisfies(a -> {
            assertThat(a.description()).isEqualTo("change " + first.wikiStatus() + " -> dropped");
            assertThat(a.source().url()).isEqualTo(SLURM_NOTES);
        });
    }

    @Test
    void eachStatusFormKeepsItsMarkup() throws Exception {
        String text = page("integration-template.wiki");
        List<Finding> findings = new ArrayList<>();
        for (Integration i : WikitextParser.parse(text, "t")) {
            findings.add(dropped(i));
        }

        String after = PageEditor.apply(report(text, findings, List.of()), Selection.all()).after();

        assertThat(after).contains("{{Status|dropped}}", "{{status| dropped }}", "'''Status: dropped'''",
                "* '''Status:''' dropped", "Status: '''dropped''' — see talk page", ": Status:  dropped");
        assertThat(after.lines().count()).isEqualTo(text.lines().count());
    }

    @Test
    void theFlatLayoutKeepsTheSentenceAfterTheStatus() throws Exception {
        String text = page("integration-2015.wiki");
        Integration systemd = entry(text, "Systemd");
        Finding ready = Finding.suggested(systemd, "systemd", Status.READY, Optional.empty(), Confidence.HIGH,
                List.of(Evidence.undated(Signal.RELEASED, "github", "https://github.com/systemd/systemd/pull/1",
                        "merged")));

        String after = PageEditor.apply(report(text, List.of(ready), List.of()), Selection.all()).after();

        assertThat(after).contains("Status: ready Adrian suggested that migrating");
    }

    @Test
    void aQualifierBecomesANoteUnderTheStatusCitingItsSource() throws Exception {
        String text = page("integration-current.wiki");
        Edit edit = PageEditor.apply(report(text, List.of(experimental(entry(text, "Docker"))), List.of()),
                Selection.all());

        assertThat(edit.after()).contains("=== Docker ===\n'''Status:''' ready\n"
                + "* Note: experimental ([" + DOCKER_CMD + " docker/cli v29.7.2 cmd.go])\n\nSee also: [[Docker|Docker C/R]]");
        assertThat(edit.after().replace("* Note: experimental ([" + DOCKER_CMD + " docker/cli v29.7.2 cmd.go])\n", ""))
                .isEqualTo(text);
        assertThat(edit.applied()).singleElement().extracting(Edit.Applied::description)
                .isEqualTo("keep ready, add a note: experimental");
    }

    @Test
    void aNoteUnderABulletStatusIsABulletOfTheSameKind() throws Exception {
        String text = page("integration-template.wiki");
        Finding f = Finding.suggested(entry(text, "OpenMPI"), "openmpi", Status.STALLED, Optional.of("patches only"),
                Confidence.MEDIUM, List.of(Evidence.undated(Signal.INACTIVE, "github", "https://github.com/o/p",
                        "old").withQualifier("patches only")));

        String after = PageEditor.apply(report(text, List.of(f), List.of()), Selection.all()).after();

        assertThat(after).contains("* '''Status:''' stalled\n* Note: patches only ([https://github.com/o/p o/p])\n"
                + "* Adrian Reber");
    }

    @Test
    void crlfPagesGetCrlfLinesOnly() throws Exception {
        String text = page("integration-current.wiki").replace("\n", "\r\n");
        Integration docker = entry(text, "Docker");

        String after = PageEditor.apply(report(text, List.of(experimental(docker), dropped(entry(text, "Podman"))),
                List.of(newEntry())), Selection.all()).after();

        assertThat(after).isNotEqualTo(text).doesNotContainPattern("[^\r]\n").contains("'''Status:''' dropped\r\n");
    }

    @Test
    void evidenceTextIsNeutralisedAndOnlyHttpLinksAreLinks() throws Exception {
        String text = page("integration-current.wiki");
        String hostile = "]] [[Category:Spam]] {{delete}} <script>alert(1)</script></nowiki>''x'' ~~~~";
        Finding f = Finding.suggested(entry(text, "Docker"), "docker", Status.READY, Optional.of(hostile),
                Confidence.HIGH, List.of(Evidence.undated(Signal.RELEASED, "github", "javascript:alert(1)", "x")
                        .withQualifier(hostile)));

        String after = PageEditor.apply(report(text, List.of(f), List.of()), Selection.all()).after();
        String note = after.lines().filter(l -> l.startsWith("* Note:")).findFirst().orElseThrow();

        assertThat(note).isEqualTo("* Note: <nowiki>]] [[Category:Spam]] {{delete}} &lt;script>alert(1)&lt;/script>"
                + "&lt;/nowiki>''x'' ~~~~</nowiki> (source (javascript:alert(1)))");
        assertThat(note.indexOf("</nowiki>")).isEqualTo(note.indexOf("~~~~") + 4);
    }

    @Test
    void urlsAreEncodedSoTheyCannotEndTheLink() {
        assertThat(Wikitext.externalLink("https://example.org/a b]c'd", "lbl"))
                .isEqualTo("[https://example.org/a%20b%5Dc%27d lbl]");
        assertThat(Wikitext.externalLink("ftp://example.org/x", "x")).doesNotStartWith("[");
        assertThat(Wikitext.neutral("plain words, v1.2 (LTS)")).isEqualTo("plain words, v1.2 (LTS)");
        assertThat(Wikitext.neutral("a\u001bred\nline\u009b")).isEqualTo("a red line");
    }

    @Test
    void aChangeForAnEntryWhoseStatusMovedOnIsSkippedWithTheReason() throws Exception {
        String text = page("integration-current.wiki");
        Finding stale = dropped(entry(text, "SLURM workload manager"));
        String edited = text.replace("=== SLURM workload manager ===\n'''Status:''' ready",
                "=== SLURM workload manager ===\n'''Status:''' stalled");

        Edit edit = PageEditor.apply(edited, "Integration", Changes.of(report(text, List.of(stale), List.of()),
                Selection.all()));

        assertThat(edit.after()).isEqualTo(edited);
        assertThat(edit.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("the page now says 'stalled', the report saw 'ready'"));
    }

    @Test
    void unverifiedFindingsNeverChangeThePage() throws Exception {
        String text = page("integration-current.wiki");
        Finding unverified = Finding.unverified(entry(text, "Docker"), "docker", "rate limited", List.of(
                Evidence.undated(Signal.REMOVED, "github", "https://github.com/docker/cli", "gone?")));

        assertThat(PageEditor.apply(report(text, List.of(unverified), List.of()), Selection.all()).after())
                .isEqualTo(text);
    }

    @Test
    void onlyPicksEntriesByCheckerIdOrHeading() throws Exception {
        String text = page("integration-current.wiki");
        Report report = report(text, List.of(experimental(entry(text, "Docker")),
                dropped(entry(text, "SLURM workload manager"))), List.of());

        assertThat(PageEditor.apply(report, Selection.all().only(Set.of("slurm"))).applied())
                .extracting(Edit.Applied::heading).containsExactly("SLURM workload manager");
        assertThat(PageEditor.apply(report, Selection.all().only(Set.of("docker"))).applied())
                .extracting(Edit.Applied::heading).containsExactly("Docker");
        assertThat(PageEditor.apply(report, Selection.all().without(Set.of("docker"))).applied())
                .extracting(Edit.Applied::heading).containsExactly("SLURM workload manager");
    }

    static Finding newEntry() {
        Integration proposed = new Integration("CRIU-ghcr", Optional.of("Other"), "", Optional.empty(), List.of(),
                List.of(), -1, -1);
        return Finding.suggested(proposed, "recipe-x", Status.READY, Optional.empty(), Confidence.HIGH, List.of(
                Evidence.dated(Signal.RELEASED, "github", "https://github.com/x/y/releases/tag/v1.0",
                        LocalDate.of(2026, 1, 2), "v1.0 ships checkpoint/restore with CRIU"),
                Evidence.undated(Signal.RELEASED, "github", "https://github.com/x/y/blob/v1.0/README.md#L3",
                        "README documents CRIU")));
    }

    @Test
    void aMissingEntryGoesAtTheEndOfItsSectionInThePagesLayout() throws Exception {
        String text = page("integration-current.wiki");

        Edit edit = PageEditor.apply(report(text, List.of(), List.of(newEntry())), Selection.all());

        String added = "\n=== CRIU-ghcr ===\n'''Status:''' ready\n\nv1.0 ships checkpoint/restore with CRIU "
                + "([https://github.com/x/y/releases/tag/v1.0 x/y v1.0], "
                + "[https://github.com/x/y/blob/v1.0/README.md#L3 x/y v1.0 README.md]).\n";
        assertThat(edit.after()).isEqualTo(text.replace("(--restore-sibling).\n",
                "(--restore-sibling).\n" + added));
        assertThat(WikitextParser.parse(edit.after(), "t")).last().satisfies(i -> {
            assertThat(i.heading()).isEqualTo("CRIU-ghcr");
            assertThat(i.section()).contains("Other");
            assertThat(i.status()).contains(Status.READY);
        });
        assertThat(PageEditor.apply(report(text, List.of(), List.of(newEntry())), Selection.all().withMissing(false))
                .after()).isEqualTo(text);
    }

    @Test
    void aPageWithCrOnlyLineEndsIsEditedLikeTheSamePageWithLfEnds() throws Exception {
        String lf = page("integration-current.wiki");
        String cr = lf.replace('\n', '\r');

        Edit fromLf = PageEditor.apply(report(lf, List.of(dropped(entry(lf, "SLURM workload manager"))),
                List.of(newEntry())), Selection.all());
        Edit fromCr = PageEditor.apply(report(cr, List.of(dropped(entry(cr, "SLURM workload manager"))),
                List.of(newEntry())), Selection.all());

        assertThat(fromLf.applied()).hasSize(2);
        assertThat(fromCr.applied()).isEqualTo(fromLf.applied());
        assertThat(fromCr.after()).doesNotContain("\n").isEqualTo(fromLf.after().replace('\n', '\r'));
    }

    @Test
    void aNewEntrysNoteStartsWithACapitalUnlessItStartsWithAName() throws Exception {
        assertThat(pastedWithNote("documented in the README")).contains("\nDocumented in the README ([");
        assertThat(pastedWithNote("containerd/containerd v2.3.4: ctr has it")).contains(
                "\ncontainerd/containerd v2.3.4: ctr has it ([");
        assertThat(pastedWithNote("lxd-6.6 dropped it")).contains("\nlxd-6.6 dropped it ([");
    }

    private static String pastedWithNote(String summary) throws Exception {
        String text = page("integration-current.wiki");
        Finding g = Finding.suggested(newEntry().integration(), "recipe-x", Status.READY, Optional.empty(),
                Confidence.HIGH, List.of(Evidence.undated(Signal.RELEASED, "github",
                        "https://github.com/x/y/blob/v1.0/README.md#L3", summary)));
        return PageEditor.apply(report(text, List.of(), List.of(g)), Selection.all()).after();
    }

    @Test
    void aMissingEntryInANewSectionGoesBeforeTheCategories() throws Exception {
        String text = page("integration-current.wiki");
        Finding f = newEntry();
        Integration i = new Integration("Kubernetes", Optional.of("Orchestration"), "", Optional.empty(), List.of(),
                List.of(), -1, -1);
        Finding k8s = Finding.suggested(i, "k8s", Status.STARTED, Optional.empty(), Confidence.MEDIUM, f.evidence()
                .stream().map(e -> e.as(Signal.IN_DEVELOPMENT)).toList());

        String after = PageEditor.apply(report(text, List.of(), List.of(k8s)), Selection.all()).after();

        assertThat(after).endsWith("(--restore-sibling).\n\n== Orchestration ==\n\n=== Kubernetes ===\n"
                + "'''Status:''' started\n\nv1.0 ships checkpoint/restore with CRIU ([https://github.com/x/y/releases/tag/v1.0 "
                + "x/y v1.0], [https://github.com/x/y/blob/v1.0/README.md#L3 x/y v1.0 README.md]).\n\n"
                + "[[Category:Integration]]\n");
        assertThat(WikitextParser.parse(after, "t")).last().satisfies(e -> {
            assertThat(e.section()).contains("Orchestration");
            assertThat(e.status()).contains(Status.STARTED);
        });
    }

    @Test
    void aMissingEntryOnTheFlatAndTemplateLayoutsFollowsThem() throws Exception {
        String flat = page("integration-2015.wiki");
        Finding f = newEntry();
        Finding noSection = Finding.suggested(new Integration("CRIU-ghcr", Optional.empty(), "", Optional.empty(),
                List.of(), List.of(), -1, -1), "x", Status.READY, Optional.empty(), Confidence.HIGH, f.evidence());

        String afterFlat = PageEditor.apply(report(flat, List.of(), List.of(noSection)), Selection.all()).after();
        String afterTemplate = PageEditor.apply(report(page("integration-template.wiki"), List.of(), List.of(f)),
                Selection.all()).after();

        assertThat(afterFlat).startsWith(flat).contains("\n== CRIU-ghcr ==\nStatus: ready\n\nv1.0 ships");
        assertThat(afterTemplate).contains("\n=== CRIU-ghcr ===\n{{Status|ready}}\n\nv1.0 ships");
        assertThat(WikitextParser.parse(afterTemplate, "t")).extracting(Integration::heading).contains("CRIU-ghcr");
    }

    @Test
    void theSavedJsonReportGivesTheSameEditAsTheRun() throws Exception {
        String text = page("integration-current.wiki");
        Report report = report(text, List.of(experimental(entry(text, "Docker")),
                dropped(entry(text, "SLURM workload manager"))), List.of(newEntry()));

        Edit fromRun = PageEditor.apply(report, Selection.all());
        Edit fromJson = PageEditor.apply(text, "Integration", Changes.fromJson(JsonReport.render(report),
                Selection.all()));

        assertThat(fromJson).isEqualTo(fromRun);
        assertThat(Changes.fromJson(JsonReport.render(report), Selection.all()).revision()).contains(5678L);
        assertThatThrownBy(() -> Changes.fromJson("{\"tool\":{\"name\":\"integration-status\"},\"results\":"
                + "[{\"integration\":\"X\",\"verdict\":\"suggested\",\"suggestedStatus\":\"maybe\"}]}", Selection.all()))
                .hasMessage("results[0].suggestedStatus: 'maybe' is not a status");
        assertThatThrownBy(() -> Changes.fromJson("[]", Selection.all())).hasMessageContaining("not an integration-status");
    }

    @Test
    void theEditSummaryCitesTheMainEvidenceOfEachChangeAndFitsMediaWikisLimit() throws Exception {
        String text = page("integration-current.wiki");
        List<Finding> findings = new ArrayList<>();
        for (Integration i : WikitextParser.parse(text, "t")) {
            findings.add(dropped(i));
        }
        Edit one = PageEditor.apply(report(text, List.of(findings.get(10)), List.of()), Selection.all());
        Edit all = PageEditor.apply(report(text, findings, List.of()), Selection.all());

        assertThat(one.summary()).isEqualTo("integration-status: SLURM workload manager: change ready -> dropped ("
                + SLURM_NOTES + ")");
        assertThat(all.summary()).contains("Virtuozzo/OpenVZ: change ready -> dropped (" + SLURM_NOTES + ")");
        assertThat(all.summary(Edit.SUMMARY_LIMIT)).hasSizeLessThanOrEqualTo(500)
                .startsWith("integration-status: Virtuozzo/OpenVZ: change ready -> dropped (" + SLURM_NOTES + ")");
    }

    /** JUnit's assumptions, spelled for this test's one use. */
    static final class Assumptions {
        static void assumeNotDropped(Integration i) {
            org.junit.jupiter.api.Assumptions.assumeFalse(i.status().equals(Optional.of(Status.DROPPED)));
        }
    }
}
