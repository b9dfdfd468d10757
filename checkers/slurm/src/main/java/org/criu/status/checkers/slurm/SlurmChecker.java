package org.criu.status.checkers.slurm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.Status;
import org.criu.status.core.source.GitHubClient.PinnedDirectory;
import org.criu.status.core.source.GitHubClient.Entry;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.Parallel;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * SLURM ran CRIU through its checkpoint plugin interface; this checker reads whether that interface (and a
 * CRIU plugin in it) is still in Slurm's tree and which major release's notes announce its removal.
 * See this module's README for the sources and what each verdict means.
 */
public final class SlurmChecker implements Checker {

    static final String REPO = "SchedMD/slurm";
    static final String PLUGINS = "src/plugins";
    static final String CHECKPOINT = "checkpoint";
    static final String CRIU_PLUGIN = "src/plugins/checkpoint/criu/Makefile.am";

    /**
     * Slurm's major releases since the 2016 CRIU fork, oldest first. Slurm removes interfaces only in major
     * releases and each major's RELEASE_NOTES list what it removed, so the first of these whose notes announce
     * the removal dates it. This says where to read, not what is written there.
     */
    static final List<String> MAJOR_RELEASES = List.of("17.02", "17.11", "18.08", "19.05", "20.02", "20.11",
            "21.08", "22.05", "23.02", "23.11", "24.05", "24.11", "25.05", "25.11", "26.05");

    /**
     * Major releases whose notes are read at once. The removal is announced once, usually a few majors after the
     * first; five at a time finds it in one or two round trips, at the cost of at most four raw reads past it.
     */
    static final int NOTES_READ_AHEAD = 5;

    private static final List<String> NOTES_FILES = List.of("RELEASE_NOTES", "RELEASE_NOTES.md");
    private static final Pattern BULLET = Pattern.compile("^\\s*--\\s+(.*)$");
    private static final Pattern CHECKPOINT_PLUGIN = Pattern.compile("(?i)\\bcheckpoint\\s+plugin");
    private static final Pattern REMOVED = Pattern.compile("(?i)\\b(removed|remove)\\b");
    private static final Pattern NOT_YET = Pattern.compile("(?i)\\bwill\\s+be\\s+removed\\b|\\bdeprecat");
    private static final Pattern CRIU = Pattern.compile("(?i)\\bcriu\\b");
    private static final Pattern RELEASE_TAG = Pattern.compile("slurm-\\d+-\\d+-\\d+-\\d+");

    /** A removal announcement: the file it was read in, the bullet's lines and its text. */
    record RemovalNotice(String tag, SourceFile notes, int firstLine, int lastLine, String text,
                         Optional<String> previousTag) {
        String url() {
            return notes.rangeUrl(firstLine, lastLine);
        }

        String summary() {
            return tag + " release notes: the checkpoint plugins were removed";
        }

        Evidence cite(Signal signal, Optional<LocalDate> date) {
            return Evidence.of(signal, "github", url(), date, summary()).quoting(text);
        }
    }

    @Override
    public String id() {
        return "slurm";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): the tree at head (repository, commit feed, listing) beside the release notes; then the notice's date. */
    @Override
    public int expectedDepth() {
        return 4;
    }

    @Override
    public List<String> covers() {
        return List.of("SLURM workload manager", "SLURM", "Slurm");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub SchedMD/slurm src/plugins at the default branch's head commit (found from its commit feed)",
                "SchedMD/slurm RELEASE_NOTES at each major release tag (slurm-YY-MM-0-1) since 17.02");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(
                Canary.gitHubFile("Slurm 20.02's release notes announce the removal of the checkpoint plugins", REPO,
                        "slurm-20-02-0-1", "RELEASE_NOTES",
                        "checkpoint plugin interface and all associated API calls have been"),
                Canary.gitHubFile("Slurm 19.05 still ships the checkpoint plugins (none, ompi)", REPO,
                        "slurm-19-05-0-1", PLUGINS + "/" + CHECKPOINT + "/Makefile.am", "^SUBDIRS\\s*=.*\\bnone\\b"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        Parallel parallel = context.parallel();
        // Today's tree and the release notes answer separate questions: both are asked at once.
        try (Parallel.Pending<Optional<RemovalNotice>> notes = parallel.start(() -> removalNotice(github, REPO,
                parallel))) {
            Optional<PinnedDirectory> listing = github.directoryAtHead(REPO, PLUGINS);
            if (listing.isEmpty()) {
                return CheckResult.couldNotLook("no " + PLUGINS + " at the default branch of " + REPO
                        + " (or no such repository): the source layout changed, this checker needs updating");
            }
            PinnedDirectory tree = listing.get();
            // The notes are read and cited in the repository as GitHub names it now (after a rename, again).
            Optional<RemovalNotice> notice = tree.repo().equals(REPO) ? notes.join()
                    : removalNotice(github, tree.repo(), parallel);
            return check(integration, github, parallel, tree, notice);
        }
    }

    private CheckResult check(Integration integration, GitHubClient github, Parallel parallel, PinnedDirectory tree,
                              Optional<RemovalNotice> notice) throws SourceException {
        String repo = tree.repo();
        // Read and cite the tree at the commit the branch pointed at, never at the moving branch.
        String at = tree.branch() + " (" + tree.sha().substring(0, 12) + ")";
        List<Entry> plugins = tree.entries();
        boolean checkpointAtHead = plugins.stream().anyMatch(e -> e.name().equals(CHECKPOINT));
        Optional<String> criuAtHead = plugins.stream().map(Entry::path).filter(p -> CRIU.matcher(p).find())
                .findFirst();
        if (criuAtHead.isEmpty() && checkpointAtHead && github.file(repo, tree.sha(), CRIU_PLUGIN).isPresent()) {
            criuAtHead = Optional.of(CRIU_PLUGIN.substring(0, CRIU_PLUGIN.lastIndexOf('/')));
        }

        List<Evidence> evidence = new ArrayList<>();
        if (criuAtHead.isPresent()) {
            evidence.add(criuPluginEvidence(github, tree, criuAtHead.get()));
            // The tree contradicts an old notice (the plugin came back); the notice is history now.
            notice.ifPresent(n -> evidence.add(n.cite(Signal.CONTEXT, Optional.empty())));
        } else if (!checkpointAtHead && notice.isPresent()) {
            // The notice proves the removal; the listing only shows today's tree, so it is context.
            RemovalNotice n = notice.get();
            // The notice's date and what the release before it shipped: independent, asked together.
            try (Parallel.Pending<Optional<Evidence>> former = n.previousTag().isPresent()
                    ? parallel.start(() -> formerPlugins(github, repo, n.previousTag().get())) : null) {
                evidence.add(n.cite(Signal.REMOVED, dateOf(github, repo, n.tag())));
                evidence.add(Evidence.undated(Signal.CONTEXT, "github", tree.treeUrl(),
                        PLUGINS + " at " + at + ": no " + CHECKPOINT + "/ and no CRIU plugin among "
                                + directories(plugins) + " plugin types"));
                if (former != null) {
                    former.join().ifPresent(evidence::add);
                }
            }
        } else if (!checkpointAtHead && integration.status().filter(Status.READY::equals).isPresent()) {
            // A directory gone without a word in the release notes: renamed, moved or removed? Not proven, so the
            // page's "ready" is not contradicted by it.
            return CheckResult.couldNotLook(PLUGINS + " at " + at + " has no " + CHECKPOINT + "/, and no major"
                    + " release's notes announce its removal: the absence is not proven", List.of(
                    Evidence.undated(Signal.CONTEXT, "github", tree.treeUrl(), PLUGINS + " at " + at + ": no "
                            + CHECKPOINT + "/ and no CRIU plugin")));
        } else {
            evidence.add(Evidence.undated(Signal.ABSENT, "github", tree.treeUrl(), PLUGINS + " at " + at
                    + (checkpointAtHead ? ": " + CHECKPOINT + "/ has no CRIU plugin" : ": no " + CHECKPOINT
                    + "/ and no CRIU plugin") + (notice.isPresent() ? ""
                    : "; no major release's notes announce the removal of the checkpoint plugins")));
            notice.ifPresent(n -> evidence.add(Evidence.undated(Signal.CONTEXT, "github", n.url(),
                    n.summary() + " (but " + CHECKPOINT + "/ is back at " + at + ")").quoting(n.text())));
        }
        return CheckResult.evidence(evidence);
    }

    /** A major release's notes, if it has them (under either name). */
    private record NotesAt(String tag, Optional<SourceFile> notes) {
        boolean announceRemoval() {
            return notes.flatMap(n -> findRemoval(n, tag, Optional.empty())).isPresent();
        }
    }

    /**
     * The first major release whose RELEASE_NOTES announce that the checkpoint plugins were removed. The notes of
     * {@link #NOTES_READ_AHEAD} majors are read at once (raw files: no API request), in order, until one announces it.
     */
    static Optional<RemovalNotice> removalNotice(GitHubClient github, String repo, Parallel parallel)
            throws SourceException {
        List<NotesAt> read = parallel.readAhead(MAJOR_RELEASES, NOTES_READ_AHEAD, major -> {
            String tag = "slurm-" + major.replace('.', '-') + "-0-1";
            for (String path : NOTES_FILES) {
                Optional<SourceFile> notes = github.document(repo, tag, path);
                if (notes.isPresent()) {
                    return new NotesAt(tag, notes);
                }
            }
            return new NotesAt(tag, Optional.empty());
        }, NotesAt::announceRemoval);
        String previous = null;
        for (NotesAt at : read) {
            if (at.notes().isPresent()) {
                Optional<RemovalNotice> notice = findRemoval(at.notes().get(), at.tag(), Optional.ofNullable(previous));
                if (notice.isPresent()) {
                    return notice;
                }
                previous = at.tag();
            }
        }
        if (read.stream().allMatch(at -> at.notes().isEmpty())) {
            throw new SourceException("https://github.com/" + repo,
                    "no RELEASE_NOTES at any major release tag of " + repo + " (" + MAJOR_RELEASES.get(0)
                            + " to " + MAJOR_RELEASES.get(MAJOR_RELEASES.size() - 1) + "): tags or files were renamed");
        }
        return Optional.empty();
    }

    /** Finds a " -- ..." bullet (continuation lines joined) that says the checkpoint plugins were removed. */
    static Optional<RemovalNotice> findRemoval(SourceFile notes, String tag, Optional<String> previousTag) {
        String[] lines = notes.lines().toArray(String[]::new);
        for (int i = 0; i < lines.length; i++) {
            Matcher bullet = BULLET.matcher(lines[i]);
            if (!bullet.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder(bullet.group(1).strip());
            int last = i;
            while (last + 1 < lines.length && continues(lines[last + 1])) {
                last++;
                text.append(' ').append(lines[last].strip());
            }
            String joined = text.toString();
            if (CHECKPOINT_PLUGIN.matcher(joined).find() && REMOVED.matcher(joined).find()
                    && !NOT_YET.matcher(joined).find()) {
                return Optional.of(new RemovalNotice(tag, notes, i + 1, last + 1, joined, previousTag));
            }
            i = last;
        }
        return Optional.empty();
    }

    /** An indented, non-blank line that is not a new bullet continues the bullet above it. */
    private static boolean continues(String line) {
        return !line.isBlank() && Character.isWhitespace(line.charAt(0)) && !BULLET.matcher(line).matches();
    }

    /** What the release before the removal shipped in src/plugins/checkpoint (free: raw file, no API call). */
    private static Optional<Evidence> formerPlugins(GitHubClient github, String repo, String tag)
            throws SourceException {
        String makefile = PLUGINS + "/" + CHECKPOINT + "/Makefile.am";
        return github.file(repo, tag, makefile).map(text -> {
            String subdirs = text.lines().filter(l -> l.strip().startsWith("SUBDIRS")).findFirst()
                    .map(String::strip).orElse("present");
            return Evidence.undated(Signal.CONTEXT, "github",
                    "https://github.com/" + repo + "/tree/" + tag + "/" + PLUGINS + "/" + CHECKPOINT,
                    tag + ": " + PLUGINS + "/" + CHECKPOINT + "/ still there (" + subdirs + ")");
        });
    }

    /** A CRIU plugin in the tree: released if the newest release tag carries it, else in development. */
    private static Evidence criuPluginEvidence(GitHubClient github, PinnedDirectory tree, String pluginPath)
            throws SourceException {
        String repo = tree.repo();
        Optional<Tag> newest = Versions.newestFirst(github.tags(repo, 1), Tag::name, RELEASE_TAG).stream().findFirst();
        if (newest.isPresent() && github.file(repo, newest.get().name(), pluginPath + "/Makefile.am").isPresent()) {
            Tag tag = newest.get();
            return Evidence.of(Signal.RELEASED, "github",
                    "https://github.com/" + repo + "/tree/" + tag.name() + "/" + pluginPath,
                    github.tagDate(repo, tag).map(GitHubClient.Commit::day),
                    tag.name() + " ships " + pluginPath + "/");
        }
        return Evidence.undated(Signal.IN_DEVELOPMENT, "github", tree.head().treeUrl(pluginPath), pluginPath + "/ at "
                + tree.branch() + " (" + tree.sha().substring(0, 12) + "), in no release yet"
                + newest.map(t -> " (newest " + t.name() + ")").orElse(""));
    }

    private static Optional<LocalDate> dateOf(GitHubClient github, String repo, String tag) throws SourceException {
        return github.tagDate(repo, new Tag(tag, "")).map(GitHubClient.Commit::day);
    }

    private static long directories(List<Entry> entries) {
        return entries.stream().filter(e -> "dir".equals(e.type())).count();
    }
}
