package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScreenTmuxRecipeTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/tmux/tmux/tags?per_page=100";
    private static final String SHA_37C = "e476c1230b958df0cb12977517d24b3dc931375b";
    private static final String SEARCH =
            "https://api.github.com/search/issues?per_page=100&q=repo%3Atmux-plugins%2Ftmux-resurrect+criu";
    private static final Integration PAGE_ENTRY = entry("Screen/TMUX", "stalled", "Jerome did this some time ago");

    private final org.criu.status.core.recipe.RecipeChecker checker = Bundled.recipe("screen-tmux");

    private static String fixture(String name) {
        return Bundled.fixture("screen-tmux", name);
    }

    private void tmuxAsToday(String changesFixture) {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        // The canary, read before an absence is trusted: tmux 3.0's CHANGES as it begins (verbatim).
        server.onGet("https://raw.githubusercontent.com/tmux/tmux/3.0/CHANGES").text(fixture("changes-3.0-head.txt"));
        server.onGet("https://api.github.com/repos/tmux/tmux/commits/" + SHA_37C)
                .json(commit("tmux/tmux", SHA_37C, "2026-08-17T13:52:12+01:00", "3.7c."));
        server.onGet("https://raw.githubusercontent.com/tmux/tmux/3.7c/CHANGES").text(fixture(changesFixture));
    }

    private void resurrect(String body) {
        server.onGet(SEARCH).json(body);
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void confirmsStalledWhenTmuxHasNoCriuAndResurrectOnlyHasARequest() {
        tmuxAsToday("changes-3.7c-without-criu.txt");
        resurrect(fixture("search-issues-resurrect-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.LOW);
        Evidence tmux = finding.evidence().get(0);
        assertThat(tmux.signal()).isEqualTo(Signal.ABSENT);
        assertThat(tmux.url()).isEqualTo("https://github.com/tmux/tmux/blob/3.7c/CHANGES");
        assertThat(tmux.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-17"));
        assertThat(tmux.quote()).isEqualTo("tmux 3.7c: no line of CHANGES mentions CRIU");
        Evidence request = finding.evidence().get(1);
        assertThat(request.signal()).isEqualTo(Signal.CONTEXT);
        assertThat(request.url()).isEqualTo("https://github.com/tmux-plugins/tmux-resurrect/issues/428");
        assertThat(request.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2022-02-15"));
        assertThat(request.quote()).isEqualTo("tmux-resurrect issue #428 \"Linux Checkpoint / Restore support\""
                + " (open since 2022-02-15)");
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void suggestsReadyWhenTheNewestReleaseNotesMentionCriu() {
        tmuxAsToday("changes-3.7c-with-criu.txt");
        resurrect(fixture("search-issues-resurrect-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence shipped = finding.evidence().get(0);
        assertThat(shipped.signal()).isEqualTo(Signal.RELEASED);
        assertThat(shipped.url()).isEqualTo("https://github.com/tmux/tmux/blob/3.7c/CHANGES#L3");
        assertThat(shipped.quote()).startsWith("tmux 3.7c CHANGES mention CRIU (CHANGES FROM 3.7b TO 3.7c)");
        assertThat(shipped.excerpt()).hasValueSatisfying(x -> assertThat(x).startsWith("* Panes can be saved")
                .contains("using CRIU"));
    }

    @Test
    void anOpenResurrectPullRequestIsWorkSoARecentOneSuggestsStarted() {
        tmuxAsToday("changes-3.7c-without-criu.txt");
        resurrect(search(pullRequest(512, "Restore processes with CRIU", "2026-09-01T08:00:00Z")));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/tmux-plugins/tmux-resurrect/pull/512");
        assertThat(finding.evidence().get(0).quote()).contains("pull request #512").contains("open since 2026-09-01");
    }

    @Test
    void anOpenResurrectPullRequestUntouchedForYearsConfirmsStalled() {
        tmuxAsToday("changes-3.7c-without-criu.txt");
        resurrect(search(pullRequest(430, "CRIU strategy for processes", "2022-03-01T08:00:00Z")));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.MEDIUM);
        assertThat(finding.evidence().get(0).signal()).isEqualTo(Signal.INACTIVE);
    }

    @Test
    void theNewestReleaseIsChosenByVersionNotByListOrder() {
        server.onGet("https://raw.githubusercontent.com/tmux/tmux/3.0/CHANGES").text(fixture("changes-3.0-head.txt"));
        String sha = "0123456789abcdef0123456789abcdef01234567";
        server.onGet(TAGS).json(GitHubFixtures.tags("tmux/tmux", List.of(new TagSpec("next-3.11", sha),
                new TagSpec("3.9a", sha), new TagSpec("3.10", sha), new TagSpec("3.1c", sha))));
        server.onGet("https://api.github.com/repos/tmux/tmux/commits/" + sha)
                .json(commit("tmux/tmux", sha, "2027-01-10T10:00:00+00:00", "3.10."));
        server.onGet("https://raw.githubusercontent.com/tmux/tmux/3.10/CHANGES")
                .text(fixture("changes-3.7c-without-criu.txt"));
        resurrect(search());

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/tmux/tmux/blob/3.10/CHANGES");
    }

    @Test
    void unverifiedWithTheUrlWhenTheTagsCannotBeRead() {
        server.onGet(TAGS).status(502);
        // The recipe's probes are asked at once: the plugin's issue search goes out beside the failing one.
        resurrect(fixture("search-issues-resurrect-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("502"));
    }

    @Test
    void unverifiedWhenTheIssueSearchIsRateLimited() {
        tmuxAsToday("changes-3.7c-without-criu.txt");
        server.onGet(SEARCH).respond(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Resource", "search")
                .withBody("{\"message\":\"API rate limit exceeded\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("GitHub search rate limit exhausted until").contains("GITHUB_TOKEN"));
    }

    @Test
    void unverifiedWhenTheNewestReleaseHasNoChangesFile() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet("https://raw.githubusercontent.com/tmux/tmux/3.7c/CHANGES").status(404);
        // The recipe's probes are asked at once: the plugin's issue search goes out beside the failing one.
        resurrect(fixture("search-issues-resurrect-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).contains("tmux/tmux has no CHANGES at 3.7c");
    }

    @Test
    void unverifiedWhenThereAreNoReleaseTags() {
        server.onGet(TAGS).json("[]");
        // The recipe's probes are asked at once: the plugin's issue search goes out beside the failing one.
        resurrect(fixture("search-issues-resurrect-criu.json"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no release tags"));
    }

    @Test
    void coversTheHeadingsEditorsUse() {
        assertThat(checker.id()).isEqualTo("screen-tmux");
        assertThat(org.criu.status.core.spi.HeadingMatcher.matches("Screen/TMUX", checker.covers())).isTrue();
        assertThat(org.criu.status.core.spi.HeadingMatcher.matches("tmux", checker.covers())).isTrue();
        assertThat(org.criu.status.core.spi.HeadingMatcher.matches("Shell", checker.covers())).isFalse();
    }

    /** A search answer in the real shape, with {@code items} as given. */
    private static String search(String... items) {
        return "{\"total_count\":" + items.length + ",\"incomplete_results\":false,\"items\":["
                + String.join(",", items) + "]}";
    }

    private static String pullRequest(int number, String title, String createdAt) {
        String api = "https://api.github.com/repos/tmux-plugins/tmux-resurrect";
        return """
                {"url":"%1$s/issues/%2$d","repository_url":"%1$s",\
                "html_url":"https://github.com/tmux-plugins/tmux-resurrect/pull/%2$d","number":%2$d,\
                "title":%3$s,"user":{"login":"a-contributor","type":"User"},"labels":[],"state":"open",\
                "locked":false,"created_at":"%4$s","closed_at":null,"author_association":"CONTRIBUTOR",\
                "draft":false,"pull_request":{"url":"%1$s/pulls/%2$d",\
                "html_url":"https://github.com/tmux-plugins/tmux-resurrect/pull/%2$d",\
                "diff_url":"https://github.com/tmux-plugins/tmux-resurrect/pull/%2$d.diff",\
                "patch_url":"https://github.com/tmux-plugins/tmux-resurrect/pull/%2$d.patch","merged_at":null},\
                "body":"","state_reason":null,"score":1.0}""".formatted(api, number,
                GitHubFixtures.jsonString(title), createdAt);
    }
}
