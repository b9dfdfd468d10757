package org.criu.status.core.source;

import java.time.ZoneOffset;
import java.util.Optional;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.source.GitHubClient.Repository;

/** Evidence read from GitHub's own metadata about a repository, cited the same way by every checker. */
public final class GitHubEvidence {

    private GitHubEvidence() {
    }

    /**
     * {@code PROJECT_ENDED} when the owners archived the repository (GitHub makes it read-only), dated by its
     * last push; empty for a live repository.
     */
    public static Optional<Evidence> archived(Repository repository) {
        if (!repository.archived()) {
            return Optional.empty();
        }
        return Optional.of(Evidence.of(Signal.PROJECT_ENDED, "github", repository.htmlUrl(),
                repository.pushedAt().map(p -> p.atZone(ZoneOffset.UTC).toLocalDate()),
                repository.fullName() + " is archived (read-only) on GitHub"));
    }
}
