package org.criu.status.checkers.openvz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Repository;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubEvidence;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Virtuozzo/OpenVZ ship CRIU as their own fork, OpenVZ/vzcriu; ready means the fork still cuts release tags.
 * See this module's README.
 */
public final class OpenvzChecker implements Checker {

    static final String REPO = "OpenVZ/vzcriu";
    /** vzcriu tags carry the CRIU version plus Virtuozzo's build number: v3.18.2.3. */
    private static final Pattern RELEASE = Pattern.compile("v\\d{1,9}(\\.\\d{1,9})+");

    @Override
    public String id() {
        return "openvz";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): tags, the newest tag's commit, then its version file. */
    @Override
    public int expectedDepth() {
        return 3;
    }

    @Override
    public List<String> covers() {
        return List.of("Virtuozzo/OpenVZ", "OpenVZ", "Virtuozzo");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub " + REPO + " repository (archived?) and release tags, the newest dated by its commit");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("OpenVZ/vzcriu v3.18.2.3 (2024-03-25) is CRIU 3.18 with Virtuozzo's changes",
                REPO, "v3.18.2.3", "Makefile.versions", "^CRIU_VERSION_MINOR\\s*:=\\s*18\\b"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Optional<Repository> found = github.repository(REPO);
        if (found.isEmpty()) {
            return CheckResult.couldNotLook("GitHub knows no repository " + REPO);
        }
        Repository repository = found.get();
        String repo = repository.fullName();
        List<Evidence> evidence = new ArrayList<>();
        GitHubEvidence.archived(repository).ifPresent(evidence::add);
        // The default branch stopped in 2023 while release tags went on: tags, not the branch, say what ships.
        List<Tag> releases = Versions.newestFirst(github.tags(repo, 1), Tag::name, RELEASE);
        if (!releases.isEmpty()) {
            Tag newest = releases.get(0);
            Optional<LocalDate> date = github.tagDate(repo, newest).map(GitHubClient.Commit::day);
            evidence.add(Evidence.of(Signal.RELEASED, "github", "https://github.com/" + repo + "/tree/" + newest.name(),
                    date, repo + " " + newest.name() + ", the newest of " + releases.size() + " release tags"));
        } else {
            // No release at all: the fork is work in progress, dated by its last commit (the rules call it stalled
            // once that is years old).
            Optional<GitHubClient.Commit> head = github.commit(repo, repository.defaultBranch());
            if (head.isPresent()) {
                evidence.add(Evidence.dated(Signal.IN_DEVELOPMENT, "github", head.get().htmlUrl(), head.get().day(),
                        repo + ": no release tags; last commit on " + repository.defaultBranch()));
            }
        }
        if (evidence.isEmpty()) {
            return CheckResult.couldNotLook(repo + " has no release tags and no commits on " + repository.defaultBranch());
        }
        return CheckResult.evidence(evidence);
    }
}
