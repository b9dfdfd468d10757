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
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

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

    @Override
    public String id() {
        return "docker";
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

        List<Evidence> evidence = new ArrayList<>();
        if (command.isPresent()) {
            evidence.add(commandEvidence(latest, released, command.get()));
            reference.map(doc -> referenceEvidence(latest, released, doc)).ifPresent(evidence::add);
        } else {
            // The page lists Docker, so the command once existed; an older release proves it and makes this a removal.
            Tag oldest = releases.get(releases.size() - 1);
            boolean shippedBefore = !oldest.equals(latest) && github.file(REPO, oldest.name(), COMMAND).isPresent();
            String tree = "https://github.com/" + REPO + "/tree/" + latest.name() + "/cli/command";
            if (shippedBefore) {
                evidence.add(Evidence.of(Signal.REMOVED, "github", tree, released,
                        latest.name() + ": no " + COMMAND + " (the `docker checkpoint` command; present in "
                                + oldest.name() + ")"));
                evidence.add(Evidence.undated(Signal.CONTEXT, "github", GitHubClient.blobUrl(REPO, oldest.name(), COMMAND),
                        oldest.name() + " still had " + COMMAND));
            } else {
                evidence.add(Evidence.of(Signal.ABSENT, "github", tree, released,
                        latest.name() + ": no `docker checkpoint` command (" + COMMAND + ")"));
            }
        }
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
