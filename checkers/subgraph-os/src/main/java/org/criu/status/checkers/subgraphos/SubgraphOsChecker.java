package org.criu.status.checkers.subgraphos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.criu.status.core.source.GitHubClient.Repository;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubEvidence;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Subgraph OS is built from the Oz sandbox and its successor Citadel; this checker looks for CRIU in both
 * projects (READMEs, issues and pull requests) and for word that the projects ended. A quiet repository is
 * cited but never decides: see this module's README.
 */
public final class SubgraphOsChecker implements Checker {

    static final List<String> REPOS = List.of("subgraph/oz", "subgraph/citadel");
    static final List<String> READMES = List.of("README.md", "README.mdwn", "README");
    static final String QUERY = "criu repo:subgraph/oz repo:subgraph/citadel";
    /** Oz's last commit (2017-11-19): its README there is the canary's fact. */
    static final String OZ_LAST_COMMIT = "b9675452f7123b2f6a9d379308568f144ab03720";

    private static final Pattern CRIU = Pattern.compile("(?i)\\bcriu\\b");
    /** What maintainers write when they stop a project; a repository's silence is not on this list. */
    private static final Pattern ENDED = Pattern.compile("(?i)\\bend of (the )?project\\b|\\bno longer (maintained|"
            + "developed|supported)\\b|\\bproject (is |has been )?(discontinued|abandoned)\\b|\\bunmaintained\\b");

    @Override
    public String id() {
        return "subgraph-os";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): two repositories' heads, trees and files, one after another. */
    @Override
    public int expectedDepth() {
        return 9;
    }

    @Override
    public List<String> covers() {
        return List.of("Subgraph OS", "Subgraph");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub subgraph/oz and subgraph/citadel: repository (archived, last push), README at the default branch's head commit",
                "GitHub issue search: " + QUERY);
    }

    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("Oz's README (2017-11-19) describes the sandbox and still is its README",
                "subgraph/oz", OZ_LAST_COMMIT, "README.mdwn", "^Oz is a sandboxing system"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Evidence> evidence = new ArrayList<>();
        List<Evidence> endings = new ArrayList<>();
        int found = 0;
        for (String name : REPOS) {
            Optional<Repository> repo = github.repository(name);
            if (repo.isEmpty()) {
                continue;
            }
            found++;
            Repository r = repo.get();
            Optional<LocalDate> lastPush = r.pushedAt().map(SubgraphOsChecker::day);
            // READMEs are read, and cited, at the commit the default branch points at, never at the branch.
            GitHubClient.BranchHead head = github.branchHead(r.fullName(), r.defaultBranch())
                    .orElseThrow(() -> new SourceException(r.htmlUrl(), "GitHub cannot say which commit "
                            + r.fullName() + "'s " + r.defaultBranch() + " is at"));
            Optional<Readme> readme = readme(github, r, head);
            ending(r, readme).ifPresent(endings::add);
            if (readme.isPresent()) {
                evidence.add(readmeEvidence(r, head, readme.get(), lastPush));
            }
            evidence.add(Evidence.of(Signal.CONTEXT, "github", head.commitUrl(), lastPush, r.fullName()
                    + ": last push " + lastPush.map(LocalDate::toString).orElse("unknown") + ", head "
                    + head.sha().substring(0, 12) + (r.archived() ? ", archived" : ", not archived")));
        }
        if (found == 0) {
            return CheckResult.couldNotLook("GitHub has none of the repositories " + String.join(", ", REPOS));
        }
        // Subgraph OS ended only when every part of it did; one archived part while another goes on is context.
        Signal endSignal = endings.size() == found ? Signal.PROJECT_ENDED : Signal.CONTEXT;
        endings.forEach(e -> evidence.add(0, e.as(endSignal)));
        evidence.addAll(searchEvidence(github.searchIssues(QUERY)));
        return CheckResult.evidence(evidence);
    }

    /** A README's name and text. */
    private record Readme(String path, SourceFile file) {
    }

    private static Optional<Readme> readme(GitHubClient github, Repository r, GitHubClient.BranchHead head)
            throws SourceException {
        for (String path : READMES) {
            Optional<SourceFile> file = github.document(r.fullName(), head.sha(), path);
            if (file.isPresent()) {
                return Optional.of(new Readme(path, file.get()));
            }
        }
        return Optional.empty();
    }

    /** The project says it ended: archived by its owners, or an end-of-project line in description or README. */
    private static Optional<Evidence> ending(Repository r, Optional<Readme> readme) {
        Optional<Evidence> archived = GitHubEvidence.archived(r);
        if (archived.isPresent()) {
            return archived;
        }
        Optional<LocalDate> pushed = r.pushedAt().map(SubgraphOsChecker::day);
        Optional<String> said = r.description().filter(d -> ENDED.matcher(d).find());
        if (said.isPresent()) {
            return Optional.of(Evidence.of(Signal.PROJECT_ENDED, "github", r.htmlUrl(), pushed,
                    r.fullName() + "'s description says the project ended").quoting(said.get()));
        }
        return readme.flatMap(m -> m.file().firstMatching(ENDED).map(line -> Evidence.of(Signal.PROJECT_ENDED,
                "github", line.url(), pushed, r.fullName() + " " + m.path() + " says the project ended")
                .quoting(line.stripped())));
    }

    /** CRIU in a README is work in the tree, dated by the last push (so old work reads as stalled). */
    private static Evidence readmeEvidence(Repository r, GitHubClient.BranchHead head, Readme readme,
                                           Optional<LocalDate> lastPush) {
        Optional<SourceFile.Line> criu = readme.file().firstMatching(CRIU);
        if (criu.isPresent()) {
            return Evidence.of(Signal.IN_DEVELOPMENT, "github", criu.get().url(), lastPush,
                    r.fullName() + " " + readme.path() + " mentions CRIU").quoting(criu.get().stripped());
        }
        return Evidence.undated(Signal.ABSENT, "github", readme.file().url(),
                r.fullName() + " " + readme.path() + " at " + r.defaultBranch() + " (" + head.sha().substring(0, 12)
                        + "): no mention of CRIU");
    }

    /**
     * A pull request with CRIU in its title is work on it, dated by its closing or opening (so old work reads as
     * stalled); other hits (issues, pull requests that only mention CRIU in passing) are cited as context.
     */
    private static List<Evidence> searchEvidence(List<Issue> results) {
        List<Evidence> evidence = new ArrayList<>();
        boolean work = false;
        for (Issue issue : results) {
            String kind = issue.pullRequest() ? "pull request #" : "issue #";
            if (issue.pullRequest() && CRIU.matcher(issue.title()).find()) {
                work = true;
                Instant when = issue.closedAt().orElse(issue.createdAt());
                evidence.add(Evidence.dated(Signal.IN_DEVELOPMENT, "github", issue.htmlUrl(), day(when),
                        kind + issue.number() + " (" + issue.state() + "): " + issue.title()));
            } else {
                evidence.add(Evidence.dated(Signal.CONTEXT, "github", issue.htmlUrl(), day(issue.createdAt()),
                        kind + issue.number() + " (" + issue.state() + "): " + issue.title()));
            }
        }
        if (!work) {
            evidence.add(Evidence.undated(Signal.ABSENT, "github", "https://github.com/search?q="
                    + URLEncoder.encode(QUERY, StandardCharsets.UTF_8) + "&type=issues",
                    "no pull request about CRIU in " + String.join(" or ", REPOS)
                            + (results.isEmpty() ? "; no issue mentions it either" : "")));
        }
        return evidence;
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
