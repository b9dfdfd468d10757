package org.criu.status.checkers.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fixtures: the repository, src/plugins listings (names from the real git trees at HEAD and at 19.05) and
 * 20.02's RELEASE_NOTES with the real removal bullet at its real lines 39-41 (other lines blanked).
 * Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it.
 */
class SlurmCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String API = "https://api.github.com/repos/SchedMD/slurm";
    private static final String RAW = "https://raw.githubusercontent.com/SchedMD/slurm/";
    private static final Integration PAGE_ENTRY = entry("SLURM workload manager", "ready");

    private final SlurmChecker checker = new SlurmChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(SlurmCheckerTest.class, name);
    }

    private static String tagOf(String major) {
        return "slurm-" + major.replace('.', '-') + "-0-1";
    }

    /** The commit master pointed at (SchedMD/slurm's git history, 2026-08-20). */
    private static final String HEAD = "284c3b95f08a2dc2478499837b03355e1b9c5c75";

    private void repository() {
        server.onGet(API).json(fixture("repository-ok.json"));
        server.onGet("https://github.com/SchedMD/slurm/commits/master.atom").atom(GitHubFixtures.commitsFeed(
                "SchedMD/slurm", "master", List.of(new GitHubFixtures.CommitSpec(HEAD, "2026-08-20T17:10:37-06:00",
                        "Merge branch 'tim/docs'", "9a1f0e3c5b7d2e4f6a8c0b1d3e5f7a9c2b4d6e8f"))));
    }

    private void pluginsAtMaster(String fixture) {
        server.onGet(API + "/contents/src/plugins?ref=" + HEAD).json(fixture(fixture));
    }

    /** Notes that say nothing about checkpoint plugins at every major release from {@code fromMajor} on. */
    private void silentNotesFrom(String fromMajor) {
        List<String> majors = SlurmChecker.MAJOR_RELEASES;
        for (String major : majors.subList(majors.indexOf(fromMajor), majors.size())) {
            server.onGet(RAW + tagOf(major) + "/RELEASE_NOTES").text("RELEASE NOTES FOR SLURM VERSION " + major + "\n");
        }
    }

    /** Today: 17.02 to 19.05 silent, 20.02 announces the removal; checkpoint/ still in 19.05. */
    private void notesAsToday() {
        for (String major : List.of("17.02", "17.11", "18.08", "19.05")) {
            server.onGet(RAW + tagOf(major) + "/RELEASE_NOTES").text("RELEASE NOTES FOR SLURM VERSION " + major + "\n");
        }
        server.onGet(RAW + "slurm-20-02-0-1/RELEASE_NOTES").text(fixture("release-notes-20.02.txt"));
        server.onGet(RAW + "slurm-19-05-0-1/src/plugins/checkpoint/Makefile.am")
                .text(fixture("checkpoint-makefile-19.05.txt"));
        server.onGet(API + "/commits/slurm-20-02-0-1").json(commit("SchedMD/slurm",
                "efee8f49de4d245f3fe8c1c287988d5d0d3519e5", "2020-02-25T12:00:00-07:00", "v20.02.0 release"));
    }

    @Test
    void suggestsDroppedCitingTheRemovalNoticeAndTheTreeWithoutCheckpointPlugins() {
        repository();
        pluginsAtMaster("contents-src-plugins-master.json");
        notesAsToday();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence notice = finding.evidence().get(0);
        assertThat(notice.signal()).isEqualTo(Signal.REMOVED);
        assertThat(notice.quote()).startsWith("slurm-20-02-0-1 release notes");
        assertThat(notice.excerpt()).contains("The checkpoint plugin interface and all "
                + "associated API calls have been removed.");
        assertThat(notice.url()).isEqualTo("https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41");
        assertThat(notice.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2020-02-25"));
        assertThat(finding.evidence()).anySatisfy(e -> {
            // Today's tree is context: the notice is the proof.
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).isEqualTo("https://github.com/SchedMD/slurm/tree/" + HEAD + "/src/plugins");
            assertThat(e.quote()).contains("no checkpoint/").contains("master (284c3b95f08a)");
        });
        assertThat(finding.evidence()).filteredOn(e -> e.signal() == Signal.REMOVED).hasSize(1);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.quote()).isEqualTo("slurm-19-05-0-1: src/plugins/checkpoint/ still there (SUBDIRS = none ompi)");
        });
        long apiRequests = server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
        assertThat(apiRequests).isEqualTo(3);
    }

    @Test
    void confirmsReadyWhenTheNewestReleaseShipsACriuCheckpointPluginAndNoNoticeSaysOtherwise() {
        repository();
        pluginsAtMaster("contents-src-plugins-with-checkpoint.json");
        silentNotesFrom("17.02");
        server.onGet(RAW + HEAD + "/src/plugins/checkpoint/criu/Makefile.am").text("SUBDIRS =\n");
        server.onGet(API + "/tags?per_page=100").json(GitHubFixtures.tags("SchedMD/slurm", List.of(
                new TagSpec("slurm-26-05-3-1", "56fe867884038ba2074bd414075b60c2fb1d68bb"),
                new TagSpec("slurm-26-05-0-0rc1", "be10eaac411de0122d3327b680b3336fe4733768"),
                new TagSpec("slurm-25-11-7-1", "f56e676bbd3e7cccbdd7c505c030c62bb983ebee"))));
        server.onGet(RAW + "slurm-26-05-3-1/src/plugins/checkpoint/criu/Makefile.am").text("SUBDIRS =\n");
        server.onGet(API + "/commits/56fe867884038ba2074bd414075b60c2fb1d68bb").json(commit("SchedMD/slurm",
                "56fe867884038ba2074bd414075b60c2fb1d68bb", "2026-08-13T11:12:33-06:00", "v26.05.3"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.RELEASED);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("slurm-26-05-3-1 ships src/plugins/checkpoint/criu/");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-13"));
    }

    @Test
    void aVanishedCheckpointDirectoryWithoutANoticeIsNoProofAgainstReady() {
        repository();
        pluginsAtMaster("contents-src-plugins-master.json");
        silentNotesFrom("17.02");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("src/plugins at master (284c3b95f08a) has no checkpoint/, and no major release's notes "
                        + "announce its removal: the absence is not proven"));
    }

    @Test
    void anAbsenceIsNotTrustedWhenTheCanaryNoLongerHolds() {
        repository();
        pluginsAtMaster("contents-src-plugins-master.json");
        silentNotesFrom("17.02");
        server.onGet(RAW + "slurm-19-05-0-1/src/plugins/checkpoint/Makefile.am").notFound();

        Finding finding = server.finding(checker, entry("SLURM workload manager", "not started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("probe out of date: Slurm 20.02's release notes announce the removal"));
    }

    @Test
    void doesNotCallItDroppedWhenCheckpointPluginsAreBackWithoutCriu() {
        repository();
        pluginsAtMaster("contents-src-plugins-with-checkpoint.json");
        server.onGet(RAW + HEAD + "/src/plugins/checkpoint/criu/Makefile.am").notFound();
        notesAsToday();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.NOT_STARTED);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT, Signal.CONTEXT);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/SchedMD/slurm/tree/" + HEAD + "/src/plugins");
        assertThat(finding.evidence().get(0).quote()).contains("checkpoint/ has no CRIU plugin");
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(API).status(502);
        // The release notes are asked at the same time as the tree: answered, and not enough without it.
        notesAsToday();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(API).contains("502"));
    }

    @Test
    void unverifiedWhenReleaseNotesCannotBeRead() {
        repository();
        pluginsAtMaster("contents-src-plugins-master.json");
        // The notes of several majors are read at once; the first one failing fails the search.
        notesAsToday();
        server.onGet(RAW + "slurm-17-02-0-1/RELEASE_NOTES").status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("slurm-17-02-0-1/RELEASE_NOTES"));
    }

    @Test
    void unverifiedWhenNoMajorReleaseHasReleaseNotes() {
        repository();
        pluginsAtMaster("contents-src-plugins-master.json");
        for (String major : SlurmChecker.MAJOR_RELEASES) {
            server.onGet(RAW + tagOf(major) + "/RELEASE_NOTES").notFound();
            server.onGet(RAW + tagOf(major) + "/RELEASE_NOTES.md").notFound();
        }

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no RELEASE_NOTES"));
    }

    @Test
    void aDeprecationIsNotARemoval() {
        String notes = """
                RELEASE NOTES FOR SLURM VERSION 19.05

                 -- The checkpoint plugin interface is deprecated and will be removed in
                    the next major release.
                 -- Removed the burst_buffer/generic plugin.
                """;

        assertThat(SlurmChecker.findRemoval(notes(notes), "slurm-19-05-0-1", Optional.empty())).isEmpty();
        assertThat(SlurmChecker.findRemoval(notes(notes.replace("is deprecated and will be removed in",
                "and all its API calls were removed in")), "t", Optional.empty()))
                .hasValueSatisfying(n -> {
                    assertThat(n.firstLine()).isEqualTo(3);
                    assertThat(n.lastLine()).isEqualTo(4);
                });
    }

    private static SourceFile notes(String text) {
        return new SourceFile("https://github.com/SchedMD/slurm/blob/t/RELEASE_NOTES", text, SourceFile.AnchorStyle.GITHUB);
    }

    @Test
    void serviceLoaderFindsItUnderItsFolderName() {
        assertThat(ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(c -> c instanceof SlurmChecker).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(Path.of("").toAbsolutePath().getFileName().toString()));
    }
}
