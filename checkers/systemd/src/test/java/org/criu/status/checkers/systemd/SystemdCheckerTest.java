package org.criu.status.checkers.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.SourceServer.entry;

import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.testkit.SourceServer;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Today's fixture is the real search answer trimmed to #258 and #41645 (numbers, titles, state, state reasons
 * and days as on GitHub). Pull requests in the flipped tests are hypothetical (#99001...).
 * Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it.
 */
class SystemdCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String SEARCH = "https://api.github.com/search/issues?per_page=100&q="
            + "repo%3Asystemd%2Fsystemd+criu+in%3Atitle%2Cbody";
    private static final String MERGED = SEARCH + "+is%3Apr+is%3Amerged";
    private static final String RELEASES = "https://api.github.com/repos/systemd/systemd/releases?per_page=100";
    private static final Integration PAGE_ENTRY = entry("Systemd", "not started",
            "Adrian suggested that migrating processes from one system to another works");

    private final SystemdChecker checker = new SystemdChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(SystemdCheckerTest.class, name);
    }

    /** Today's two requests plus {@code extra} items, as one search answer. */
    private static String searchWith(String... extra) {
        String today = fixture("search-issues-criu.json");
        int items = today.indexOf("\"items\": [") + "\"items\": [".length();
        String added = extra.length == 0 ? "" : String.join(",", extra) + ",";
        return (today.substring(0, items) + added + today.substring(items))
                .replaceFirst("\"total_count\": 2", "\"total_count\": " + (2 + extra.length));
    }

    private static String searchOf(String... items) {
        return """
                {"total_count": %d, "incomplete_results": false, "items": [%s]}""".formatted(items.length,
                String.join(",", items));
    }

    private static String pullRequest(int number, String title, String state, String created, String closed,
                                      String mergedAt) {
        return """
                {"url": "https://api.github.com/repos/systemd/systemd/issues/%1$d",
                 "repository_url": "https://api.github.com/repos/systemd/systemd",
                 "html_url": "https://github.com/systemd/systemd/pull/%1$d", "number": %1$d, "title": "%2$s",
                 "user": {"login": "example", "type": "User"}, "labels": [], "state": "%3$s", "locked": false,
                 "created_at": "%4$s", "updated_at": "%4$s", "closed_at": %5$s, "author_association": "CONTRIBUTOR",
                 "body": "hypothetical", "state_reason": null, "score": 1.0, "draft": false,
                 "pull_request": {"url": "https://api.github.com/repos/systemd/systemd/pulls/%1$d",
                   "html_url": "https://github.com/systemd/systemd/pull/%1$d",
                   "diff_url": "https://github.com/systemd/systemd/pull/%1$d.diff",
                   "patch_url": "https://github.com/systemd/systemd/pull/%1$d.patch", "merged_at": %6$s}}"""
                .formatted(number, title, state, created, closed == null ? "null" : "\"" + closed + "\"",
                        mergedAt == null ? "null" : "\"" + mergedAt + "\"");
    }

    @Test
    void confirmsNotStartedBecauseTheRequestWasTurnedDown() {
        server.onGet(SEARCH).json(fixture("search-issues-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.MEDIUM);
        Evidence declined = finding.evidence().get(0);
        assertThat(declined.signal()).isEqualTo(Signal.DECLINED);
        assertThat(declined.url()).isEqualTo("https://github.com/systemd/systemd/issues/258");
        assertThat(declined.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2015-06-17"));
        assertThat(declined.quote()).startsWith("#258 add CRIU integration: opened 2015-06-17, closed 2015-06-17");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).isEqualTo("https://github.com/systemd/systemd/issues/41645");
            assertThat(e.quote()).contains("(duplicate)");
        });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void suggestsStartedWhenAPullRequestIsOpen() {
        server.onGet(SEARCH).json(searchWith(pullRequest(99001, "core: checkpoint and restore services with CRIU",
                "open", "2026-09-01T08:00:00Z", null, null)));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/systemd/systemd/pull/99001");
    }

    @Test
    void suggestsStalledWhenTheOpenPullRequestIsYearsOld() {
        server.onGet(SEARCH).json(searchWith(pullRequest(99002, "nspawn: add CRIU support",
                "open", "2019-05-01T08:00:00Z", null, null)));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.STALLED);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.INACTIVE);
    }

    @Test
    void suggestsReadyWhenAMergedPullRequestShipsInARelease() {
        String merged = pullRequest(99003, "core: add CRIU integration", "closed", "2026-01-10T08:00:00Z",
                "2026-02-02T12:00:00Z", "2026-02-02T12:00:00Z");
        server.onGet(SEARCH).json(searchWith(merged));
        server.onGet(MERGED).json(searchOf(merged));
        server.onGet(RELEASES).json("""
                [{"tag_name":"v261","name":"systemd v261","draft":false,"prerelease":false,
                  "published_at":"2026-07-01T10:00:00Z","body":"","html_url":"https://github.com/systemd/systemd/releases/tag/v261"},
                 {"tag_name":"v261-rc1","name":"systemd v261-rc1","draft":false,"prerelease":true,
                  "published_at":"2026-06-01T10:00:00Z","body":"","html_url":"https://github.com/systemd/systemd/releases/tag/v261-rc1"},
                 {"tag_name":"v260","name":"systemd v260","draft":false,"prerelease":false,
                  "published_at":"2026-01-15T10:00:00Z","body":"","html_url":"https://github.com/systemd/systemd/releases/tag/v260"}]""");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("v261 ships #99003 core: add CRIU integration (merged 2026-02-02)");
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/systemd/systemd/releases/tag/v261");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aMergedPullRequestInNoReleaseYetIsStarted() {
        String merged = pullRequest(99004, "core: add CRIU integration", "closed", "2026-08-10T08:00:00Z",
                "2026-09-02T12:00:00Z", "2026-09-02T12:00:00Z");
        server.onGet(SEARCH).json(searchWith(merged));
        server.onGet(MERGED).json(searchOf(merged));
        server.onGet(RELEASES).json("""
                [{"tag_name":"v261","name":"systemd v261","draft":false,"prerelease":false,
                  "published_at":"2026-07-01T10:00:00Z","body":"","html_url":"https://github.com/systemd/systemd/releases/tag/v261"}]""");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
        assertThat(finding.evidence().get(0).quote()).endsWith("in no release yet");
    }

    @Test
    void aPullRequestClosedWithoutMergingIsDeclined() {
        String closed = pullRequest(99005, "nspawn: CRIU checkpointing", "closed", "2026-08-10T08:00:00Z",
                "2026-09-02T12:00:00Z", null);
        server.onGet(SEARCH).json(searchOf(closed));
        server.onGet(MERGED).json(searchOf());

        Finding finding = server.finding(checker, entry("Systemd", "started"));

        assertThat(finding.suggestedStatus()).contains(Status.NOT_STARTED);
        assertThat(finding.evidence().get(0).quote()).contains("closed without merging");
    }

    @Test
    void resultsThatOnlyMentionCriuInPassingSayNothingAboutPlans() {
        server.onGet(SEARCH).json(searchWith(pullRequest(99006, "cgroup: fix freezer state after thaw", "open",
                "2026-09-01T08:00:00Z", null, null)));

        Finding finding = server.finding(checker, entry("Systemd", "not started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).extracting(Evidence::url)
                .noneMatch(u -> u.endsWith("/99006"));
    }

    @Test
    void aSearchThatNoLongerFindsTheKnownRequestMakesAnAbsenceUnverified() {
        // Only a mention in passing: no CRIU in any title, so nothing is there... but #258 is gone from the
        // answer too, which the canary says it never is: the search changed, not systemd.
        server.onGet(SEARCH).json(searchOf(pullRequest(99006, "cgroup: fix freezer state after thaw", "open",
                "2026-09-01T08:00:00Z", null, null)));

        Finding finding = server.finding(checker, entry("Systemd", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("probe out of date: systemd's tracker search still finds #258"));
    }

    @Test
    void unverifiedWithTheUrlWhenTheSearchIsRateLimited() {
        server.onGet(SEARCH).status(403);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("search/issues").contains("403"));
    }

    @Test
    void unverifiedWhenTheSearchAnswersWithAnHtmlPage() {
        server.onGet(SEARCH).html("<html><body>Whoa there!</body></html>");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("HTML"));
    }

    @Test
    void citesTheSearchAsAPersonOpensIt() {
        assertThat(SystemdChecker.searchUrl(SystemdChecker.QUERY))
                .isEqualTo("https://github.com/search?q=repo%3Asystemd%2Fsystemd+criu+in%3Atitle%2Cbody&type=issues");
    }

    @Test
    void serviceLoaderFindsItUnderItsFolderName() {
        assertThat(ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(c -> c instanceof SystemdChecker).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(Path.of("").toAbsolutePath().getFileName().toString()));
    }
}
