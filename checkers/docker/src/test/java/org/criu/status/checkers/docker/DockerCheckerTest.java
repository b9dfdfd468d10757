package org.criu.status.checkers.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import java.util.ServiceLoader;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;
import org.criu.status.core.testkit.GitHubFixtures.FileSpec;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class DockerCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/docker/cli/tags?per_page=100";
    private static final String SHA_29_7_2 = "a7dcaa6fdb6ed04aacbfdc76357fdae01605609e";
    private static final String RAW = "https://raw.githubusercontent.com/docker/cli/";
    private static final Integration PAGE_ENTRY = entry("Docker", "ready", "See also: Docker C/R");

    private final DockerChecker checker = new DockerChecker();

    private void releasesAsToday() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet("https://api.github.com/repos/docker/cli/commits/" + SHA_29_7_2)
                .json(commit("docker/cli", SHA_29_7_2, "2026-08-05T20:26:21+02:00", "Merge pull request: v29.7.2"));
    }

    private void at(String tag, String command, String reference) {
        stubFile(tag, DockerChecker.COMMAND, command);
        stubFile(tag, DockerChecker.REFERENCE, reference);
    }

    private void stubFile(String tag, String path, String fixture) {
        if (fixture == null) {
            server.onGet(RAW + tag + "/" + path).notFound();
        } else {
            server.onGet(RAW + tag + "/" + path).text(fixture(fixture));
        }
    }

    private static String fixture(String name) {
        return SourceServer.fixture(DockerCheckerTest.class, name);
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void suggestsReadyExperimentalWhenTheNewestReleaseMarksCheckpointExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-experimental.go", "checkpoint-reference-experimental.md");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("experimental");
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence first = finding.evidence().get(0);
        assertThat(first.url()).startsWith("https://github.com/docker/cli/blob/v29.7.2/");
        assertThat(first.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-05"));
        assertThat(finding.evidence()).extracting(e -> e.excerpt().orElse(""))
                .contains("\"experimental\": \"\",")
                .contains("Checkpoint and Restore is an experimental feature that allows you to freeze a running");
        assertThat(finding.evidence()).extracting(Evidence::url)
                .contains("https://github.com/docker/cli/blob/v29.7.2/docs/reference/commandline/checkpoint.md#L20");
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void confirmsWhenThePageAlreadySaysExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-experimental.go", "checkpoint-reference-experimental.md");

        Finding finding = server.finding(checker,
                entry("Docker", "ready", "Checkpoint/restore is an experimental feature of Docker"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
    }

    @Test
    void confirmsPlainReadyWhenNeitherCommandNorReferenceSaysExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-not-experimental.go", "checkpoint-reference-not-experimental.md");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).extracting(e -> e.excerpt().orElse(""))
                .contains("Checkpoint and Restore is a feature that allows you to freeze a running");
    }

    /** The command file at every vX.Y.Z release of the tags page: there up to {@code lastWith}, gone after it. */
    private void commandUpTo(String lastWith) {
        boolean gone = true;
        for (String tag : RELEASES) {
            if (tag.equals(lastWith)) {
                gone = false;
            }
            stubFile(tag, DockerChecker.COMMAND, gone ? null : "checkpoint-cmd-experimental.go");
        }
        // The release known to ship it (the canary), where the search for the last release with it starts.
        stubFile(DockerChecker.KNOWN_RELEASE, DockerChecker.COMMAND, "checkpoint-cmd-v20.10.0.go");
    }

    private static final List<String> RELEASES = List.of("v29.7.2", "v29.7.1", "v29.7.0", "v29.6.2", "v29.6.1",
            "v29.6.0", "v29.5.3", "v29.5.2", "v29.5.1", "v29.5.0", "v29.4.3", "v29.4.2", "v29.4.1", "v29.4.0",
            "v29.3.1", "v29.3.0", "v29.2.1", "v29.2.0", "v29.1.5", "v29.1.4", "v29.1.3", "v29.1.2", "v29.1.1",
            "v29.1.0", "v29.0.4", "v29.0.3", "v29.0.2", "v29.0.1", "v29.0.0", "v28.5.2");
    private static final String COMPARE = "https://api.github.com/repos/docker/cli/compare/v29.7.1...v29.7.2";
    private static final String HISTORY = "https://api.github.com/repos/docker/cli/commits?sha=v29.7.2"
            + "&path=cli%2Fcommand%2Fcheckpoint%2Fcmd.go&since=2026-07-30T17:34:15Z&per_page=100";
    private static final CommitSpec V29_7_1 = new CommitSpec("b5bd6bd6c9ac6e7c3c8bb80e8e2d4d1b3f4e6a71",
            "2026-07-31T19:34:15+02:00", "Merge pull request #6400 from thaJeztah/29.7_bump", "c0ffee0000000000000000000000000000000001");
    private static final CommitSpec V29_7_2 = new CommitSpec(SHA_29_7_2, "2026-08-05T20:26:21+02:00",
            "Merge pull request #6412 from thaJeztah/29.7_backport", V29_7_1.sha());
    private static final String DELETING = "3265cead1d170c216a8f6860dc5755c7cb52f08c";

    private void comparison(FileSpec... files) {
        server.onGet(COMPARE).json(GitHubFixtures.compare("docker/cli", "v29.7.1", "v29.7.2", V29_7_1,
                List.of(V29_7_2), List.of(files)));
    }

    @Test
    void suggestsDroppedCitingTheCommitThatDeletedTheCheckpointCommand() {
        releasesAsToday();
        stubFile("v29.7.2", DockerChecker.REFERENCE, null);
        commandUpTo("v29.7.1");
        comparison(FileSpec.removed(DockerChecker.COMMAND, "@@ -1,3 +0,0 @@\n-\t\tUse:   \"checkpoint\",\n"),
                FileSpec.modified("cli/command/commands.go", "@@ -40,2 +40,1 @@\n-\tcheckpoint.NewCheckpointCommand(dockerCli),\n"));
        server.onGet(HISTORY).json(GitHubFixtures.history("docker/cli", List.of(new CommitSpec(DELETING,
                "2026-08-01T08:49:05+02:00", "Remove the experimental checkpoint command (#6405)", V29_7_1.sha()))));
        stubFile(DELETING, DockerChecker.COMMAND, null);
        stubFile(V29_7_1.sha(), DockerChecker.COMMAND, "checkpoint-cmd-experimental.go");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.url()).isEqualTo("https://github.com/docker/cli/commit/" + DELETING);
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-01"));
            assertThat(e.excerpt()).contains("Remove the experimental checkpoint command (#6405)");
        });
        assertThat(finding.evidence()).extracting(Evidence::url).contains("https://github.com/docker/cli/pull/6405");
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.quote())
                .isEqualTo("v29.7.2: no cli/command/checkpoint/cmd.go (the `docker checkpoint` command; last in v29.7.1)"));
        // tags, the release's commit, the comparison, the path's history: the rest are raw reads.
        assertThat(apiRequests()).isEqualTo(4);
    }

    @Test
    void followsACommandFileRenamedInTheNewestReleaseAndCitesItsNewPath() {
        releasesAsToday();
        commandUpTo("v29.7.1");
        stubFile("v29.7.2", DockerChecker.REFERENCE, "checkpoint-reference-experimental.md");
        comparison(FileSpec.renamed(DockerChecker.COMMAND, "cli/command/checkpoint/checkpoint.go", null));
        stubFile("v29.7.2", "cli/command/checkpoint/checkpoint.go", "checkpoint-cmd-experimental.go");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("experimental");
        assertThat(finding.evidence().get(0).url())
                .startsWith("https://github.com/docker/cli/blob/v29.7.2/cli/command/checkpoint/checkpoint.go#L");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.url()).isEqualTo("https://github.com/docker/cli/compare/v29.7.1...v29.7.2");
            assertThat(e.quote()).isEqualTo("cli/command/checkpoint/cmd.go was renamed to cli/command/checkpoint/checkpoint.go");
        });
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.REMOVED);
    }

    @Test
    void aFailingComparisonLeavesTheEntryUnverifiedNeverDropped() {
        releasesAsToday();
        stubFile("v29.7.2", DockerChecker.REFERENCE, null);
        commandUpTo("v29.7.1");
        server.onGet(COMPARE).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("v29.7.2 has no cli/command/checkpoint/cmd.go, and its history does not show it removed")
                .contains("compare/v29.7.1...v29.7.2").contains("500"));
    }

    @Test
    void unverifiedAsOutOfDateWhenNoReleaseNorTheKnownOneHasTheCommand() {
        releasesAsToday();
        stubFile("v29.7.2", DockerChecker.REFERENCE, null);
        commandUpTo("none");
        stubFile(DockerChecker.KNOWN_RELEASE, DockerChecker.COMMAND, null); // overrides: the known release lost it too

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("the probe is out of date"));
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void canaryHoldsAtTheKnownRelease() {
        server.onGet(RAW + DockerChecker.KNOWN_RELEASE + "/" + DockerChecker.COMMAND)
                .text(fixture("checkpoint-cmd-v20.10.0.go"));

        assertThat(checker.canaries()).singleElement()
                .satisfies(c -> assertThat(c.check(server.context()).held()).isTrue());
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(TAGS).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("503"));
    }

    @Test
    void unverifiedWhenARawFileFails() {
        releasesAsToday();
        server.onGet(RAW + "v29.7.2/" + DockerChecker.COMMAND).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("cmd.go").contains("500"));
    }

    @Test
    void unverifiedWhenThereAreNoReleaseTags() {
        server.onGet(TAGS).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no vX.Y.Z release tags"));
    }

    @Test
    void isFoundByServiceLoaderUnderItsFolderNameAndCoversItsHeadings() {
        assertThat(ServiceLoader.load(Checker.class))
                .anySatisfy(c -> {
                    assertThat(c).isInstanceOf(DockerChecker.class);
                    assertThat(c.id()).isEqualTo("docker");
                });
        for (String heading : List.of("Docker")) {
            assertThat(HeadingMatcher.matches(heading, checker.covers())).as(heading).isTrue();
        }
        assertThat(HeadingMatcher.matches("Podman", checker.covers())).isFalse();
    }
}
