package org.criu.status.checkers.docker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;

/**
 * Docker's checkpoint/restore lives in the {@code docker checkpoint} command of docker/cli; ready means the
 * newest release ships it, "experimental" when the command or its reference page says so. See the README.
 */
public final class DockerChecker implements Checker {

    static final String REPO = "docker/cli";
    static final String COMMAND = "cli/command/checkpoint/cmd.go";
    static final String REFERENCE = "docs/reference/commandline/checkpoint.md";
    static final String EXPERIMENTAL = "experimental";
    private static final Pattern RELEASE = Pattern.compile("v\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");
    /** cobra's annotation map entry that hides a command unless the daemon runs experimental features. */
    private static final Pattern EXPERIMENTAL_ANNOTATION = Pattern.compile("\"experimental\"\\s*:");
    private static final Pattern EXPERIMENTAL_WORD = Pattern.compile("(?i)\\bexperimental\\b");
    private static final Pattern CHECKPOINT_WORD = Pattern.compile("(?i)\\bcheckpoint\\b");
    /** The cobra definition of the command: it survives renames of the Go function (NewCheckpointCommand, newCheckpointCommand). */
    static final Pattern DEFINITION = Pattern.compile("Use:\\s*\"checkpoint\"");
    static final PathHistory.Subject SUBJECT = PathHistory.Subject.file(COMMAND, DEFINITION);
    /** A release known to ship the command (docker/cli v20.10.0, 2020-12-07): the canary, and the history's base. */
    static final String KNOWN_RELEASE = "v20.10.0";

    @Override
    public String id() {
        return "docker";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): tags, the newest tag's checkpoint command, its date, the release that added it. */
    @Override
    public int expectedDepth() {
        return 4;
    }

    @Override
    public List<String> covers() {
        return List.of("Docker");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub docker/cli tags (vX.Y.Z)", "docker/cli " + COMMAND + " at the newest release",
                "docker/cli " + REFERENCE + " at the newest release");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("docker/cli " + KNOWN_RELEASE + " ships the `docker checkpoint` command",
                REPO, KNOWN_RELEASE, COMMAND, DEFINITION.pattern()));
    }

    @Override
    public List<RemovalClaim> removalClaims() {
        return List.of(RemovalClaim.github("the `docker checkpoint` command", REPO, SUBJECT));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Tag> releases = Versions.newestFirst(github.tags(REPO, 1), Tag::name, RELEASE);
        if (releases.isEmpty()) {
            return CheckResult.couldNotLook("no vX.Y.Z release tags in " + REPO);
        }
        Tag latest = releases.get(0);
        Optional<LocalDate> released = github.tagDate(REPO, latest).map(GitHubClient.Commit::day);
        Optional<SourceFile> command = github.document(REPO, latest.name(), COMMAND);
        Optional<SourceFile> reference = github.document(REPO, latest.name(), REFERENCE);

        if (command.isEmpty()) {
            return whyMissing(github, releases, latest, released);
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(commandEvidence(latest, released, command.get()));
        reference.map(doc -> referenceEvidence(latest, released, doc)).ifPresent(evidence::add);
        return CheckResult.evidence(evidence);
    }

    /**
     * The newest release lacks the command file: a rename or a move is followed to where the command is now;
     * only a deletion proven by the history (with its commit) is a removal; an unknown history is no verdict.
     */
    private static CheckResult whyMissing(GitHubClient github, List<Tag> releases, Tag latest,
                                          Optional<LocalDate> released) throws SourceException {
        PathHistory history = PathHistory.github(github, REPO);
        List<String> names = releases.stream().map(Tag::name).toList();
        Optional<PathHistory.Boundary> range = history.range(SUBJECT, names, List.of(KNOWN_RELEASE));
        if (range.isEmpty()) {
            return CheckResult.couldNotLook(latest.name() + " has no " + COMMAND + ", and neither has any release"
                    + " back to " + KNOWN_RELEASE + ", which shipped it: the probe is out of date");
        }
        String had = range.get().lastWith();
        PathHistory.Answer answer = history.whatHappened(SUBJECT, had, range.get().firstWithout());
        if (answer instanceof PathHistory.Renamed renamed) {
            return followed(github, latest, released, renamed.to(), renamed.context("github"));
        }
        if (answer instanceof PathHistory.Moved moved) {
            return followed(github, latest, released, moved.to(), moved.context("github", "`docker checkpoint`"));
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.of(Signal.REMOVED, "github", "https://github.com/" + REPO + "/tree/" + latest.name()
                    + "/cli/command", released, latest.name() + ": no " + COMMAND + " (the `docker checkpoint` command;"
                    + " last in " + had + ")"));
            evidence.addAll(deleted.evidence("github", COMMAND));
            return CheckResult.evidence(evidence);
        }
        return CheckResult.couldNotLook(latest.name() + " has no " + COMMAND + ", and its history does not show it"
                + " removed: " + ((PathHistory.Unknown) answer).reason());
    }

    /** The command's definition where the history says it went, read at the newest release. */
    private static CheckResult followed(GitHubClient github, Tag latest, Optional<LocalDate> released, String path,
                                       Evidence how) throws SourceException {
        Optional<SourceFile> moved = github.document(REPO, latest.name(), path)
                .filter(f -> f.firstMatching(DEFINITION).isPresent());
        if (moved.isEmpty()) {
            return CheckResult.couldNotLook(COMMAND + " went to " + path + ", which " + latest.name()
                    + " does not have with the `docker checkpoint` definition either", List.of(how));
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(commandEvidence(latest, released, moved.get()));
        github.document(REPO, latest.name(), REFERENCE).map(doc -> referenceEvidence(latest, released, doc))
                .ifPresent(evidence::add);
        evidence.add(how);
        return CheckResult.evidence(evidence);
    }

    private static Evidence commandEvidence(Tag release, Optional<LocalDate> released, SourceFile source) {
        Optional<SourceFile.Line> annotation = source.firstMatching(EXPERIMENTAL_ANNOTATION);
        if (annotation.isPresent()) {
            return Evidence.of(Signal.RELEASED, "github", annotation.get().url(), released,
                    release.name() + " ships `docker checkpoint`, annotated experimental")
                    .quoting(annotation.get().stripped()).withQualifier(EXPERIMENTAL);
        }
        return Evidence.of(Signal.RELEASED, "github", source.url(), released,
                release.name() + " ships `docker checkpoint` (" + COMMAND + "), not marked experimental");
    }

    private static Evidence referenceEvidence(Tag release, Optional<LocalDate> released, SourceFile reference) {
        Optional<SourceFile.Line> experimental = reference.firstMatching(EXPERIMENTAL_WORD);
        if (experimental.isPresent()) {
            return Evidence.of(Signal.RELEASED, "github", experimental.get().url(), released,
                    release.name() + " reference calls checkpoint/restore experimental")
                    .quoting(experimental.get().stripped()).withQualifier(EXPERIMENTAL);
        }
        // The first line of running text about checkpoints (not a heading, table or generated marker).
        Optional<SourceFile.Line> described = reference.firstMatching(l -> {
            String s = l.strip();
            return !s.isEmpty() && !s.startsWith("#") && !s.startsWith("|") && !s.startsWith("<")
                    && CHECKPOINT_WORD.matcher(s).find();
        });
        Evidence documented = Evidence.of(Signal.RELEASED, "github",
                described.map(SourceFile.Line::url).orElse(reference.url()), released,
                release.name() + " reference documents `docker checkpoint`");
        return described.map(l -> documented.quoting(l.stripped())).orElse(documented);
    }
}
