package org.criu.status.checkers.fileutility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server. */
class FileUtilityCheckerTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

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

    @Test
    void suggestsDroppedWhenTheNewestReleaseLostTheMagicThePageCites() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-without-criu.txt");
        magicAt("FILE5_23", "magic-linux-with-criu.txt");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).quote()).contains("FILE5_48: no CRIU magic");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-06-08"));
    }

    @Test
    void suggestsNotStartedWhenNoReleaseNorHeadHasCriuMagic() {
        releasesAsToday();
        magicAt("FILE5_48", "magic-linux-without-criu.txt");
        magicAt("HEAD", "magic-linux-without-criu.txt");

        Finding finding = server.finding(checker, entry("The file utility", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.NOT_STARTED);
        assertThat(finding.confidence()).contains(Confidence.LOW);
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
