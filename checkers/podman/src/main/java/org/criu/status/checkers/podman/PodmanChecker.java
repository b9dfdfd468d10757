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
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;

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
    /** The man page's NAME line ("podman\\-container\\-checkpoint - Checkpoint one or more running containers"). */
    static final Pattern NAME_LINE = Pattern.compile("^podman\\\\?-container\\\\?-checkpoint\\s+-\\s");
    static final PathHistory.Subject SUBJECT = PathHistory.Subject.file(MAN_PAGES.get(0), NAME_LINE);
    /** A release known to ship the man page (podman v4.0.0, 2022-02-17): the canary, and the history's base. */
    static final String KNOWN_RELEASE = "v4.0.0";
    /** Where the repository lives now (GitHub redirects {@link #REPO} there); the canary reads it directly. */
    static final String HOME = "podman-container-tools/podman";

    @Override
    public String id() {
        return "podman";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): the repository (a redirect), its releases, then the newest release's files. */
    @Override
    public int expectedDepth() {
        return 5;
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
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("podman " + KNOWN_RELEASE + " ships the podman-container-checkpoint man page",
                HOME, KNOWN_RELEASE, MAN_PAGES.get(0), NAME_LINE.pattern()));
    }

    @Override
    public List<RemovalClaim> removalClaims() {
        return List.of(RemovalClaim.github("the podman-container-checkpoint man page", HOME, SUBJECT));
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
        } else {
            return whyMissing(github, repo, releases, latest, released, checkpointNotes, evidence);
        }
        return CheckResult.evidence(evidence);
    }

    /**
     * The newest release has no checkpoint man page. If a release had one, the history decides: a rename or a
     * move (a restructured docs tree) is followed and read at the newest release, a deletion cites its commit, an
     * unknown history is no verdict. If none had one, nothing says the feature ever shipped there: absent.
     */
    private static CheckResult whyMissing(GitHubClient github, String repo, List<Release> releases, Release latest,
                                          Optional<LocalDate> released, List<SourceFile.Line> checkpointNotes,
                                          List<Evidence> evidence) throws SourceException {
        String tag = latest.tagName();
        String tree = "https://github.com/" + repo + "/tree/" + tag + "/" + MAN_DIR;
        PathHistory history = PathHistory.github(github, repo);
        Optional<PathHistory.Boundary> range = history.range(SUBJECT,
                releases.stream().map(Release::tagName).toList(), List.of(KNOWN_RELEASE));
        if (range.isEmpty()) {
            if (!checkpointNotes.isEmpty()) {
                return CheckResult.couldNotLook(tag + " has no podman-container-checkpoint man page, and neither has any"
                        + " release back to " + KNOWN_RELEASE + ", which shipped it: the probe is out of date", evidence);
            }
            evidence.add(Evidence.of(Signal.ABSENT, "github", tree, released,
                    tag + ": no checkpoint man page, no checkpoint in " + NOTES));
            return CheckResult.evidence(evidence);
        }
        String had = range.get().lastWith();
        PathHistory.Answer answer = history.whatHappened(SUBJECT, had, range.get().firstWithout());
        if (answer instanceof PathHistory.Renamed renamed) {
            return followed(github, repo, latest, released, renamed.to(), renamed.context("github"), evidence);
        }
        if (answer instanceof PathHistory.Moved moved) {
            return followed(github, repo, latest, released, moved.to(),
                    moved.context("github", "the podman-container-checkpoint man page"), evidence);
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            evidence.add(Evidence.of(Signal.REMOVED, "github", tree, released, tag
                    + ": no podman-container-checkpoint man page in " + MAN_DIR + " (last in " + had + ")"));
            evidence.addAll(deleted.evidence("github", MAN_PAGES.get(0)));
            // A release-note line announcing a checkpoint removal is worth showing; it proves nothing on its own.
            checkpointNotes.stream().filter(n -> REMOVAL.matcher(n.text()).find()).findFirst()
                    .ifPresent(n -> evidence.add(Evidence.undated(Signal.CONTEXT, "github", n.url(),
                            NOTES + " at " + tag + " mentions a checkpoint removal").quoting(bulletless(n))));
            return CheckResult.evidence(evidence);
        }
        return CheckResult.couldNotLook(tag + " has no podman-container-checkpoint man page (" + had + " had it), and"
                + " its history does not show it removed: " + ((PathHistory.Unknown) answer).reason(), evidence);
    }

    /** The man page where the history says it went, read at the newest release. */
    private static CheckResult followed(GitHubClient github, String repo, Release latest, Optional<LocalDate> released,
                                       String path, Evidence how, List<Evidence> evidence) throws SourceException {
        Optional<SourceFile> man = github.document(repo, latest.tagName(), path)
                .filter(f -> f.firstMatching(NAME_LINE).isPresent());
        if (man.isEmpty()) {
            return CheckResult.couldNotLook("the podman-container-checkpoint man page went to " + path + ", which "
                    + latest.tagName() + " does not have either", List.of(how));
        }
        Evidence shipped = Evidence.of(Signal.RELEASED, "github", man.get().url(), released,
                latest.tagName() + " ships the podman-container-checkpoint man page (" + path + ")");
        evidence.add(nameLine(man.get()).map(shipped::quoting).orElse(shipped));
        evidence.add(how);
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
