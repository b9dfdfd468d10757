package org.criu.status.checkers.openmpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fixtures: the repository, opal/mca listings (names from the real git trees at HEAD and at v4.0.0, which
 * still had crs), the changelog index as in the repository, v6.x series files trimmed to their headers, and
 * v5.0.x with the real C/R removal line at its real line 276 under the 5.0.0 heading (other lines blanked).
 * Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it.
 */
class OpenMpiCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String API = "https://api.github.com/repos/open-mpi/ompi";
    private static final String RAW = "https://raw.githubusercontent.com/open-mpi/ompi/";
    /** The commit main pointed at (open-mpi/ompi's git history, 2026-08-21): everything is read and cited there. */
    private static final String HEAD = "8efebee745e15516a7f5f1f295df86c78014c76c";
    private static final String CHANGELOG = RAW + HEAD + "/docs/release-notes/changelog/";
    private static final String CR_LINE = "    - Removed all vestiges of Checkpoint Restart (C/R) support.\n";
    private static final List<String> OLDER_SERIES = List.of("v4.1.x", "v4.0.x", "v3.1.x", "v3.0.x", "v2.x", "v1.x");
    private static final Integration PAGE_ENTRY = entry("OpenMPI", "stalled", "Adrian Reber did first version of patches");

    private final OpenMpiChecker checker = new OpenMpiChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(OpenMpiCheckerTest.class, name);
    }

    private void treeAtMain(String listing) {
        server.onGet(API).json(fixture("repository-ok.json"));
        server.onGet("https://github.com/open-mpi/ompi/commits/main.atom").atom(GitHubFixtures.commitsFeed(
                "open-mpi/ompi", "main", List.of(new GitHubFixtures.CommitSpec(HEAD, "2026-08-21T08:27:09-05:00",
                        "Merge pull request #13411 from dev/topic", "4c1de2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9"))));
        server.onGet(API + "/contents/opal/mca?ref=" + HEAD).json(fixture(listing));
    }

    private void changelog(String v5) {
        server.onGet(CHANGELOG + "index.rst").text(fixture("changelog-index.rst"));
        server.onGet(CHANGELOG + "v6.1.x.rst").text(fixture("changelog-v6.1.x.rst"));
        server.onGet(CHANGELOG + "v6.0.x.rst").text(fixture("changelog-v6.0.x.rst"));
        server.onGet(CHANGELOG + "v5.0.x.rst").text(v5);
    }

    /** Older series files that say nothing about checkpoint/restart (the real v2.x does: see the README). */
    private void silentOlderSeries() {
        for (String series : OLDER_SERIES) {
            server.onGet(CHANGELOG + series + ".rst").text("Open MPI " + series + " series\n======================\n");
        }
    }

    @Test
    void suggestsDroppedCitingTheV5ReleaseNoteAndTheTreeWithoutCrs() {
        treeAtMain("contents-opal-mca-main.json");
        changelog(fixture("changelog-v5.0.x.rst"));
        canariesHold();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence note = finding.evidence().get(0);
        assertThat(note.signal()).isEqualTo(Signal.REMOVED);
        assertThat(note.quote()).startsWith("v5.0.0 release notes");
        assertThat(note.excerpt()).contains("Removed all vestiges of Checkpoint Restart (C/R) support.");
        assertThat(note.url()).isEqualTo(
                "https://github.com/open-mpi/ompi/blob/" + HEAD + "/docs/release-notes/changelog/v5.0.x.rst#L276");
        assertThat(note.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2023-10-25"));
        assertThat(finding.evidence()).anySatisfy(e -> {
            // Today's tree is context: the release note is the proof.
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).isEqualTo("https://github.com/open-mpi/ompi/tree/" + HEAD + "/opal/mca");
            assertThat(e.quote()).contains("no crs framework").contains("main (8efebee745e1)");
        });
        long apiRequests = server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
        assertThat(apiRequests).isEqualTo(2);
    }

    /** The canaries: v3.1.0's criu component and v5.0.10's changelog line, as the real files have them. */
    private void canariesHold() {
        server.onGet(RAW + "v3.1.0/opal/mca/crs/criu/crs_criu_component.c").text(fixture("crs_criu_component-v3.1.0.c"));
        server.onGet(RAW + "v5.0.10/docs/release-notes/changelog/v5.0.x.rst").text(fixture("changelog-v5.0.x.rst"));
    }

    @Test
    void confirmsStalledWhenNeitherTreeNorReleaseNotesSayAnything() {
        treeAtMain("contents-opal-mca-main.json");
        changelog(fixture("changelog-v5.0.x.rst").replace(CR_LINE, ""));
        silentOlderSeries();
        canariesHold();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.LOW);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT);
    }

    @Test
    void aVanishedComponentWithoutAReleaseNoteIsNoProofAgainstReady() {
        treeAtMain("contents-opal-mca-main.json");
        changelog(fixture("changelog-v5.0.x.rst").replace(CR_LINE, ""));
        silentOlderSeries();

        Finding finding = server.finding(checker, entry("OpenMPI", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).isEqualTo("opal/mca at main (8efebee745e1): "
                + "no crs framework (where the criu component lived), and no release note announces the end of "
                + "checkpoint/restart: the absence is not proven"));
    }

    @Test
    void theRemovalIsNotTrustedWhenACanaryNoLongerHolds() {
        treeAtMain("contents-opal-mca-main.json");
        changelog(fixture("changelog-v5.0.x.rst"));
        server.onGet(RAW + "v3.1.0/opal/mca/crs/criu/crs_criu_component.c").notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).startsWith(
                "probe out of date: Open MPI v3.1.0 ships the CRS framework's criu component"));
    }

    @Test
    void suggestsReadyWhenTheNewestReleaseShipsTheCriuComponent() {
        treeAtMain("contents-opal-mca-with-crs.json");
        server.onGet(RAW + HEAD + "/opal/mca/crs/criu/Makefile.am").text("sources = crs_criu.h crs_criu_component.c\n");
        server.onGet(API + "/releases?per_page=100").json("""
                [{"tag_name":"v5.0.10","name":"Open MPI v5.0.10","draft":false,"prerelease":false,
                  "published_at":"2026-02-11T22:47:50Z","body":"","html_url":"https://github.com/open-mpi/ompi/releases/tag/v5.0.10"}]""");
        server.onGet(RAW + "v5.0.10/opal/mca/crs/criu/Makefile.am").text("sources = crs_criu.h crs_criu_component.c\n");
        changelog(fixture("changelog-v5.0.x.rst").replace(CR_LINE, ""));
        silentOlderSeries();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("v5.0.10 ships opal/mca/crs/criu/");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-02-11"));
    }

    @Test
    void anUnreleasedSeriesNoteIsCitedWithoutADate() {
        String v61 = fixture("changelog-v6.1.x.rst") + "- Removed the checkpoint/restart leftovers.\n";

        assertThat(OpenMpiChecker.findRemoval(rst(v61))).hasValueSatisfying(n -> {
            assertThat(n.version()).contains("6.1.0");
            assertThat(n.date()).isEmpty();
        });
        assertThat(OpenMpiChecker.findRemoval(rst(fixture("changelog-v6.1.x.rst")))).isEmpty();
    }

    private static SourceFile rst(String text) {
        return new SourceFile("https://github.com/open-mpi/ompi/blob/v6.1.0/docs/release-notes/changelog/v6.1.x.rst",
                text, SourceFile.AnchorStyle.GITHUB);
    }

    @Test
    void readsTheSeriesFromTheChangelogIndexNewestFirst() {
        assertThat(OpenMpiChecker.toctree(fixture("changelog-index.rst")))
                .containsExactly("v6.1.x", "v6.0.x", "v5.0.x", "v4.1.x", "v4.0.x", "v3.1.x", "v3.0.x", "v2.x", "v1.x");
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(API).json(fixture("repository-ok.json"));
        server.onGet("https://github.com/open-mpi/ompi/commits/main.atom").atom(GitHubFixtures.commitsFeed(
                "open-mpi/ompi", "main", List.of(new GitHubFixtures.CommitSpec(HEAD, "2026-08-21T08:27:09-05:00",
                        "Merge", "4c1de2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9"))));
        server.onGet(API + "/contents/opal/mca?ref=" + HEAD).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("opal/mca?ref=" + HEAD).contains("503"));
    }

    @Test
    void unverifiedWhenTheReleaseNotesMoved() {
        treeAtMain("contents-opal-mca-main.json");
        server.onGet(CHANGELOG + "index.rst").notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("release notes moved"));
    }

    @Test
    void serviceLoaderFindsItUnderItsFolderName() {
        assertThat(ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(c -> c instanceof OpenMpiChecker).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(Path.of("").toAbsolutePath().getFileName().toString()));
    }
}
