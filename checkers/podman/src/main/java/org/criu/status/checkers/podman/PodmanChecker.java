package org.criu.status.checkers.podman;

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
import org.criu.status.core.source.GitHubClient.Release;
import org.criu.status.core.source.GitHubClient.Repository;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubEvidence;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Podman checkpoints containers with CRIU ({@code podman container checkpoint}); ready means the newest
 * release ships that command's man page. See this module's README.
 */
public final class PodmanChecker implements Checker {

    /** The name the page and most links know; GitHub answers it with a 301 to the project's current home. */
    static final String REPO = "containers/podman";
    static final String MAN_DIR = "docs/source/markdown";
    /** Plain man pages end in .md; pages generated from shared option snippets end in .md.in. */
    static final List<String> MAN_PAGES = List.of(MAN_DIR + "/podman-container-checkpoint.1.md",
            MAN_DIR + "/podman-container-checkpoint.1.md.in");
    static final String NOTES = "RELEASE_NOTES.md";
    private static final Pattern RELEASE = Pattern.compile("v\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");
    private static final Pattern CHECKPOINT = Pattern.compile("(?i)\\bcheckpoint");
    private static final Pattern REMOVAL = Pattern.compile("(?i)\\b(removed|dropped|no longer supported)\\b");

    @Override
    public String id() {
        return "podman";
    }

    @Override
    public List<String> covers() {
        return List.of("Podman");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub " + REPO + " (following its move) repository and releases",
                "podman-container-checkpoint man page and " + NOTES + " at the newest release");
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Optional<Repository> found = github.repository(REPO);
        if (found.isEmpty()) {
            return CheckResult.couldNotLook("GitHub knows no repository " + REPO + " (no redirect either)");
        }
        Repository repository = found.get();
        String repo = repository.fullName();
        List<Evidence> evidence = new ArrayList<>();
        GitHubEvidence.archived(repository).ifPresent(evidence::add);
        List<Release> releases = Versions.newestFirst(
                github.releases(repo, 1).stream().filter(r -> !r.prerelease()).toList(), Release::tagName, RELEASE);
        if (releases.isEmpty()) {
            return evidence.isEmpty() ? CheckResult.couldNotLook("no vX.Y.Z releases in " + repo)
                    : CheckResult.evidence(evidence);
        }
        Release latest = releases.get(0);
        String tag = latest.tagName();
        Optional<LocalDate> released = latest.publishedAt().map(p -> p.atZone(ZoneOffset.UTC).toLocalDate());

        Optional<SourceFile> manPage = Optional.empty();
        for (String path : MAN_PAGES) {
            manPage = github.document(repo, tag, path);
            if (manPage.isPresent()) {
                break;
            }
        }
        List<SourceFile.Line> checkpointNotes = github.document(repo, tag, NOTES)
                .map(PodmanChecker::checkpointLines).orElse(List.of());

        if (manPage.isPresent()) {
            SourceFile man = manPage.get();
            Evidence shipped = Evidence.of(Signal.RELEASED, "github", man.url(), released,
                    tag + " ships the podman-container-checkpoint man page");
            evidence.add(nameLine(man).map(l -> shipped.quoting(l)).orElse(shipped));
            // The newest release-note line about checkpoints: a second document saying the feature ships.
            checkpointNotes.stream().findFirst().ifPresent(n -> evidence.add(Evidence.undated(Signal.RELEASED,
                    "github", n.url(), NOTES + " at " + tag + ": the newest checkpoint change").quoting(bulletless(n))));
        } else if (!checkpointNotes.isEmpty()) {
            // The release notes prove checkpointing shipped before; its man page gone from a release means removal.
            evidence.add(Evidence.of(Signal.REMOVED, "github",
                    "https://github.com/" + repo + "/tree/" + tag + "/" + MAN_DIR, released,
                    tag + ": no podman-container-checkpoint man page in " + MAN_DIR + " (" + NOTES + " lists "
                            + checkpointNotes.size() + " checkpoint changes in earlier releases)"));
            checkpointNotes.stream().filter(n -> REMOVAL.matcher(n.text()).find()).findFirst()
                    .ifPresent(n -> evidence.add(Evidence.undated(Signal.REMOVED, "github", n.url(),
                            NOTES + " at " + tag + " announces a checkpoint removal").quoting(bulletless(n))));
        } else {
            evidence.add(Evidence.of(Signal.ABSENT, "github", "https://github.com/" + repo + "/tree/" + tag + "/" + MAN_DIR,
                    released, tag + ": no checkpoint man page, no checkpoint in " + NOTES));
        }
        return CheckResult.evidence(evidence);
    }

    /** Release-note lines about checkpoints (headings excluded), in order. */
    private static List<SourceFile.Line> checkpointLines(SourceFile notes) {
        return notes.allMatching(CHECKPOINT).stream().filter(l -> !l.stripped().startsWith("#")).toList();
    }

    /** A release-note line without its bullet. */
    private static String bulletless(SourceFile.Line line) {
        return line.stripped().replaceFirst("^[-*]\\s+", "");
    }

    /** The man page's NAME line ("podman-container-checkpoint - Checkpoints one or more running containers"). */
    private static Optional<String> nameLine(SourceFile manPage) {
        List<String> lines = manPage.lines();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).strip().equals("## NAME")) {
                return Optional.of(lines.get(i + 1).replace("\\-", "-").strip()).filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }
}
