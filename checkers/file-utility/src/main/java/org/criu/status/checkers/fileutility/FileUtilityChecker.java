package org.criu.status.checkers.fileutility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;

/**
 * The file utility recognises CRIU images through its magic database ({@code magic/Magdir/linux}).
 * Ready means a released {@code FILE5_NN} tag ships CRIU magic; see this module's README.
 */
public final class FileUtilityChecker implements Checker {

    static final String REPO = "file/file";
    static final String MAGIC = "magic/Magdir/linux";
    static final String REPOLOGY_PROJECT = "file";
    private static final Pattern RELEASE = Pattern.compile("FILE\\d+_\\d+");
    /**
     * A magic entry naming CRIU: offset, type, value, then the description ("0 lelong 0x54564319 CRIU image file
     * v1.1"). A comment, or a changelog line that mentions CRIU, is no entry, so it never reads as moved magic.
     */
    static final Pattern MAGIC_ENTRY = Pattern.compile("(?m)^>*\\d+\\s+\\S+\\s+\\S+.*\\bCRIU\\b");
    static final PathHistory.Subject SUBJECT = PathHistory.Subject.lines(MAGIC, MAGIC_ENTRY);
    /** The first release with CRIU magic (FILE5_23, 2015-06-10): the canary, and the history's base. */
    static final String KNOWN_RELEASE = "FILE5_23";
    private static final Pattern VERSION_IN_NOTES = Pattern.compile("\\b(\\d+)\\.(\\d+)\\b");

    @Override
    public String id() {
        return "file-utility";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): tags, the newest tag's magic file, its date, then the older releases. */
    @Override
    public int expectedDepth() {
        return 6;
    }

    @Override
    public List<String> covers() {
        return List.of("The file utility", "file");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub file/file tags (FILE5_NN)", "file/file magic/Magdir/linux at the newest release (and its history when the magic is gone)",
                "Repology project 'file' (distribution package versions, context)");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitHubFile("file " + KNOWN_RELEASE + " (5.23) ships CRIU magic in " + MAGIC, REPO,
                KNOWN_RELEASE, MAGIC, "CRIU image file"));
    }

    @Override
    public List<RemovalClaim> removalClaims() {
        return List.of(RemovalClaim.github("the CRIU magic of " + MAGIC, REPO, SUBJECT));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Tag> releases = Versions.newestFirst(github.tags(REPO, 1), Tag::name, RELEASE);
        if (releases.isEmpty()) {
            return CheckResult.couldNotLook("no FILE<major>_<minor> release tags in " + REPO);
        }
        Tag latest = releases.get(0);
        List<Evidence> evidence = new ArrayList<>();
        Optional<Evidence> atLatest = magicEvidence(github, latest, MAGIC);
        // The page names the first release with CRIU magic ("starting from 5.23"); check that claim too.
        Optional<Tag> claimed = claimedRelease(integration, releases);
        Optional<Evidence> atClaimed = claimed.isPresent() && !claimed.get().equals(latest)
                ? magicEvidence(github, claimed.get(), MAGIC) : Optional.empty();
        if (atLatest.isEmpty()) {
            return whyMissing(context, releases, latest, claimed.filter(t -> atClaimed.isPresent()), atClaimed);
        }
        evidence.add(atLatest.get());
        atClaimed.ifPresent(evidence::add);
        // Editors' readers install file from their distribution: say which ones carry a release with the magic.
        Tag oldestWithMagic = atClaimed.isPresent() ? claimed.get() : latest;
        distroPackages(context.repology(), oldestWithMagic.name()).ifPresent(evidence::add);
        return CheckResult.evidence(evidence);
    }

    /**
     * The newest release has no CRIU magic in magic/Magdir/linux. Where a release had it, the history decides: a
     * renamed file or magic moved to another file is followed and read at the newest release, a deletion cites its
     * commit, an unknown history is no verdict. Where none had it, the default branch (read at its SHA) says
     * whether unreleased magic exists.
     */
    private CheckResult whyMissing(CheckContext context, List<Tag> releases, Tag latest, Optional<Tag> claimed,
                                   Optional<Evidence> atClaimed) throws SourceException {
        GitHubClient github = context.github();
        PathHistory history = PathHistory.github(github, REPO);
        List<String> known = new ArrayList<>();
        claimed.ifPresent(t -> known.add(t.name()));
        known.add(KNOWN_RELEASE);
        Optional<PathHistory.Boundary> range = history.range(SUBJECT, releases.stream().map(Tag::name).toList(), known);
        if (range.isEmpty()) {
            return CheckResult.evidence(unreleased(github, latest));
        }
        String had = range.get().lastWith();
        PathHistory.Answer answer = history.whatHappened(SUBJECT, had, range.get().firstWithout());
        String missing = latest.name() + ": no CRIU magic in " + MAGIC;
        if (answer instanceof PathHistory.Renamed renamed) {
            return followed(github, latest, renamed.to(), renamed.context("github"), missing);
        }
        if (answer instanceof PathHistory.Moved moved) {
            return followed(github, latest, moved.to(), moved.context("github", "the CRIU magic"), missing);
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.of(Signal.REMOVED, "github", GitHubClient.blobUrl(REPO, latest.name(), MAGIC),
                    dateOf(github, latest), missing + " (last in " + had + ")"));
            evidence.addAll(deleted.evidence("github", "the CRIU magic of " + MAGIC));
            atClaimed.map(e -> e.as(Signal.CONTEXT)).ifPresent(evidence::add);
            return CheckResult.evidence(evidence);
        }
        return CheckResult.couldNotLook(missing + " (" + had + " had it), and its history does not show it removed: "
                + ((PathHistory.Unknown) answer).reason());
    }

    /** The magic where the history says it went, read at the newest release. */
    private CheckResult followed(GitHubClient github, Tag latest, String path, Evidence how, String missing)
            throws SourceException {
        Optional<Evidence> there = magicEvidence(github, latest, path);
        if (there.isEmpty()) {
            return CheckResult.couldNotLook(missing + "; it went to " + path + ", which has none at " + latest.name()
                    + " either", List.of(how));
        }
        return CheckResult.evidence(there.get(), how);
    }

    /** No release has ever had the magic: is it on the default branch (read at the commit it points at)? */
    private static Evidence unreleased(GitHubClient github, Tag latest) throws SourceException {
        GitHubClient.BranchHead head = github.branchHead(REPO, "HEAD").orElseThrow(() -> new SourceException(
                "https://github.com/" + REPO, "GitHub cannot say which commit " + REPO + "'s default branch is at"));
        Optional<SourceFile.Line> line = github.document(REPO, head.sha(), MAGIC)
                .flatMap(FileUtilityChecker::firstCriuLine);
        if (line.isPresent()) {
            return Evidence.undated(Signal.IN_DEVELOPMENT, "github", line.get().url(),
                    "CRIU magic on the default branch (" + head.sha().substring(0, 12) + "), in no release after "
                            + latest.name()).quoting(condensed(line.get()));
        }
        return Evidence.of(Signal.ABSENT, "github", GitHubClient.blobUrl(REPO, latest.name(), MAGIC),
                dateOf(github, latest), latest.name() + " and the default branch (" + head.sha().substring(0, 12)
                        + "): no CRIU magic in " + MAGIC);
    }

    /**
     * Repology's packages of file at or above {@code sinceTag}'s version, as context. Context only, so a
     * Repology failure does not fail a check the release tags already decide; it is said on the finding.
     */
    private static Optional<Evidence> distroPackages(RepologyClient repology, String sinceTag) {
        List<RepologyClient.Package> packages;
        try {
            packages = repology.packages(REPOLOGY_PROJECT);
        } catch (SourceException e) {
            return Optional.of(Evidence.couldNotRead("repology", RepologyClient.projectUrl(REPOLOGY_PROJECT),
                    "Repology's packages of file", e));
        }
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        String since = Versions.version(sinceTag).orElseThrow();
        List<RepologyClient.Package> carrying = packages.stream()
                .filter(p -> Versions.compare(p.version(), since) >= 0).toList();
        String examples = carrying.stream().limit(4).map(p -> p.repo() + " " + p.version())
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of(Evidence.undated(Signal.CONTEXT, "repology", RepologyClient.projectUrl(REPOLOGY_PROJECT),
                carrying.size() + " of " + packages.size() + " packaged versions of file are " + since
                        + " or newer, with CRIU magic" + (examples.isEmpty() ? "" : " (" + examples + ")")));
    }

    private Optional<Evidence> magicEvidence(GitHubClient github, Tag tag, String path) throws SourceException {
        Optional<SourceFile.Line> line = github.document(REPO, tag.name(), path)
                .flatMap(FileUtilityChecker::firstCriuLine);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Evidence.of(Signal.RELEASED, "github", line.get().url(), dateOf(github, tag),
                tag.name() + " ships CRIU magic in " + path).quoting(condensed(line.get())));
    }

    /** The first magic entry naming CRIU (a comment line is no entry). */
    private static Optional<SourceFile.Line> firstCriuLine(SourceFile magic) {
        return magic.firstMatching(MAGIC_ENTRY);
    }

    /** A magic line with its tab-aligned columns condensed to single spaces, as a reader quotes it. */
    private static String condensed(SourceFile.Line line) {
        return line.text().replaceAll("\\s+", " ").strip();
    }

    private static Optional<java.time.LocalDate> dateOf(GitHubClient github, Tag tag) throws SourceException {
        return github.tagDate(REPO, tag).map(GitHubClient.Commit::day);
    }

    /** The release the page's notes name ("File utility starting from 5.23"), if it exists as a tag. */
    private static Optional<Tag> claimedRelease(Integration integration, List<Tag> releases) {
        Matcher m = VERSION_IN_NOTES.matcher(integration.notesText());
        while (m.find()) {
            String name = "FILE" + m.group(1) + "_" + m.group(2);
            Optional<Tag> tag = releases.stream().filter(t -> t.name().equals(name)).findFirst();
            if (tag.isPresent()) {
                return tag;
            }
        }
        return Optional.empty();
    }
}
