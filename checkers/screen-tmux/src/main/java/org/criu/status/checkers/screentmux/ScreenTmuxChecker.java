package org.criu.status.checkers.screentmux;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Issue;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Screen/TMUX: whether tmux's newest release notes mention CRIU, and what tmux-resurrect's tracker holds
 * about CRIU (a request is context, an open pull request is work); see this module's README.
 */
public final class ScreenTmuxChecker implements Checker {

    static final String TMUX = "tmux/tmux";
    static final String CHANGES = "CHANGES";
    static final String RESURRECT_SEARCH = "repo:tmux-plugins/tmux-resurrect criu";
    /** Release tags: "3.5", "3.7c", "1.9a"; anything else ("next-3.8", "openbsd-...") is not a release. */
    private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+[a-z]?");
    private static final Pattern CRIU = Pattern.compile("\\bcriu\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^CHANGES FROM .*", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "screen-tmux";
    }

    @Override
    public List<String> covers() {
        return List.of("Screen/TMUX", "tmux", "Screen");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub tmux/tmux tags and CHANGES at the newest release",
                "GitHub issue search: " + RESURRECT_SEARCH);
    }

    /** tmux's CHANGES still opens each release with a "CHANGES FROM" section, the layout the probe reads. */
    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("tmux 3.0's CHANGES opens with its own \"CHANGES FROM 2.9 to 3.0\" section",
                TMUX, "3.0", CHANGES, "^CHANGES FROM 2\\.9 to 3\\.0$"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Optional<Tag> newest = Versions.newestFirst(github.tags(TMUX, 1), Tag::name, RELEASE).stream().findFirst();
        if (newest.isEmpty()) {
            return CheckResult.couldNotLook("no release tags (like 3.5a) in " + TMUX);
        }
        Tag release = newest.get();
        Optional<SourceFile> changes = github.document(TMUX, release.name(), CHANGES);
        if (changes.isEmpty()) {
            return CheckResult.couldNotLook(TMUX + " has no " + CHANGES + " at " + release.name());
        }
        Optional<LocalDate> released = github.tagDate(TMUX, release).map(GitHubClient.Commit::day);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(releaseNotesEvidence(release, released, changes.get()));
        for (Issue issue : github.searchIssues(RESURRECT_SEARCH)) {
            evidence.add(resurrectEvidence(issue));
        }
        return CheckResult.evidence(evidence);
    }

    /** RELEASED citing the first CHANGES line naming CRIU, else ABSENT for the whole file. */
    private static Evidence releaseNotesEvidence(Tag release, Optional<LocalDate> released, SourceFile changes) {
        Optional<SourceFile.Line> criu = changes.firstMatching(CRIU);
        if (criu.isPresent()) {
            String section = changes.lines().subList(0, criu.get().number() - 1).stream()
                    .filter(l -> SECTION.matcher(l).matches()).reduce((a, b) -> b).map(String::strip)
                    .map(s -> " (" + s + ")").orElse("");
            return Evidence.of(Signal.RELEASED, "github", criu.get().url(), released,
                    "tmux " + release.name() + " CHANGES mention CRIU" + section).quoting(criu.get().stripped());
        }
        return Evidence.of(Signal.ABSENT, "github", changes.url(), released,
                "tmux " + release.name() + ": no line of CHANGES mentions CRIU");
    }

    /**
     * An open pull request in tmux-resurrect is work on CRIU support, dated when it was opened (the rules
     * call it stalled after two years). An issue is a request, not work, and says nothing about status:
     * context only. A closed pull request is context too: the search does not tell merged from rejected.
     */
    private static Evidence resurrectEvidence(Issue issue) {
        LocalDate opened = issue.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean open = issue.state().equals("open");
        String kind = issue.pullRequest() ? "pull request" : "issue";
        String state = open ? "open since " + opened
                : "closed" + issue.closedAt().map(c -> " " + c.atZone(ZoneOffset.UTC).toLocalDate()).orElse("")
                        + issue.stateReason().map(r -> " as " + r).orElse("");
        Signal signal = open && issue.pullRequest() ? Signal.IN_DEVELOPMENT : Signal.CONTEXT;
        return Evidence.dated(signal, "github", issue.htmlUrl(), opened,
                "tmux-resurrect " + kind + " #" + issue.number() + " \"" + issue.title() + "\" (" + state + ")");
    }
}
