package org.criu.status.checkers.openvz;

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
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class OpenvzCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String REPOSITORY = "https://api.github.com/repos/OpenVZ/vzcriu";
    private static final String TAGS = REPOSITORY + "/tags?per_page=100";
    private static final String SHA_3_18_2_3 = "8122fa41758831a73c51271e9604dc2cbaf87384";
    /** The default branch's head: it stopped in January 2023 while tags went on. */
    private static final String SHA_HEAD = "6fe1b0e0de94fd60820c4dd85cb68e2e60bdad69";
    private static final Integration PAGE_ENTRY = entry("Virtuozzo/OpenVZ", "ready",
            "As of Virtuozzo/OpenVZ 7, CRIU is fully integrated and supported.");

    private final OpenvzChecker checker = new OpenvzChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(OpenvzCheckerTest.class, name);
    }

    private void newestTagDated() {
        server.onGet(REPOSITORY + "/commits/" + SHA_3_18_2_3)
                .json(commit("OpenVZ/vzcriu", SHA_3_18_2_3, "2024-03-25T14:00:26+03:00", "vzcriu: v3.18.2.3"));
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void confirmsReadyFromTheNewestReleaseTagNotTheStaleBranch() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json"));
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        newestTagDated();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence tag = finding.evidence().get(0);
        assertThat(tag.signal()).isEqualTo(Signal.RELEASED);
        assertThat(tag.url()).isEqualTo("https://github.com/OpenVZ/vzcriu/tree/v3.18.2.3");
        assertThat(tag.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2024-03-25"));
        assertThat(tag.quote()).isEqualTo("OpenVZ/vzcriu v3.18.2.3, the newest of 60 release tags");
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void suggestsReadyWhenThePageSaysStarted() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json"));
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        newestTagDated();

        Finding finding = server.finding(checker, entry("OpenVZ", "started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
    }

    @Test
    void suggestsDroppedWhenTheForkIsArchived() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json").replace("\"archived\": false", "\"archived\": true"));
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        newestTagDated();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.PROJECT_ENDED);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("OpenVZ/vzcriu is archived (read-only) on GitHub");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2024-03-25"));
    }

    @Test
    void suggestsStalledWhenThereAreNoReleaseTagsAndTheBranchIsYearsOld() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json"));
        server.onGet(TAGS).json("[]");
        server.onGet(REPOSITORY + "/commits/vz7")
                .json(commit("OpenVZ/vzcriu", SHA_HEAD, "2023-01-24T14:46:47+03:00", "vzcriu: v3.15.5.3"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.error()).isEmpty();
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STALLED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/OpenVZ/vzcriu/commit/" + SHA_HEAD);
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2023-01-24"));
    }

    @Test
    void suggestsStartedWhenThereAreNoReleaseTagsButRecentCommits() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json"));
        server.onGet(TAGS).json("[]");
        server.onGet(REPOSITORY + "/commits/vz7")
                .json(commit("OpenVZ/vzcriu", SHA_HEAD, "2026-06-01T10:00:00+03:00", "vzcriu: rebase"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubRateLimits() {
        server.onGet(REPOSITORY).json(fixture("repository-ok.json"));
        server.onGet(TAGS).status(429);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("429"));
    }

    @Test
    void unverifiedWhenTheRepositoryIsGone() {
        server.onGet(REPOSITORY).notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("OpenVZ/vzcriu"));
    }

    @Test
    void isFoundByServiceLoaderUnderItsFolderNameAndCoversItsHeadings() {
        assertThat(ServiceLoader.load(Checker.class))
                .anySatisfy(c -> {
                    assertThat(c).isInstanceOf(OpenvzChecker.class);
                    assertThat(c.id()).isEqualTo("openvz");
                });
        for (String heading : List.of("Virtuozzo/OpenVZ", "OpenVZ")) {
            assertThat(HeadingMatcher.matches(heading, checker.covers())).as(heading).isTrue();
        }
        assertThat(HeadingMatcher.matches("LXC/LXD", checker.covers())).isFalse();
    }
}
