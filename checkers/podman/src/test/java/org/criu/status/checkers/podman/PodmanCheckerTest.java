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

    @Test
    void suggestsDroppedWhenTheNewestReleaseHasNoCheckpointManPage() {
        releasesAsToday();
        server.onGet(RAW + MAN_PAGE).notFound();
        server.onGet(RAW + MAN_PAGE + ".in").notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        Evidence removed = finding.evidence().get(0);
        assertThat(removed.signal()).isEqualTo(Signal.REMOVED);
        assertThat(removed.url()).isEqualTo("https://github.com/" + HOME + "/tree/v5.8.2/docs/source/markdown");
        assertThat(removed.quote()).startsWith("v5.8.2: no podman-container-checkpoint man page");
        assertThat(removed.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-04-14"));
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
