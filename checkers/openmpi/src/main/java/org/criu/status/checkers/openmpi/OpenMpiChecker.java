package org.criu.status.checkers.openmpi;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.Status;
import org.criu.status.core.source.GitHubClient.PinnedDirectory;
import org.criu.status.core.source.GitHubClient.Release;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Open MPI checkpointed through CRIU with a component of its CRS framework ({@code opal/mca/crs/criu});
 * this checker reads whether that component is still in the tree and what the release notes say about
 * checkpoint/restart. See this module's README for the sources and what each verdict means.
 */
public final class OpenMpiChecker implements Checker {

    static final String REPO = "open-mpi/ompi";
    static final String MCA = "opal/mca";
    static final String CRS = "crs";
    static final String CRIU_COMPONENT = "opal/mca/crs/criu/Makefile.am";
    static final String CHANGELOG = "docs/release-notes/changelog";
    static final String CRIU_COMPONENT_SOURCE = "opal/mca/crs/criu/crs_criu_component.c";

    private static final Pattern TOCTREE_ENTRY = Pattern.compile("^\\s+([A-Za-z0-9_.\\-/]+)\\s*$");
    private static final Pattern VERSION_HEADING = Pattern.compile("^Open MPI version v?(\\S+)\\s*$");
    private static final Pattern DATE = Pattern.compile("^:Date:\\s*(.+?)\\s*$");
    private static final Pattern CHECKPOINT_RESTART = Pattern.compile("(?i)checkpoint[ /-]?restart|\\bC/R\\b");
    private static final Pattern REMOVED = Pattern.compile("(?i)\\bremov(ed|e|al)\\b");
    private static final DateTimeFormatter RST_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A release-notes line announcing the end of checkpoint/restart, with the release it belongs to. */
    record RemovalNotice(SourceFile.Line line, String text, Optional<String> version, Optional<LocalDate> date) {
    }

    @Override
    public String id() {
        return "openmpi";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): the repository, its branch head, the tree, the changelog index, then the series notes one by one. */
    @Override
    public int expectedDepth() {
        return 10;
    }

    @Override
    public List<String> covers() {
        return List.of("OpenMPI", "Open MPI");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub open-mpi/ompi opal/mca (the CRS framework and its criu component) at the default branch's head commit",
                "open-mpi/ompi docs/release-notes/changelog/*.rst at that commit (newest series first)",
                "open-mpi/ompi releases, only when the criu component is in the tree");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(
                Canary.gitHubFile("Open MPI v3.1.0 ships the CRS framework's criu component", REPO, "v3.1.0",
                        CRIU_COMPONENT_SOURCE, "^opal_crs_criu_component_t\\s+mca_crs_criu_component\\s*="),
                Canary.gitHubFile("Open MPI v5.0.10's v5.0.x changelog says C/R support was removed", REPO, "v5.0.10",
                        CHANGELOG + "/v5.0.x.rst", "Removed all vestiges of Checkpoint Restart"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Optional<PinnedDirectory> listing = github.directoryAtHead(REPO, MCA);
        if (listing.isEmpty()) {
            return CheckResult.couldNotLook("no " + MCA + " at the default branch of " + REPO
                    + " (or no such repository): the source layout changed, this checker needs updating");
        }
        PinnedDirectory tree = listing.get();
        String repo = tree.repo();
        // Everything is read, and cited, at the commit the branch pointed at, never at the moving branch.
        String sha = tree.sha();
        String at = tree.branch() + " (" + sha.substring(0, 12) + ")";
        boolean crsAtHead = tree.entries().stream().anyMatch(e -> e.name().equals(CRS));
        boolean criuAtHead = crsAtHead && github.file(repo, sha, CRIU_COMPONENT).isPresent();
        Optional<RemovalNotice> notice = removalNotice(github, repo, sha);

        List<Evidence> evidence = new ArrayList<>();
        String what = crsAtHead ? MCA + "/" + CRS + " at " + at + ": no criu component"
                : MCA + " at " + at + ": no " + CRS + " framework (where the criu component lived)";
        if (criuAtHead) {
            evidence.add(componentEvidence(github, tree));
            notice.ifPresent(n -> evidence.add(noticeEvidence(Signal.CONTEXT, n)));
        } else if (notice.isPresent()) {
            // The release note proves the removal; today's tree is context.
            evidence.add(noticeEvidence(Signal.REMOVED, notice.get()));
            evidence.add(Evidence.undated(Signal.CONTEXT, "github", tree.treeUrl(), what));
        } else if (integration.status().filter(Status.READY::equals).isPresent()) {
            // The component is gone without a word in the release notes: renamed, moved or removed? Not proven,
            // so the page's "ready" is not contradicted by it.
            return CheckResult.couldNotLook(what + ", and no release note announces the end of checkpoint/restart:"
                    + " the absence is not proven", List.of(Evidence.undated(Signal.CONTEXT, "github",
                    tree.treeUrl(), what)));
        } else {
            evidence.add(Evidence.undated(Signal.ABSENT, "github", tree.treeUrl(),
                    what + "; no release note announces the end of checkpoint/restart"));
        }
        return CheckResult.evidence(evidence);
    }

    /**
     * The newest changelog line that says checkpoint/restart was removed. The changelog index lists the
     * series files newest first; the first file with such a line has the newest announcement.
     */
    static Optional<RemovalNotice> removalNotice(GitHubClient github, String repo, String sha)
            throws SourceException {
        String indexPath = CHANGELOG + "/index.rst";
        String index = github.file(repo, sha, indexPath).orElseThrow(() -> new SourceException(
                GitHubClient.blobUrl(repo, sha, indexPath),
                "no " + indexPath + " in " + repo + " at " + sha + ": the release notes moved"));
        for (String series : toctree(index)) {
            String path = CHANGELOG + "/" + series + ".rst";
            Optional<SourceFile> notes = github.document(repo, sha, path);
            if (notes.isPresent()) {
                Optional<RemovalNotice> notice = findRemoval(notes.get());
                if (notice.isPresent()) {
                    return notice;
                }
            }
        }
        return Optional.empty();
    }

    /** The entries of the first {@code .. toctree::} directive, in page order. */
    static List<String> toctree(String rst) {
        List<String> entries = new ArrayList<>();
        boolean inside = false;
        for (String line : rst.split("\n", -1)) {
            if (line.strip().startsWith(".. toctree::")) {
                inside = true;
                continue;
            }
            if (!inside || line.isBlank() || line.strip().startsWith(":")) {
                continue;
            }
            Matcher m = TOCTREE_ENTRY.matcher(line);
            if (!m.matches()) {
                break;
            }
            entries.add(m.group(1));
        }
        return entries;
    }

    /** The first line of a series changelog that announces removed checkpoint/restart, with its release. */
    static Optional<RemovalNotice> findRemoval(SourceFile notes) {
        String[] lines = notes.lines().toArray(String[]::new);
        Optional<String> version = Optional.empty();
        Optional<LocalDate> date = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            Matcher heading = VERSION_HEADING.matcher(lines[i]);
            if (heading.matches() && i + 1 < lines.length && lines[i + 1].matches("^-{3,}\\s*$")) {
                version = Optional.of(heading.group(1));
                date = Optional.empty();
                continue;
            }
            Matcher d = DATE.matcher(lines[i]);
            if (d.matches()) {
                date = parseDate(d.group(1));
                continue;
            }
            if (CHECKPOINT_RESTART.matcher(lines[i]).find() && REMOVED.matcher(lines[i]).find()) {
                String text = lines[i].strip().replaceFirst("^[-*]\\s+", "");
                return Optional.of(new RemovalNotice(notes.line(i + 1), text, version, date));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text, RST_DATE));
        } catch (DateTimeParseException e) {
            // Unreleased series say ":Date: ...fill me in..."; such a line has no date yet.
            return Optional.empty();
        }
    }

    private static Evidence noticeEvidence(Signal signal, RemovalNotice n) {
        String release = n.version().map(v -> "v" + v + (n.date().isPresent() ? "" : " (unreleased)"))
                .orElse("a release");
        return Evidence.of(signal, "github", n.line().url(), n.date(),
                release + " release notes end checkpoint/restart support").quoting(n.text());
    }

    /** The criu component in the tree: released if the newest release carries it, else in development. */
    private static Evidence componentEvidence(GitHubClient github, PinnedDirectory tree) throws SourceException {
        String repo = tree.repo();
        String component = CRIU_COMPONENT.substring(0, CRIU_COMPONENT.lastIndexOf('/'));
        Optional<Release> newest = github.releases(repo, 1).stream().filter(r -> !r.prerelease()).findFirst();
        if (newest.isPresent() && github.file(repo, newest.get().tagName(), CRIU_COMPONENT).isPresent()) {
            Release r = newest.get();
            return Evidence.of(Signal.RELEASED, "github", "https://github.com/" + repo + "/tree/" + r.tagName()
                    + "/" + component, r.publishedAt().map(p -> p.atZone(java.time.ZoneOffset.UTC).toLocalDate()),
                    r.tagName() + " ships " + component + "/");
        }
        return Evidence.undated(Signal.IN_DEVELOPMENT, "github", tree.head().treeUrl(component), component + "/ at "
                + tree.branch() + " (" + tree.sha().substring(0, 12) + "), in no release yet"
                + newest.map(r -> " (newest " + r.tagName() + ")").orElse(""));
    }
}
