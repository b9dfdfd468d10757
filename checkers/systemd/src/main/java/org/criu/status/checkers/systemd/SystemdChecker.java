package org.criu.status.checkers.systemd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Issue;
import org.criu.status.core.source.GitHubClient.Release;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * systemd would integrate CRIU in its own tree; whether anyone asked, was turned down, or sent code shows in
 * its issue tracker. This checker reads the tracker (and releases, once a pull request was merged).
 * See this module's README for the signals and what each verdict means.
 */
public final class SystemdChecker implements Checker {

    static final String REPO = "systemd/systemd";
    static final String QUERY = "repo:systemd/systemd criu in:title,body";
    static final String MERGED_QUERY = QUERY + " is:pr is:merged";

    private static final Pattern CRIU = Pattern.compile("(?i)\\bcriu\\b");

    @Override
    public String id() {
        return "systemd";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): one issue search. */
    @Override
    public int expectedDepth() {
        return 1;
    }

    @Override
    public List<String> covers() {
        return List.of("Systemd");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub issue search: " + QUERY, "systemd/systemd releases, only after a merged pull request");
    }

    /** The tracker search still finds the request systemd declined in 2015 (#258 "add CRIU integration"). */
    @Override
    public List<Canary> canaries() {
        return List.of(Canary.url("systemd's tracker search still finds #258 \"add CRIU integration\" (2015)",
                GitHubClient.API + "/search/issues?per_page=100&q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8),
                "\"html_url\":\\s*\"https://github\\.com/systemd/systemd/issues/258\""));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        // Only results with CRIU in the title are about integrating it; the rest mention it in passing
        // (bug reports from people who also run CRIU) and say nothing about systemd's plans.
        List<Issue> about = github.searchIssues(QUERY).stream().filter(i -> CRIU.matcher(i.title()).find())
                .sorted(Comparator.comparing(Issue::createdAt)).toList();
        if (about.isEmpty()) {
            return CheckResult.evidence(Evidence.undated(Signal.ABSENT, "github",
                    searchUrl(QUERY), "no issue or pull request in " + REPO + " has CRIU in its title"));
        }
        Set<Integer> merged = about.stream().anyMatch(i -> i.pullRequest() && "closed".equals(i.state()))
                ? github.searchIssues(MERGED_QUERY).stream().map(Issue::number).collect(Collectors.toSet())
                : Set.of();
        List<Release> releases = merged.isEmpty() ? List.of() : github.releases(REPO, 1);

        List<Evidence> evidence = new ArrayList<>();
        for (Issue item : about) {
            evidence.add(item.pullRequest()
                    ? pullRequest(item, merged.contains(item.number()), releases)
                    : request(item, !merged.isEmpty()));
        }
        return CheckResult.evidence(evidence);
    }

    /**
     * A pull request: open is work; merged is released once a release came after it; closed without merging
     * was turned down. Work is dated, so the rules call it stalled once it is years old.
     */
    private static Evidence pullRequest(Issue pr, boolean merged, List<Release> releases) {
        String head = "#" + pr.number() + " " + pr.title();
        if ("open".equals(pr.state())) {
            return Evidence.dated(Signal.IN_DEVELOPMENT, "github", pr.htmlUrl(), day(pr.createdAt()),
                    head + ": pull request open since " + day(pr.createdAt()));
        }
        Instant closed = pr.closedAt().orElse(pr.createdAt());
        if (!merged) {
            return Evidence.dated(Signal.DECLINED, "github", pr.htmlUrl(), day(closed),
                    head + ": pull request closed without merging on " + day(closed));
        }
        // systemd releases from main, so the first release published after the merge carries it.
        Optional<Release> first = releases.stream().filter(r -> !r.prerelease())
                .filter(r -> r.publishedAt().filter(p -> p.isAfter(closed)).isPresent())
                .min(Comparator.comparing(r -> r.publishedAt().orElseThrow()));
        if (first.isPresent()) {
            Release r = first.get();
            return Evidence.dated(Signal.RELEASED, "github", r.htmlUrl(), day(r.publishedAt().orElseThrow()),
                    r.tagName() + " ships " + head + " (merged " + day(closed) + ")");
        }
        return Evidence.dated(Signal.IN_DEVELOPMENT, "github", pr.htmlUrl(), day(closed),
                head + ": merged " + day(closed) + ", in no release yet");
    }

    /** A request: open is nobody working on it yet; closed without a merged pull request was turned down. */
    private static Evidence request(Issue issue, boolean someMerged) {
        String head = "#" + issue.number() + " " + issue.title();
        if ("open".equals(issue.state())) {
            return Evidence.dated(Signal.ABSENT, "github", issue.htmlUrl(), day(issue.createdAt()),
                    head + ": open request since " + day(issue.createdAt()) + ", no pull request");
        }
        Instant closed = issue.closedAt().orElse(issue.createdAt());
        String reason = issue.stateReason().map(r -> r.replace('_', ' ')).orElse("no reason given");
        String quote = head + ": opened " + day(issue.createdAt()) + ", closed " + day(closed) + " (" + reason + ")";
        // A duplicate points at the request that was decided; "completed" next to a merged PR is that PR's story.
        boolean duplicate = issue.stateReason().filter("duplicate"::equals).isPresent();
        boolean done = someMerged && issue.stateReason().filter("completed"::equals).isPresent();
        if (duplicate || done) {
            return Evidence.dated(Signal.CONTEXT, "github", issue.htmlUrl(), day(closed), quote);
        }
        return Evidence.dated(Signal.DECLINED, "github", issue.htmlUrl(), day(closed),
                quote + ", no pull request implementing it merged");
    }

    static String searchUrl(String query) {
        return "https://github.com/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&type=issues";
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
