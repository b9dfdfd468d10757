package org.criu.status.core.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.IoFailure;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHubClient against the answers GitHub really gives: data, nothing, errors, limits, odd bodies, moves. */
class GitHubClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String REPO = "checkpoint-restore/criu";
    private static final String TAGS = "https://api.github.com/repos/checkpoint-restore/criu/tags?per_page=100";
    private static final String SHA_42 = "3c7d4fa013297b431da48eff821db7f2e8b90c27";
    private static final String COMMIT_42 = "https://api.github.com/repos/checkpoint-restore/criu/commits/" + SHA_42;
    private static final List<TagSpec> CRIU_TAGS = List.of(new TagSpec("v4.2", SHA_42),
            new TagSpec("v4.1.1", "a44aa6d985472d995d04fef7eae22d63c7500f8c"),
            new TagSpec("v4.1", "b6059ff193a9b0dff98e997134d662c3ccfd1600"));

    private GitHubClient github() {
        return server.context().github();
    }

    private static String fixture(String name) {
        return SourceServer.fixture(GitHubClientTest.class, name);
    }

    @Test
    void readsTagsAndAsksLikeGitHubWants() throws Exception {
        server.onGet(TAGS).json(GitHubFixtures.tags(REPO, CRIU_TAGS));

        List<GitHubClient.Tag> tags = github().tags(REPO, 1);

        assertThat(tags).extracting(GitHubClient.Tag::name).containsExactly("v4.2", "v4.1.1", "v4.1");
        assertThat(tags.get(0).sha()).isEqualTo(SHA_42);
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("User-Agent", equalTo(Http.USER_AGENT))
                .withHeader("Authorization", absent()));
    }

    @Test
    void readsACommitWithItsCommitterDate() throws Exception {
        server.onGet(COMMIT_42).json(GitHubFixtures.commit(REPO, SHA_42, "2025-11-13T08:49:59-08:00", "criu: Version 4.2"));

        GitHubClient.Commit commit = github().commit(REPO, SHA_42).orElseThrow();

        assertThat(commit.date()).isEqualTo(Instant.parse("2025-11-13T16:49:59Z"));
        assertThat(commit.message()).isEqualTo("criu: Version 4.2");
        assertThat(commit.htmlUrl()).isEqualTo("https://github.com/checkpoint-restore/criu/commit/" + SHA_42);
    }

    @Test
    void anEmptyTagListIsNoTags() throws Exception {
        server.onGet(TAGS).json("[]");

        assertThat(github().tags(REPO, 3)).isEmpty();
    }

    @Test
    void aMissingRepositoryIsEmptyNotAFailure() throws Exception {
        server.onGet("https://api.github.com/repos/checkpoint-restore/nope").notFound();
        server.onGet("https://api.github.com/repos/checkpoint-restore/nope/tags?per_page=100").notFound();
        server.onGet("https://api.github.com/repos/checkpoint-restore/nope/commits/v1").notFound();
        server.onGet("https://raw.githubusercontent.com/checkpoint-restore/nope/v1/README.md").status(404);

        GitHubClient github = github();
        assertThat(github.repository("checkpoint-restore/nope")).isEmpty();
        assertThat(github.tags("checkpoint-restore/nope", 1)).isEmpty();
        assertThat(github.commit("checkpoint-restore/nope", "v1")).isEmpty();
        assertThat(github.file("checkpoint-restore/nope", "v1", "README.md")).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedWithGrowingPausesThenFailsNamingTheUrl() {
        server.onGet(TAGS).status(500);

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + TAGS + " answered HTTP 500 (after 3 attempts)")
                .satisfies(e -> assertThat(((SourceException) e).url()).isEqualTo(TAGS));
        assertThat(server.requestsFor(TAGS)).isEqualTo(3);
        assertThat(server.sleeps()).hasSize(2);
        assertThat(server.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(server.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aServerErrorThatPassesIsInvisible() throws Exception {
        server.wireMock().stubFor(get(urlEqualTo(server.pathFor(TAGS))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>")));
        server.wireMock().stubFor(get(urlEqualTo(server.pathFor(TAGS))).inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(GitHubFixtures.tags(REPO, CRIU_TAGS))));

        assertThat(github().tags(REPO, 1)).hasSize(3);
        assertThat(server.requestsFor(TAGS)).isEqualTo(2);
        assertThat(server.sleeps()).hasSize(1);
    }

    @Test
    void aShortRetryAfterOn429IsWaitedOutExactly() throws Exception {
        server.wireMock().stubFor(get(urlEqualTo(server.pathFor(TAGS))).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")));
        server.wireMock().stubFor(get(urlEqualTo(server.pathFor(TAGS))).inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(GitHubFixtures.tags(REPO, CRIU_TAGS))));

        assertThat(github().tags(REPO, 1)).hasSize(3);
        assertThat(server.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterPastTheBoundFailsAtOnceSayingSo() {
        server.onGet(TAGS).respond(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + TAGS + " answered HTTP 429 asking to retry after 120 s (Retry-After), "
                        + "longer than the 10 s a run waits");
        assertThat(server.requestsFor(TAGS)).isEqualTo(1);
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void aSpentRateLimitStopsTheApiForTheRunButNotRawFiles() throws Exception {
        server.onGet(TAGS).gitHubRateLimited(SourceServer.NOW.plus(Duration.ofMinutes(47)));
        server.onGet("https://raw.githubusercontent.com/checkpoint-restore/criu/v4.2/Makefile.versions")
                .text("CRIU_VERSION_MAJOR\t:= 4\nCRIU_VERSION_MINOR\t:= 2\n");
        GitHubClient github = github();

        String expected = "GitHub rate limit exhausted until 12:47 UTC; set GITHUB_TOKEN for 5,000 requests an hour";
        assertThatThrownBy(() -> github.tags(REPO, 1)).isInstanceOf(SourceException.class).hasMessage(expected);
        assertThatThrownBy(() -> github.commit(REPO, SHA_42)).isInstanceOf(SourceException.class)
                .hasMessage(expected);
        assertThat(github.file(REPO, "v4.2", "Makefile.versions")).hasValueSatisfying(
                text -> assertThat(text).contains("CRIU_VERSION_MINOR"));
        assertThat(server.requestsFor(TAGS)).isEqualTo(1);
        assertThat(server.requestsFor(COMMIT_42)).isZero();
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void theLastRequestOfTheHourStillCountsAndTheNextOneFailsAtOnce() throws Exception {
        server.onGet(TAGS).json(GitHubFixtures.tags(REPO, CRIU_TAGS), Map.of("X-RateLimit-Limit", "60",
                "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(SourceServer.NOW.plus(Duration.ofMinutes(5)).getEpochSecond())));
        GitHubClient github = github();

        assertThat(github.tags(REPO, 1)).hasSize(3);
        assertThatThrownBy(() -> github.commit(REPO, SHA_42)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GitHub rate limit exhausted until 12:05 UTC");
        assertThat(server.requestsFor(COMMIT_42)).isZero();
    }

    @Test
    void malformedJsonIsAFailureNotAnEmptyList() {
        server.onGet(TAGS).json("[{\"name\":\"v4.2\",\"commit\":{\"sha\":\"3c7d4fa0\"}},,]");

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + TAGS + " returned malformed JSON");
    }

    @Test
    void aBodyCutOffMidJsonIsAFailure() {
        String whole = GitHubFixtures.tags(REPO, CRIU_TAGS);
        server.onGet(TAGS).json(whole.substring(0, whole.length() / 2));

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + TAGS + " returned malformed JSON");
    }

    @Test
    void anHtmlErrorPageServedWith200IsNotData() {
        server.onGet(TAGS).html(fixture("unicorn.html"));

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + TAGS + " returned an HTML page (text/html), not JSON");
    }

    @Test
    void anObjectWhereAListBelongsIsAFailure() {
        server.onGet(TAGS).json("{\"message\":\"Server Error\"}");

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + TAGS + " returned JSON that is not a list");
    }

    @Test
    void aTruncatedChunkedBodyIsRetriedThenFails() {
        server.onGet(TAGS).fault(Fault.MALFORMED_RESPONSE_CHUNK);

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + TAGS + " failed: ")
                .hasMessageEndingWith("(after 3 attempts)");
        assertThat(server.sleeps()).hasSize(2);
    }

    @Test
    void aConnectionResetIsRetriedThenFails() {
        server.onGet(TAGS).fault(Fault.CONNECTION_RESET_BY_PEER);

        assertThatThrownBy(() -> github().tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET " + TAGS + " failed: ")
                .hasMessageEndingWith("(after 3 attempts)");
        assertThat(server.requestsFor(TAGS)).isGreaterThanOrEqualTo(3);
        assertThat(server.sleeps()).hasSize(2);
    }

    @Test
    void aStalledResponseTimesOutWithoutRetrying() throws Exception {
        server.onGet(TAGS).stall();
        GitHubClient github = new GitHubClient(new SourceHttp(
                Http.client(server.httpOptions().withTimeout(Duration.ofMillis(300)))));

        assertThatThrownBy(() -> github.tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + TAGS + " failed: timed out")
                .satisfies(e -> assertThat(IoFailure.isTimeout((java.io.IOException) e.getCause())).isTrue());
        // WireMock logs a request only once it has answered, so "not retried" is read off the sleeper.
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void aBodyDribblingInSlowerThanTheTimeoutFails() throws Exception {
        server.trickling("https://api.github.com", GitHubFixtures.tags(REPO, CRIU_TAGS));
        GitHubClient github = new GitHubClient(new SourceHttp(
                Http.client(server.httpOptions().withTimeout(Duration.ofMillis(300)))));

        assertThatThrownBy(() -> github.tags(REPO, 1))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + TAGS + " failed: timed out")
                .satisfies(e -> assertThat(IoFailure.isTimeout((java.io.IOException) e.getCause())).isTrue());
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutTheToken() throws Exception {
        String tarball = "https://api.github.com/repos/checkpoint-restore/criu/tarball/v4.2";
        String codeload = "https://codeload.github.com/checkpoint-restore/criu/legacy.tar.gz/refs/tags/v4.2";
        server.origin("https://codeload.github.com").env(Map.of("GITHUB_TOKEN", "ghp_secret123"));
        server.onGet(tarball).respond(aResponse().withStatus(302).withHeader("Location", codeload));
        server.onGet(codeload).respond(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-gzip").withBody("tarball bytes"));

        Optional<SourceHttp.Page> page = server.context().http().get(tarball, Map.of());

        assertThat(page).hasValueSatisfying(p -> assertThat(p.body()).isEqualTo("tarball bytes"));
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(tarball)))
                .withHeader("Authorization", equalTo("Bearer ghp_secret123")));
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(codeload)))
                .withHeader("Authorization", absent()));
    }

    @Test
    void aMovedRepositoryIsFollowedToItsNewName() throws Exception {
        server.onGet("https://api.github.com/repos/docker/docker").respond(aResponse().withStatus(301)
                .withHeader("Location", "https://api.github.com/repositories/7691631")
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture("repository-moved.json")));
        server.onGet("https://api.github.com/repositories/7691631").json(fixture("repository-moby.json"));

        GitHubClient.Repository repo = github().repository("docker/docker").orElseThrow();

        assertThat(repo.fullName()).isEqualTo("moby/moby");
        assertThat(repo.htmlUrl()).isEqualTo("https://github.com/moby/moby");
        assertThat(repo.defaultBranch()).isEqualTo("master");
        assertThat(repo.pushedAt()).contains(Instant.parse("2026-08-21T21:03:11Z"));
    }

    @Test
    void aDirectoryAtTheDefaultBranchIsReadUnderTheRepositorysCurrentName() throws Exception {
        server.onGet("https://api.github.com/repos/docker/docker").respond(aResponse().withStatus(301)
                .withHeader("Location", "https://api.github.com/repositories/7691631")
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture("repository-moved.json")));
        server.onGet("https://api.github.com/repositories/7691631").json(fixture("repository-moby.json"));
        server.onGet("https://api.github.com/repos/moby/moby/contents/daemon?ref=master").json("""
                [{"name":"checkpoint.go","path":"daemon/checkpoint.go","type":"file","sha":"a1b2"},
                 {"name":"cluster","path":"daemon/cluster","type":"dir","sha":"c3d4"}]""");

        GitHubClient.BranchDirectory dir = github().directoryAtDefaultBranch("docker/docker", "daemon").orElseThrow();

        assertThat(dir.repo()).isEqualTo("moby/moby");
        assertThat(dir.branch()).isEqualTo("master");
        assertThat(dir.entries()).extracting(GitHubClient.Entry::name).containsExactly("checkpoint.go", "cluster");
    }

    @Test
    void aDirectoryAtTheDefaultBranchIsEmptyWhenTheRepositoryOrTheDirectoryIsMissing() throws Exception {
        server.onGet("https://api.github.com/repos/nobody/nothing").notFound();
        server.onGet("https://api.github.com/repos/moby/moby").json(fixture("repository-moby.json"));
        server.onGet("https://api.github.com/repos/moby/moby/contents/gone?ref=master").notFound();

        assertThat(github().directoryAtDefaultBranch("nobody/nothing", "src")).isEmpty();
        assertThat(github().directoryAtDefaultBranch("moby/moby", "gone")).isEmpty();
    }

    @Test
    void linkPaginationWithGitHubsOwnUrlsGoesThroughTheOriginRewrite() throws Exception {
        String page2 = "https://api.github.com/repositories/29066694/tags?per_page=100&page=2";
        server.onGet(TAGS).json(GitHubFixtures.tags(REPO, CRIU_TAGS.subList(0, 2)), Map.of("Link",
                "<" + page2 + ">; rel=\"next\", <" + page2 + ">; rel=\"last\""));
        server.onGet(page2).json(GitHubFixtures.tags(REPO, CRIU_TAGS.subList(2, 3)), Map.of("Link",
                "<https://api.github.com/repositories/29066694/tags?per_page=100&page=1>; rel=\"prev\", "
                        + "<https://api.github.com/repositories/29066694/tags?per_page=100&page=1>; rel=\"first\""));

        List<GitHubClient.Tag> tags = github().tags(REPO, 5);

        assertThat(tags).extracting(GitHubClient.Tag::name).containsExactly("v4.2", "v4.1.1", "v4.1");
        assertThat(server.requestsFor(page2)).isEqualTo(1);
    }

    @Test
    void linkPaginationWithTheMirrorsOwnUrlsIsMappedBack() throws Exception {
        String page2 = "https://api.github.com/repositories/29066694/tags?per_page=100&page=2";
        String wirePage2 = server.wireMock().baseUrl() + server.pathFor(page2);
        server.onGet(TAGS).json(GitHubFixtures.tags(REPO, CRIU_TAGS.subList(0, 2)),
                Map.of("Link", "<" + wirePage2 + ">; rel=\"next\""));
        server.onGet(page2).json(GitHubFixtures.tags(REPO, CRIU_TAGS.subList(2, 3)));

        assertThat(github().tags(REPO, 5)).hasSize(3);
    }

    @Test
    void paginationStopsAtMaxPages() throws Exception {
        String page2 = "https://api.github.com/repositories/29066694/tags?per_page=100&page=2";
        server.onGet(TAGS).json(GitHubFixtures.tags(REPO, CRIU_TAGS.subList(0, 2)),
                Map.of("Link", "<" + page2 + ">; rel=\"next\""));

        assertThat(github().tags(REPO, 1)).hasSize(2);
        assertThat(server.requestsFor(page2)).isZero();
    }

    @Test
    void aCommitWithoutItsCommitObjectIsASourceFailureNotANullPointer() {
        server.onGet(COMMIT_42).json("{\"sha\":\"" + SHA_42 + "\",\"html_url\":\"https://github.com/" + REPO
                + "/commit/" + SHA_42 + "\"}");

        assertThatThrownBy(() -> github().commit(REPO, SHA_42))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + COMMIT_42 + " returned a commit without \"commit\"");
    }

    @Test
    void aCommitWithoutAnyDateIsASourceFailure() {
        server.onGet(COMMIT_42).json("{\"sha\":\"" + SHA_42 + "\",\"html_url\":\"https://github.com/x\","
                + "\"commit\":{\"message\":\"m\",\"author\":{\"name\":\"a\"},\"committer\":null}}");

        assertThatThrownBy(() -> github().commit(REPO, SHA_42))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + COMMIT_42 + " returned a commit without \"commit.committer.date\"");
    }

    @Test
    void aRepositoryBodyWithoutItsNameIsASourceFailure() {
        server.onGet("https://api.github.com/repos/docker/docker").json(fixture("repository-moved.json"));

        assertThatThrownBy(() -> github().repository("docker/docker"))
                .isInstanceOf(SourceException.class)
                .hasMessageEndingWith("returned a repository without \"full_name\"");
    }

    @Test
    void nullsInsideAListAreASourceFailure() {
        server.onGet(TAGS).json("[null]");
        server.onGet("https://api.github.com/repos/checkpoint-restore/criu/releases?per_page=100")
                .json("[{\"name\":\"CRIU 4.2\",\"draft\":false}]");

        assertThatThrownBy(() -> github().tags(REPO, 1)).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("returned a list with a null entry");
        assertThatThrownBy(() -> github().releases(REPO, 1)).isInstanceOf(SourceException.class)
                .hasMessageEndingWith("returned a release without \"tag_name\"");
    }

    @Test
    void aSearchResultWithoutItemsIsASourceFailure() {
        String url = "https://api.github.com/search/issues?per_page=100&q=repo%3Asystemd%2Fsystemd+criu";
        server.onGet(url).json("{\"total_count\":0,\"incomplete_results\":false}");

        assertThatThrownBy(() -> github().searchIssues("repo:systemd/systemd criu"))
                .isInstanceOf(SourceException.class)
                .hasMessageEndingWith("returned a search result without \"items\"");
    }

    // History: comparisons, a path's commits, one commit's files, and where a branch points.

    private static final GitHubFixtures.CommitSpec BASE = new GitHubFixtures.CommitSpec(SHA_42,
            "2025-11-13T08:49:59-08:00", "criu: Version 4.2", "a44aa6d985472d995d04fef7eae22d63c7500f8c");

    @Test
    void readsAComparisonWithItsFilesRenamesAndMergeBase() throws Exception {
        String url = "https://api.github.com/repos/checkpoint-restore/criu/compare/v4.2...v4.3";
        server.onGet(url).json(GitHubFixtures.compare(REPO, "v4.2", "v4.3", BASE, List.of(
                new GitHubFixtures.CommitSpec("b".repeat(40), "2026-01-05T10:00:00Z", "criu: Version 4.3", SHA_42)),
                List.of(GitHubFixtures.FileSpec.renamed("criu/cr-check.c", "criu/check.c", null),
                        GitHubFixtures.FileSpec.removed("scripts/old.sh", "@@ -1 +0,0 @@\n-echo\n"))));

        GitHubClient.Comparison c = github().compare(REPO, "v4.2", "v4.3").orElseThrow();

        assertThat(c.htmlUrl()).isEqualTo("https://github.com/checkpoint-restore/criu/compare/v4.2...v4.3");
        assertThat(c.mergeBaseDate()).contains(Instant.parse("2025-11-13T16:49:59Z"));
        assertThat(c.totalCommits()).isEqualTo(1);
        assertThat(c.filesCut()).isFalse();
        assertThat(c.files()).containsExactly(
                new GitHubClient.FileChange("criu/check.c", "renamed", Optional.of("criu/cr-check.c"), Optional.empty()),
                new GitHubClient.FileChange("scripts/old.sh", "removed", Optional.empty(),
                        Optional.of("@@ -1 +0,0 @@\n-echo\n")));
    }

    @Test
    void aComparisonListingThreeHundredFilesMayBeCut() throws Exception {
        String url = "https://api.github.com/repos/checkpoint-restore/criu/compare/v4.2...v4.3";
        List<GitHubFixtures.FileSpec> files = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(GitHubFixtures.FileSpec.modified("f" + i, null));
        }
        server.onGet(url).json(GitHubFixtures.compare(REPO, "v4.2", "v4.3", BASE, List.of(), files));

        assertThat(github().compare(REPO, "v4.2", "v4.3").orElseThrow().filesCut()).isTrue();
    }

    @Test
    void readsThePathsHistoryWithParents() throws Exception {
        server.onGet("https://api.github.com/repos/checkpoint-restore/criu/commits?sha=v4.2&path=criu%2Fcr-check.c"
                + "&per_page=100").json(GitHubFixtures.history(REPO, List.of(BASE)));

        List<GitHubClient.HistoryCommit> history = github().commitsTouching(REPO, "v4.2", "criu/cr-check.c",
                Optional.empty(), 100);

        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.commit().sha()).isEqualTo(SHA_42);
            assertThat(h.parents()).containsExactly("a44aa6d985472d995d04fef7eae22d63c7500f8c");
        });
    }

    @Test
    void findsWhereABranchPointsFromItsFeedWithoutAnApiRequest() throws Exception {
        server.onGet("https://github.com/open-mpi/ompi/commits/main.atom").atom(GitHubFixtures.commitsFeed(
                "open-mpi/ompi", "main", List.of(new GitHubFixtures.CommitSpec("8efebee745e15516a7f5f1f295df86c78014c76c",
                        "2026-08-21T08:27:09-05:00", "Merge pull request #13420 from dev/topic", SHA_42))));

        GitHubClient.BranchHead head = github().branchHead("open-mpi/ompi", "main").orElseThrow();

        assertThat(head.sha()).isEqualTo("8efebee745e15516a7f5f1f295df86c78014c76c");
        assertThat(head.blobUrl("README.md"))
                .isEqualTo("https://github.com/open-mpi/ompi/blob/8efebee745e15516a7f5f1f295df86c78014c76c/README.md");
        assertThat(server.requests()).noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @Test
    void asksTheApiForTheBareShaWhenTheFeedFails() throws Exception {
        server.onGet("https://github.com/open-mpi/ompi/commits/main.atom").html("<html><body>Unicorn!</body></html>");
        server.onGet("https://api.github.com/repos/open-mpi/ompi/commits/main")
                .text("8efebee745e15516a7f5f1f295df86c78014c76c");

        GitHubClient.BranchHead head = github().branchHead("open-mpi/ompi", "main").orElseThrow();

        assertThat(head.sha()).isEqualTo("8efebee745e15516a7f5f1f295df86c78014c76c");
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor("https://api.github.com/repos/open-mpi/ompi/commits/main")))
                .withHeader("Accept", equalTo("application/vnd.github.sha")));
    }

    @Test
    void anApiAnswerThatIsNoShaFailsTheSource() {
        server.onGet("https://github.com/open-mpi/ompi/commits/main.atom").notFound();
        server.onGet("https://api.github.com/repos/open-mpi/ompi/commits/main").json("{\"sha\":\"x\"}");

        assertThatThrownBy(() -> github().branchHead("open-mpi/ompi", "main"))
                .isInstanceOf(SourceException.class).hasMessageContaining("no commit SHA");
    }
}
