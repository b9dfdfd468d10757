package org.criu.status.checkers.fileutility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import java.util.List;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;
import org.criu.status.core.testkit.GitHubFixtures.FileSpec;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server. */
class FileUtilityCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/file/file/tags?per_page=100";
    private static final String SHA_48 = "eb754ace19fed5481d8142426543100a2d6bae4e";
    private static final String SHA_23 = "72da5ae78ed7b5ecbbe84c36ddb493f7907099bc";
    private static final Integration PAGE_ENTRY = entry("The file utility", "ready",
            "Starting from v1.6 new images (v1.1) will be generated",
            "File utility starting from 5.23 will support these");

    private final FileUtilityChecker checker = new FileUtilityChecker();

    private static final String REPOLOGY = "https://repology.org/api/v1/project/file";

    private void releasesAsToday() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet("https://api.github.com/repos/file/file/commits/" + SHA_48)
                .json(commit("file/file", SHA_48, "2026-06-08T16:14:23-04:00", "PR/123: release 5.48"));
        server.onGet("https://api.github.com/repos/file/file/commits/" + SHA_23)
                .json(commit("file/file", SHA_23, "2015-06-10T17:51:37+00:00", "Release 5.23"));
    }

    private void magicAt(String tag, String fixture) {
        server.onGet("https://raw.githubusercontent.com/file/file/" + tag + "/magic/Magdir/linux").text(fixture(fixture));
    }

    private static String fixture(String name) {
        return SourceServer.fixture(FileUtilityCheckerTest.class, name);
    }

    @Test
    void confirmsReadyWhenTheNewestReleaseShipsCriuMagic() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-with-criu.txt");
        magicAt("FILE5_23", "magic-linux-with-criu.txt");
        server.onGet(REPOLOGY).json(fixture("repology-project-file.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        assertThat(finding.evidence().get(0).quote()).startsWith("FILE5_48 ships CRIU magic");
        assertThat(finding.evidence().get(0).excerpt()).contains("0 lelong 0x54564319 CRIU image file v1.1");
        assertThat(finding.evidence().get(0).url())
                .isEqualTo("https://github.com/file/file/blob/FILE5_48/magic/Magdir/linux#L22");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-06-08"));
        assertThat(finding.evidence()).extracting(e -> e.quote()).anyMatch(q -> q.startsWith("FILE5_23 ships CRIU magic"));
    }

    @Test
    void suggestsReadyWhenThePageSaysNotStartedButAReleaseShipsTheMagic() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-with-criu.txt");
        server.onGet(REPOLOGY).json(fixture("repology-project-file.json"));

        Finding finding = server.finding(checker, entry("The file utility", "not started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence()).isNotEmpty();
    }

    private static final String COMPARE = "https://api.github.com/repos/file/file/compare/FILE5_47...FILE5_48";
    private static final String SHA_47 = "e2c2a5a3b98b2eb5e2e8c8e6fcb3db9e3ca2b4c1";
    private static final CommitSpec RELEASE_47 = new CommitSpec(SHA_47, "2026-02-27T11:03:18-05:00", "PR/598: release 5.47",
            "1f0c6d27f2a6b1e5a3c9d8e7f6a5b4c3d2e1f0a9");
    private static final String DELETING = "7b3e9c1d2a4f5e6d7c8b9a0f1e2d3c4b5a697887";

    /** The magic at every FILE release of the tags page: there from FILE5_23 up to {@code lastWith}. */
    private void magicUpTo(String lastWith) {
        boolean there = false;
        for (int minor = 48; minor >= 9; minor--) {
            String tag = "FILE5_%02d".formatted(minor);
            if (tag.equals(lastWith)) {
                there = true;
            }
            magicAt(tag, there && minor >= 23 ? "magic-linux-with-criu.txt" : "magic-linux-without-criu.txt");
        }
    }

    private void comparison(FileSpec... files) {
        server.onGet(COMPARE).json(GitHubFixtures.compare("file/file", "FILE5_47", "FILE5_48", RELEASE_47,
                List.of(new CommitSpec(SHA_48, "2026-06-08T16:14:23-04:00", "PR/123: release 5.48", SHA_47)),
                List.of(files)));
    }

    private static final String CRIU_HUNK = "@@ -19,6 +19,0 @@\n-# Image and service files for CRIU tool.\n-# URL: http://criu.org\n"
            + "-0\t\tlelong\t\t0x54564319\tCRIU image file v1.1\n-0\t\tlelong\t\t0x55105940\tCRIU service file\n";

    @Test
    void suggestsDroppedCitingTheCommitThatDeletedTheMagicThePageCites() {
        releasesAsToday();
        magicUpTo("FILE5_47");
        comparison(FileSpec.modified(FileUtilityChecker.MAGIC, CRIU_HUNK));
        server.onGet("https://api.github.com/repos/file/file/commits?sha=FILE5_48&path=magic%2FMagdir%2Flinux"
                + "&since=2026-02-26T16:03:18Z&per_page=100").json(GitHubFixtures.history("file/file", List.of(
                new CommitSpec(DELETING, "2026-04-01T10:00:00-04:00", "PR/610: drop CRIU image magic", RELEASE_47.sha()))));
        magicAt(DELETING, "magic-linux-without-criu.txt");
        magicAt(RELEASE_47.sha(), "magic-linux-with-criu.txt");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("FILE5_48: no CRIU magic in magic/Magdir/linux (last in FILE5_47)");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-06-08"));
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.url()).isEqualTo("https://github.com/file/file/commit/" + DELETING);
            assertThat(e.excerpt()).contains("PR/610: drop CRIU image magic");
        });
    }

    @Test
    void followsMagicMovedIntoItsOwnFile() {
        releasesAsToday();
        magicUpTo("FILE5_47");
        comparison(FileSpec.modified(FileUtilityChecker.MAGIC, CRIU_HUNK),
                FileSpec.added("magic/Magdir/criu", "@@ -0,0 +1,3 @@\n+# CRIU\n+0\t\tlelong\t\t0x54564319\tCRIU image file v1.1\n"));
        server.onGet("https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/criu")
                .text("# CRIU\n0\t\tlelong\t\t0x54564319\tCRIU image file v1.1\n");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/file/file/blob/FILE5_48/magic/Magdir/criu#L2");
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.REMOVED);
    }

    @Test
    void aFailingComparisonNeverCallsTheMagicRemoved() {
        releasesAsToday();
        magicUpTo("FILE5_47");
        server.onGet(COMPARE).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("FILE5_48: no CRIU magic in magic/Magdir/linux (FILE5_47 had it)").contains("503"));
    }

    @Test
    void unreleasedMagicIsReadAtTheDefaultBranchsCommitAndCitedThere() {
        releasesAsToday();
        magicUpTo("none");
        String head = "9de57c0b0607c53c6196967fbad53499022a0991";
        server.onGet("https://github.com/file/file/commits/HEAD.atom").atom(GitHubFixtures.commitsFeed("file/file",
                "HEAD", List.of(new CommitSpec(head, "2026-08-20T14:30:08+00:00", "PR/700: add CRIU magic", SHA_48))));
        magicAt(head, "magic-linux-with-criu.txt");

        Finding finding = server.finding(checker, entry("The file utility", "not started"));

        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/file/file/blob/" + head
                + "/magic/Magdir/linux#L22");
    }

    @Test
    void unverifiedAsOutOfDateWhenEvenTheKnownReleaseLacksTheMagic() {
        releasesAsToday();
        magicUpTo("none");
        server.onGet("https://github.com/file/file/commits/HEAD.atom").atom(GitHubFixtures.commitsFeed("file/file",
                "HEAD", List.of(new CommitSpec(SHA_48, "2026-08-20T14:30:08+00:00", "head", SHA_23))));
        magicAt(SHA_48, "magic-linux-without-criu.txt");

        Finding finding = server.finding(checker, entry("The file utility", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).startsWith(
                "probe out of date: file FILE5_23 (5.23) ships CRIU magic in magic/Magdir/linux"));
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(TAGS).status(502);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("https://api.github.com/repos/file/file/tags?per_page=100").contains("502"));
    }

    @Test
    void unverifiedWhenTheRepositoryHasNoReleaseTags() {
        server.onGet(TAGS).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no FILE"));
    }

    @Test
    void citesWhichDistributionPackagesCarryAReleaseWithTheMagic() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-with-criu.txt");
        magicAt("FILE5_23", "magic-linux-with-criu.txt");
        server.onGet(REPOLOGY).json(fixture("repology-project-file-with-old.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("repology");
            assertThat(e.supports()).isEmpty();
            assertThat(e.url()).isEqualTo("https://repology.org/project/file/versions");
            assertThat(e.quote()).isEqualTo("4 of 5 packaged versions of file are 5.23 or newer, with CRIU magic "
                    + "(debian_12 5.44, debian_13 5.46, ubuntu_24_04 5.45, slackware_current 5.48)");
        });
    }

    @Test
    void aRepologyFailureIsSaidOnTheFindingAndTheReleaseTagsStillDecide() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-with-criu.txt");
        magicAt("FILE5_23", "magic-linux-with-criu.txt");
        server.onGet(REPOLOGY).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).filteredOn(e -> e.source().equals("repology")).singleElement()
                .satisfies(e -> {
                    assertThat(e.signal()).isEqualTo(org.criu.status.core.model.Signal.CONTEXT);
                    assertThat(e.quote()).isEqualTo("could not read Repology's packages of file: GET " + REPOLOGY
                            + " answered HTTP 503 (after 3 attempts)");
                });
    }
}
