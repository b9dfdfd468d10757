package org.criu.status.checkers.subgraphos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fixtures: both repositories (pushed_at = their last commits, 2017-11-19 and 2019-04-02), their READMEs
 * trimmed to the first sections, and an empty issue search.
 * Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it.
 */
class SubgraphOsCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String OZ = "https://api.github.com/repos/subgraph/oz";
    private static final String CITADEL = "https://api.github.com/repos/subgraph/citadel";
    private static final String SEARCH = "https://api.github.com/search/issues?per_page=100&q="
            + "criu+repo%3Asubgraph%2Foz+repo%3Asubgraph%2Fcitadel";
    private static final Integration PAGE_ENTRY = entry("Subgraph OS", "not started",
            "Subgraph OS is a desktop operation system uses containers for users applications.");

    private final SubgraphOsChecker checker = new SubgraphOsChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(SubgraphOsCheckerTest.class, name);
    }

    private void repositories(String oz, String citadel) {
        server.onGet(OZ).json(oz);
        server.onGet(CITADEL).json(citadel);
    }

    /** The commits the default branches point at (the repositories' git history): READMEs are read there. */
    private static final String OZ_HEAD = "b9675452f7123b2f6a9d379308568f144ab03720";
    private static final String CITADEL_HEAD = "7e4beaa3498433100ecaf9595c4227556a7ef42c";

    private void readmes(String oz, String citadel) {
        readmes(OZ_HEAD, oz, citadel);
    }

    private void readmes(String ozHead, String oz, String citadel) {
        server.onGet("https://github.com/subgraph/oz/commits/master.atom").atom(GitHubFixtures.commitsFeed("subgraph/oz",
                "master", List.of(new GitHubFixtures.CommitSpec(ozHead, "2017-11-19T14:25:22+00:00",
                        "Merge pull request #41 from subgraph/dev", "0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3"))));
        server.onGet("https://github.com/subgraph/citadel/commits/master.atom").atom(GitHubFixtures.commitsFeed(
                "subgraph/citadel", "master", List.of(new GitHubFixtures.CommitSpec(CITADEL_HEAD,
                        "2019-04-02T16:14:08-04:00", "Update README", "1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4"))));
        server.onGet("https://raw.githubusercontent.com/subgraph/oz/" + ozHead + "/README.md").notFound();
        server.onGet("https://raw.githubusercontent.com/subgraph/oz/" + ozHead + "/README.mdwn").text(oz);
        server.onGet("https://raw.githubusercontent.com/subgraph/citadel/" + CITADEL_HEAD + "/README.md").text(citadel);
    }

    private static String archived(String repository) {
        return repository.replace("\"archived\": false", "\"archived\": true");
    }

    @Test
    void confirmsNotStartedAndCitesTheYearsOfSilenceAsContextOnly() {
        repositories(fixture("repository-oz.json"), fixture("repository-citadel.json"));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).json(fixture("search-issues-none.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.MEDIUM);
        assertThat(finding.evidence()).filteredOn(e -> e.signal() == Signal.ABSENT).extracting(Evidence::url)
                .containsExactlyInAnyOrder("https://github.com/subgraph/oz/blob/" + OZ_HEAD + "/README.mdwn",
                        "https://github.com/subgraph/citadel/blob/" + CITADEL_HEAD + "/README.md",
                        "https://github.com/search?q=criu+repo%3Asubgraph%2Foz+repo%3Asubgraph%2Fcitadel&type=issues");
        assertThat(finding.evidence()).filteredOn(e -> e.signal() == Signal.CONTEXT).extracting(Evidence::quote)
                .containsExactly("subgraph/oz: last push 2017-11-19, head b9675452f712, not archived",
                        "subgraph/citadel: last push 2019-04-02, head 7e4beaa34984, not archived");
        assertThat(finding.evidence()).filteredOn(e -> e.signal() == Signal.CONTEXT).extracting(Evidence::url)
                .containsExactly("https://github.com/subgraph/oz/commit/" + OZ_HEAD,
                        "https://github.com/subgraph/citadel/commit/" + CITADEL_HEAD);
        long apiRequests = server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
        assertThat(apiRequests).isEqualTo(3);
    }

    @Test
    void aQuietRepositoryAloneDoesNotDemote() {
        repositories(fixture("repository-oz.json"), fixture("repository-citadel.json"));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).json(fixture("search-issues-none.json"));

        Finding finding = server.finding(checker, entry("Subgraph OS", "started"));

        // Nothing names the feature; years of silence alone must not turn "started" into stalled or dropped.
        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.PROJECT_ENDED || e.signal() == Signal.INACTIVE);
    }

    @Test
    void suggestsDroppedWhenEveryPartOfTheProjectIsArchived() {
        repositories(archived(fixture("repository-oz.json")), archived(fixture("repository-citadel.json")));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).json(fixture("search-issues-none.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.PROJECT_ENDED);
        assertThat(finding.evidence().get(0).quote()).contains("is archived");
    }

    @Test
    void oneArchivedPartWhileAnotherGoesOnIsOnlyContext() {
        repositories(archived(fixture("repository-oz.json")), fixture("repository-citadel.json"));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).json(fixture("search-issues-none.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.quote()).isEqualTo("subgraph/oz is archived (read-only) on GitHub");
        });
    }

    @Test
    void suggestsDroppedWhenTheReadmesSayTheProjectEnded() {
        repositories(fixture("repository-oz.json"), fixture("repository-citadel.json"));
        // A later commit says so; the README of 2017 (the canary's fact) still reads as it did.
        readmes("d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d", "# Oz\n\n**End of project**: Oz is no longer maintained.\n",
                "# Citadel\n\nThis project is no longer maintained.\n");
        server.onGet("https://raw.githubusercontent.com/subgraph/oz/" + OZ_HEAD + "/README.mdwn")
                .text(fixture("readme-oz.mdwn"));
        server.onGet(SEARCH).json(fixture("search-issues-none.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).url()).endsWith("#L3");
    }

    @Test
    void suggestsStalledWhenAnOldPullRequestWorkedOnCriu() {
        repositories(fixture("repository-oz.json"), fixture("repository-citadel.json"));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).json(fixture("search-issues-hypothetical-pr.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.error()).isEmpty();
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STALLED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/subgraph/oz/pull/9999");
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(OZ).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(OZ).contains("500"));
    }

    @Test
    void unverifiedWhenTheIssueSearchIsRateLimited() {
        repositories(fixture("repository-oz.json"), fixture("repository-citadel.json"));
        readmes(fixture("readme-oz.mdwn"), fixture("readme-citadel.md"));
        server.onGet(SEARCH).status(403);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("search/issues").contains("403"));
    }

    @Test
    void serviceLoaderFindsItUnderItsFolderName() {
        assertThat(ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(c -> c instanceof SubgraphOsChecker).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(Path.of("").toAbsolutePath().getFileName().toString()));
    }
}
