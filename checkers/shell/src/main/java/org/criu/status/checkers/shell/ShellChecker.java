package org.criu.status.checkers.shell;

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
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Shell: whether bash's newest release says anything about CRIU or its {@code --restore-sibling} mode in
 * NEWS or CHANGES, read from the GitHub mirror bminor/bash; see this module's README.
 */
public final class ShellChecker implements Checker {

    static final String BASH = "bminor/bash";
    /** The files a bash release documents its changes in; each is a separate citation. */
    static final List<String> NOTES = List.of("NEWS", "CHANGES");
    /** Releases only: "bash-5.3", "bash-4.1.11"; not "bash-5.3-rc2" nor "devel-base-dist". */
    private static final Pattern RELEASE = Pattern.compile("bash-\\d+\\.\\d+(?:\\.\\d+)?");
    /** A word, not a substring: bash's Catalan translation says "escriu" ("writes"). */
    private static final Pattern CRIU = Pattern.compile("\\bcriu\\b|restore-sibling", Pattern.CASE_INSENSITIVE);

    @Override
    public String id() {
        return "shell";
    }

    @Override
    public List<String> covers() {
        return List.of("Shell", "bash");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub bminor/bash (mirror of git.savannah.gnu.org/git/bash.git) release tags",
                "bminor/bash NEWS and CHANGES at the newest release");
    }

    /** bash's NEWS still describes each release's new features, the text the probe searches. */
    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("bash-5.2's NEWS describes the new features added to bash-5.2", BASH,
                "bash-5.2", "NEWS", "new features added to bash-5\\.2 since"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Optional<Tag> newest = Versions.newestFirst(github.tags(BASH, 1), Tag::name, RELEASE).stream().findFirst();
        if (newest.isEmpty()) {
            return CheckResult.couldNotLook("no release tags (like bash-5.2) in " + BASH);
        }
        Tag release = newest.get();
        List<String> missing = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Optional<LocalDate> released = Optional.empty();
        for (String path : NOTES) {
            Optional<SourceFile> text = github.document(BASH, release.name(), path);
            if (text.isEmpty()) {
                missing.add(path);
                continue;
            }
            if (released.isEmpty()) {
                released = github.tagDate(BASH, release).map(GitHubClient.Commit::day);
            }
            evidence.add(notesEvidence(release, released, path, text.get()));
        }
        if (evidence.isEmpty()) {
            return CheckResult.couldNotLook(BASH + " has neither " + String.join(" nor ", missing) + " at "
                    + release.name());
        }
        return CheckResult.evidence(evidence);
    }

    /** RELEASED citing the first line that names CRIU or restore-sibling, else ABSENT for the file. */
    private static Evidence notesEvidence(Tag release, Optional<LocalDate> released, String path, SourceFile text) {
        Optional<SourceFile.Line> line = text.firstMatching(CRIU);
        if (line.isPresent()) {
            return Evidence.of(Signal.RELEASED, "github", line.get().url(), released,
                    release.name() + " " + path + " mentions CRIU or restore-sibling").quoting(line.get().stripped());
        }
        return Evidence.of(Signal.ABSENT, "github", text.url(), released,
                release.name() + " " + path + ": no mention of CRIU or restore-sibling");
    }
}
