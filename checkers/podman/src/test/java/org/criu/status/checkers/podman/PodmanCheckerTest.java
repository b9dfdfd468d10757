package org.criu.status.checkers.podman;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
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

class PodmanCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String OLD_NAME = "https://api.github.com/repos/containers/podman";
    private static final String BY_ID = "https://api.github.com/repositories/109145553";
    private static final String HOME = "podman-container-tools/podman";
    private static final String RELEASES = "https://api.github.com/repos/" + HOME + "/releases?per_page=100";
    private static final String RAW = "https://raw.githubusercontent.com/" + HOME + "/v5.8.2/";
    private static final String MAN_PAGE = "docs/source/markdown/podman-container-checkpoint.1.md";
    private static final Integration PAGE_ENTRY = entry("Podman", "ready");

    private final PodmanChecker checker = new PodmanChecker();

    /** GitHub answers the old name with a 301 to the repository's id; the client must follow it. */
    private void repositoryMoved(String repositoryJson) {
        server.onGet(OLD_NAME).respond(aResponse().withStatus(301)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Location", BY_ID)
                .withBody(fixture("repository-moved.json")));
        server.onGet(BY_ID).json(repositoryJson);
    }

    private void releasesAsToday() {
        repositoryMoved(fixture("repository-ok.json"));
        server.onGet(RELEASES).json(fixture("releases-ok.json"));
        server.onGet(RAW + "RELEASE_NOTES.md").text(fixture("release-notes.md"));
    }

    private static String fixture(String name) {
        return SourceServer.fixture(PodmanCheckerTest.class, name);
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void confirmsReadyFromTheNewestReleaseAtTheRepositorysNewHome() {
        releasesAsToday();
        server.onGet(RAW + MAN_PAGE).text(fixture("checkpoint-man-page.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence man = finding.evidence().get(0);
        assertThat(man.url()).isEqualTo("https://github.com/" + HOME + "/blob/v5.8.2/" + MAN_PAGE);
        assertThat(man.quote()).startsWith("v5.8.2 ships");
        assertThat(man.excerpt()).contains("podman-container-checkpoint - Checkpoints one or more running containers");
        assertThat(man.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-04-14"));
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.url()).isEqualTo("https://github.com/" + HOME + "/blob/v5.8.2/RELEASE_NOTES.md#L499");
            assertThat(e.excerpt()).hasValueSatisfying(x -> assertThat(x).startsWith("Fixed a bug where the `/etc/hosts`"));
        });
        // The redirect was followed: old name once, then the repository by id; 3 API requests in all.
        assertThat(server.requestsFor(OLD_NAME)).isEqualTo(1);
        assertThat(server.requestsFor(BY_ID)).isEqualTo(1);
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void suggestsReadyWhenThePageSaysStalled() {
        releasesAsToday();
        server.onGet(RAW + MAN_PAGE).text(fixture("checkpoint-man-page.md"));

        Finding finding = server.finding(checker, entry("Podman", "stalled"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
    }

    private static final List<String> RELEASE_TAGS = List.of("v5.8.2", "v5.8.1", "v5.8.0", "v5.7.1", "v5.7.0", "v5.6.2",
            "v5.6.1", "v5.6.0", "v5.5.2", "v5.5.1", "v5.5.0", "v5.4.2", "v5.4.1", "v5.4.0", "v5.3.2", "v5.3.1", "v5.3.0");
    private static final String COMPARE = "https://api.github.com/repos/" + HOME + "/compare/v5.8.1...v5.8.2";
    private static final CommitSpec V5_8_1 = new CommitSpec("c0f1e2d3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d",
            "2026-03-11T14:00:00-04:00", "Bump to v5.8.1", "d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e");

    /** The man page at every release: there up to {@code lastWith}, gone after it; and at the known v4.0.0. */
    private void manPageUpTo(String lastWith) {
        boolean gone = true;
        for (String tag : RELEASE_TAGS) {
            if (tag.equals(lastWith)) {
                gone = false;
            }
            String raw = "https://raw.githubusercontent.com/" + HOME + "/" + tag + "/" + MAN_PAGE;
            if (gone) {
                server.onGet(raw).notFound();
            } else {
                server.onGet(raw).text(fixture("checkpoint-man-page.md"));
            }
        }
        server.onGet("https://raw.githubusercontent.com/" + HOME + "/v4.0.0/" + MAN_PAGE).text(fixture("checkpoint-man-page.md"));
        server.onGet(RAW + MAN_PAGE + ".in").notFound();
    }

    private void comparison(FileSpec... files) {
        server.onGet(COMPARE).json(GitHubFixtures.compare(HOME, "v5.8.1", "v5.8.2", V5_8_1, List.of(new CommitSpec(
                "5b263b5f5b48004a87caac44e67349a8266d9ef4", "2026-04-13T18:06:58-04:00", "Bump to v5.8.2", V5_8_1.sha())),
                List.of(files)));
    }

    @Test
    void suggestsDroppedCitingTheCommitThatDeletedTheCheckpointManPage() {
        releasesAsToday();
        manPageUpTo("v5.8.1");
        comparison(FileSpec.removed(MAN_PAGE, "@@ -1,4 +0,0 @@\n-% podman-container-checkpoint(1)\n-\n-## NAME\n"
                + "-podman\\-container\\-checkpoint - Checkpoints one or more running containers\n"));
        String deleting = "8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1";
        server.onGet("https://api.github.com/repos/" + HOME + "/commits?sha=v5.8.2&path="
                + "docs%2Fsource%2Fmarkdown%2Fpodman-container-checkpoint.1.md&since=2026-03-10T18:00:00Z&per_page=100")
                .json(GitHubFixtures.history(HOME, List.of(new CommitSpec(deleting, "2026-03-30T09:00:00-04:00",
                        "Merge pull request #28001 from dev/no-criu\n\nDrop checkpoint/restore", V5_8_1.sha()))));
        server.onGet("https://raw.githubusercontent.com/" + HOME + "/" + deleting + "/" + MAN_PAGE).notFound();
        server.onGet("https://raw.githubusercontent.com/" + HOME + "/" + V5_8_1.sha() + "/" + MAN_PAGE)
                .text(fixture("checkpoint-man-page.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        Evidence removed = finding.evidence().get(0);
        assertThat(removed.signal()).isEqualTo(Signal.REMOVED);
        assertThat(removed.url()).isEqualTo("https://github.com/" + HOME + "/tree/v5.8.2/docs/source/markdown");
        assertThat(removed.quote()).startsWith("v5.8.2: no podman-container-checkpoint man page");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.url()).isEqualTo("https://github.com/" + HOME + "/commit/" + deleting);
        });
        assertThat(finding.evidence()).extracting(Evidence::url).contains("https://github.com/" + HOME + "/pull/28001");
    }

    @Test
    void followsAManPageMovedInADocsRestructure() {
        releasesAsToday();
        manPageUpTo("v5.8.1");
        comparison(FileSpec.renamed(MAN_PAGE, "docs/man/podman-container-checkpoint.1.md", null),
                FileSpec.renamed("docs/source/markdown/podman-container-restore.1.md", "docs/man/podman-container-restore.1.md", null));
        server.onGet(RAW + "docs/man/podman-container-checkpoint.1.md").text(fixture("checkpoint-man-page.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.url())
                .isEqualTo("https://github.com/" + HOME + "/blob/v5.8.2/docs/man/podman-container-checkpoint.1.md"));
    }

    @Test
    void aFailingComparisonNeverCallsTheManPageRemoved() {
        releasesAsToday();
        manPageUpTo("v5.8.1");
        server.onGet(COMPARE).status(502);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("does not show it removed").contains("502"));
    }

    @Test
    void suggestsDroppedWhenTheRepositoryIsArchived() {
        repositoryMoved(fixture("repository-ok.json").replace("\"archived\": false", "\"archived\": true"));
        server.onGet(RELEASES).json(fixture("releases-ok.json"));
        server.onGet(RAW + "RELEASE_NOTES.md").text(fixture("release-notes.md"));
        server.onGet(RAW + MAN_PAGE).text(fixture("checkpoint-man-page.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.PROJECT_ENDED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/" + HOME);
    }

    @Test
    void unverifiedWhenTheRepositoryIsGone() {
        server.onGet(OLD_NAME).notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("containers/podman"));
    }

    @Test
    void unverifiedWithTheUrlWhenTheReleasesFail() {
        repositoryMoved(fixture("repository-ok.json"));
        server.onGet(RELEASES).status(502);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(RELEASES).contains("502"));
    }

    @Test
    void isFoundByServiceLoaderUnderItsFolderNameAndCoversItsHeadings() {
        assertThat(ServiceLoader.load(Checker.class))
                .anySatisfy(c -> {
                    assertThat(c).isInstanceOf(PodmanChecker.class);
                    assertThat(c.id()).isEqualTo("podman");
                });
        for (String heading : List.of("Podman")) {
            assertThat(HeadingMatcher.matches(heading, checker.covers())).as(heading).isTrue();
        }
        assertThat(HeadingMatcher.matches("Docker", checker.covers())).isFalse();
    }
}
