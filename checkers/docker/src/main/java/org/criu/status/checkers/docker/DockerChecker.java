package org.criu.status.checkers.docker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.SourceException;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Assessment;
import org.criu.status.core.spi.CheckContext;
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
    public Assessment check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Tag> releases = Versions.newestFirst(github.tags(REPO, 1), Tag::name, RELEASE);
        if (releases.isEmpty()) {
            return Assessment.unverified("no vX.Y.Z release tags in " + REPO);
        }
        Tag latest = releases.get(0);
        LocalDate released = github.tagDate(REPO, latest).map(GitHubClient.Commit::day).orElse(null);
        Optional<String> command = github.file(REPO, latest.name(), COMMAND);
        Optional<String> reference = github.file(REPO, latest.name(), REFERENCE);

        List<Evidence> evidence = new ArrayList<>();
        if (command.isPresent()) {
            evidence.add(commandEvidence(latest, released, command.get()));
            reference.map(text -> referenceEvidence(latest, released, text)).ifPresent(evidence::add);
        } else {
            // The page lists Docker, so the command once existed; an older release proves it and makes this a removal.
            Tag oldest = releases.get(releases.size() - 1);
            boolean shippedBefore = !oldest.equals(latest) && github.file(REPO, oldest.name(), COMMAND).isPresent();
            String tree = "https://github.com/" + REPO + "/tree/" + latest.name() + "/cli/command";
            if (shippedBefore) {
                evidence.add(Evidence.of(Signal.REMOVED, "github", tree, released,
                        latest.name() + ": no " + COMMAND + " (the `docker checkpoint` command; present in "
                                + oldest.name() + ")"));
                evidence.add(Evidence.of(Signal.CONTEXT, "github", GitHubClient.blobUrl(REPO, oldest.name(), COMMAND),
                        null, oldest.name() + " still had " + COMMAND));
            } else {
                evidence.add(Evidence.of(Signal.ABSENT, "github", tree, released,
                        latest.name() + ": no `docker checkpoint` command (" + COMMAND + ")"));
            }
        }
        return context.rules().assess(integration, evidence);
    }

    private static Evidence commandEvidence(Tag release, LocalDate released, String source) {
        String url = GitHubClient.blobUrl(REPO, release.name(), COMMAND);
        int line = firstLine(source, EXPERIMENTAL_ANNOTATION);
        if (line > 0) {
            return Evidence.of(Signal.RELEASED, "github", url + "#L" + line, released,
                    release.name() + " ships `docker checkpoint` with the annotation "
                            + lineAt(source, line).replaceFirst(",$", ""))
                    .withQualifier(EXPERIMENTAL);
        }
        return Evidence.of(Signal.RELEASED, "github", url, released,
                release.name() + " ships `docker checkpoint` (" + COMMAND + "), not marked experimental");
    }

    private static Evidence referenceEvidence(Tag release, LocalDate released, String text) {
        String url = GitHubClient.blobUrl(REPO, release.name(), REFERENCE);
        int line = firstLine(text, EXPERIMENTAL_WORD);
        if (line > 0) {
            return Evidence.of(Signal.RELEASED, "github", url + "#L" + line, released,
                    release.name() + " reference: " + lineAt(text, line)).withQualifier(EXPERIMENTAL);
        }
        int described = firstProseLine(text);
        return Evidence.of(Signal.RELEASED, "github", described > 0 ? url + "#L" + described : url, released,
                release.name() + " reference: " + (described > 0 ? lineAt(text, described) : "documents `docker checkpoint`"));
    }

    /** The first line of running text about checkpoints (not a heading, table or generated marker), 1-based; 0 if none. */
    private static int firstProseLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("|") && !l.startsWith("<")
                    && CHECKPOINT_WORD.matcher(l).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int firstLine(String text, Pattern pattern) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String lineAt(String text, int line) {
        return text.lines().skip(line - 1).findFirst().orElse("").strip();
    }
}
