package org.criu.status.core.spi;

import java.util.Objects;
import org.criu.status.core.source.PathHistory;

/**
 * A checker's declaration that it may report something as removed upstream because it went missing: which
 * repository, which file, lines or directory ({@link PathHistory.Subject}, with the marker that recognises its
 * content elsewhere). A checker that declares one proves every such absence with {@link PathHistory} before it
 * becomes {@code REMOVED}: a rename or moved content is followed, only a deletion with its commit is a removal,
 * and an unknown history is no removal. The test kit's removal contract runs the same five histories (rename,
 * moved content, restructured tree, deletion, failing comparison) over every checker that declares one.
 *
 * @param what    the feature in words ("the `docker checkpoint` command")
 * @param host    where the repository lives
 * @param repo    "docker/cli" (GitHub) or the project path (GitLab)
 * @param subject what goes missing, and its marker
 */
public record RemovalClaim(String what, Host host, String repo, PathHistory.Subject subject) {

    /** The hosting service whose history proves the absence. */
    public enum Host { GITHUB, GITLAB }

    public RemovalClaim {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(subject, "subject");
    }

    /** A claim about a GitHub repository. */
    public static RemovalClaim github(String what, String repo, PathHistory.Subject subject) {
        return new RemovalClaim(what, Host.GITHUB, repo, subject);
    }
}
