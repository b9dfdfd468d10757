package org.criu.status.core.source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;

/**
 * The one way to ask "what happened to this path?" between a release that had it and one that lacks it, on
 * GitHub or GitLab. A file missing from a release is not yet a removed feature: upstreams rename files, split
 * them, move their content and restructure trees all the time. The answer is one of
 * <ul>
 *   <li>{@link Renamed}: the path (or a directory above it) was renamed; follow it and probe there;</li>
 *   <li>{@link Moved}: the feature's marker appears in added lines of another file of the same change; follow
 *       that file;</li>
 *   <li>{@link Deleted}: proven gone, with the commit that removed it (message, page, date) and the pull or
 *       merge request its message names;</li>
 *   <li>{@link Unknown}: the history does not say (comparison too large to narrow, a failing source, no common
 *       history): the absence is not proven, so nothing may be reported as removed.</li>
 * </ul>
 *
 * <p>How it asks, cheapest first: one comparison of the two refs (GitHub {@code compare/{had}...{lacks}}, GitLab
 * {@code repository/compare}) shows renames and moved content across the whole range. Its files come without a
 * diff past the host's limits, so such files are read at both refs from raw file contents (not counted against
 * GitHub's API limit) before moved content is ruled out. The deleting commit is found in the path's history
 * ({@code commits?sha={lacks}&path=}, one request) by bisecting it with raw reads: the commit whose tree lacks
 * the subject while its first parent has it. When the comparison is cut (GitHub lists at most 300 files; GitLab
 * times out), the range is narrowed to that commit and its own diff (one more request) answers instead.
 * Requests to the API: 1 when the comparison shows a rename or moved content, 2 for a proven deletion, 3 when
 * the comparison had to be narrowed.
 */
public final class PathHistory {

    /** Commits of the path's history read at most (one page). */
    static final int HISTORY_PAGE = 100;
    /** Files without a diff read at most before moved content is given up on as unprovable. */
    static final int HIDDEN_DIFF_READS = 20;

    /** What went missing, and the marker that recognises its content elsewhere. */
    public record Subject(Kind kind, String path, Pattern marker, String presenceFile) {
        /** How the subject can be missing. */
        public enum Kind {
            /** The file itself is gone at the ref that lacks it. */
            FILE,
            /** The file may still exist, but its lines matching the marker are gone. */
            LINES,
            /** The directory is gone; {@code presenceFile}, a file inside it, tells whether it is there. */
            DIRECTORY
        }

        public Subject {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(marker, "marker");
            if (path == null || path.isBlank() || path.startsWith("/") || path.endsWith("/")) {
                throw new IllegalArgumentException("a subject path is relative, without a trailing slash: " + path);
            }
            if (kind == Kind.DIRECTORY && (presenceFile == null || !presenceFile.startsWith(path + "/"))) {
                throw new IllegalArgumentException("a directory subject names a file inside it: " + presenceFile);
            }
            if (kind != Kind.DIRECTORY) {
                presenceFile = path;
            }
        }

        /** The file itself went missing; {@code marker} recognises its content (a definition) in another file. */
        public static Subject file(String path, Pattern marker) {
            return new Subject(Kind.FILE, path, marker, path);
        }

        /** The lines matching {@code marker} went missing from {@code path}, which may still exist. */
        public static Subject lines(String path, Pattern marker) {
            return new Subject(Kind.LINES, path, marker, path);
        }

        /** The directory went missing; {@code fileInside} shows whether it is there at a ref. */
        public static Subject directory(String path, String fileInside, Pattern marker) {
            return new Subject(Kind.DIRECTORY, path, marker, fileInside);
        }

        /** The subject in words, for reasons and quotes. */
        public String describe() {
            return switch (kind) {
                case FILE -> path;
                case LINES -> "the lines of " + path + " matching /" + marker.pattern() + "/";
                case DIRECTORY -> path + "/";
            };
        }
    }

    /** A commit as cited: its page, date, first line and whole message. */
    public record Change(String sha, String title, String message, String url, Instant date) {
        public LocalDate day() {
            return date.atZone(ZoneOffset.UTC).toLocalDate();
        }

        public String shortSha() {
            return sha.length() > 12 ? sha.substring(0, 12) : sha;
        }
    }

    /** What the history says happened to a subject. */
    public sealed interface Answer permits Renamed, Moved, Deleted, Unknown {
    }

    /**
     * Renamed: {@code from} is now {@code to} (for a directory, the directory's new path). {@code seenAt} is
     * the comparison or commit page that shows it.
     */
    public record Renamed(String from, String to, String seenAt) implements Answer {
        /** Where a path under the subject lives now: {@code from/x} becomes {@code to/x}. */
        public String follow(String path) {
            return path.equals(from) ? to : path.startsWith(from + "/") ? to + path.substring(from.length()) : path;
        }

        /** The rename, cited as context next to the evidence read at the new path. */
        public Evidence context(String source) {
            return Evidence.undated(Signal.CONTEXT, source, seenAt, from + " was renamed to " + to);
        }
    }

    /** The marker appears in added lines of {@code to} ({@code line} is the first such line). */
    public record Moved(String to, String line, String seenAt) implements Answer {
        /** The move, cited as context next to the evidence read in the new file. */
        public Evidence context(String source, String what) {
            Evidence moved = Evidence.undated(Signal.CONTEXT, source, seenAt, what + " moved into " + to);
            return line.isEmpty() ? moved : moved.quoting(line);
        }
    }

    /**
     * Deleted by {@code commit}; {@code request} is the pull or merge request its message names. {@code seenAt}
     * is the comparison or commit that showed no trace of the content elsewhere.
     */
    public record Deleted(Change commit, Optional<String> request, String seenAt) implements Answer {
        /**
         * The cited removal: {@code REMOVED}, the deleting commit's page and date, its first line verbatim; and the
         * request the message names as context.
         */
        public List<Evidence> evidence(String source, String what) {
            List<Evidence> out = new ArrayList<>();
            out.add(Evidence.dated(Signal.REMOVED, source, commit.url(), commit.day(),
                    what + " deleted by commit " + commit.shortSha() + request.map(r -> " (" + r + ")").orElse(""))
                    .quoting(commit.title()));
            request.ifPresent(r -> out.add(Evidence.dated(Signal.CONTEXT, source, r, commit.day(),
                    "the request that merged commit " + commit.shortSha() + ", named by its message")));
            return out;
        }
    }

    /** Not proven: {@code reason} says why, for the report. */
    public record Unknown(String reason) implements Answer {
    }

    private final Origin origin;

    private PathHistory(Origin origin) {
        this.origin = origin;
    }

    /** History of a GitHub repository ("docker/cli"). */
    public static PathHistory github(GitHubClient github, String repo) {
        return new PathHistory(new GitHubOrigin(github, repo));
    }

    /** History of a GitLab project ("wayland/weston") on the client's host. */
    public static PathHistory gitlab(GitLabClient gitlab, String project) {
        return new PathHistory(new GitLabOrigin(gitlab, project));
    }

    /**
     * What happened to {@code subject} between {@code had} (a tag or commit where it is present) and
     * {@code lacks} (a later tag or commit where it is missing). Never throws for a failing source: a failure
     * is an {@link Unknown} naming it, since an unproven absence must not become a removal.
     */
    public Answer whatHappened(Subject subject, String had, String lacks) {
        try {
            return ask(subject, had, lacks);
        } catch (SourceException e) {
            return new Unknown("reading the history of " + subject.describe() + " failed: " + e.getMessage());
        }
    }

    /**
     * The newest ref of {@code newestFirst} that has {@code subject} and the one after it, which lacks it (a
     * binary search by raw reads, which do not count against GitHub's API limit; the subject is assumed present
     * up to some release and missing after it). Empty when no ref of the list has it.
     */
    public Optional<Boundary> boundary(Subject subject, List<String> newestFirst) throws SourceException {
        Map<String, Boolean> seen = new HashMap<>();
        if (newestFirst.size() < 2 || present(subject, newestFirst.get(0), seen)
                || !present(subject, newestFirst.get(newestFirst.size() - 1), seen)) {
            return Optional.empty();
        }
        return Optional.of(bisect(subject, newestFirst, newestFirst.size() - 1, seen));
    }

    /**
     * Between which refs to ask what happened, {@code newestFirst}'s newest lacking the subject. The first of
     * {@code knownWith} (releases the checker knows shipped it, its canary's among them) that still has it anchors
     * the search: within the list, the boundary is bisected between the newest and it (a subject can appear in
     * some release and vanish in a later one, so the oldest listed ref is no anchor on its own); outside the list,
     * the oldest listed ref is taken when it has the subject (then the list is bisected), else the known ref and the
     * oldest listed ref are the range. Empty when no ref has the subject: the probe itself is then out of date.
     */
    public Optional<Boundary> range(Subject subject, List<String> newestFirst, List<String> knownWith)
            throws SourceException {
        Map<String, Boolean> seen = new HashMap<>();
        if (newestFirst.isEmpty() || present(subject, newestFirst.get(0), seen)) {
            return Optional.empty();
        }
        Optional<String> anchor = Optional.empty();
        for (String known : knownWith) {
            if (present(subject, known, seen)) {
                anchor = Optional.of(known);
                break;
            }
        }
        int at = anchor.map(newestFirst::indexOf).orElse(-1);
        if (at > 0) {
            return Optional.of(bisect(subject, newestFirst, at, seen));
        }
        int oldest = newestFirst.size() - 1;
        if (oldest > 0 && present(subject, newestFirst.get(oldest), seen)) {
            return Optional.of(bisect(subject, newestFirst, oldest, seen));
        }
        return anchor.map(known -> new Boundary(known, newestFirst.get(oldest)));
    }

    /** The boundary between index 0 (without the subject) and {@code with} (with it). */
    private Boundary bisect(Subject subject, List<String> newestFirst, int with, Map<String, Boolean> seen)
            throws SourceException {
        int without = 0;
        while (with - without > 1) {
            int mid = (with + without) >>> 1;
            if (present(subject, newestFirst.get(mid), seen)) {
                with = mid;
            } else {
                without = mid;
            }
        }
        return new Boundary(newestFirst.get(with), newestFirst.get(without));
    }

    /** The last ref with the subject and the first ref after it without. */
    public record Boundary(String lastWith, String firstWithout) {
    }

    /** Whether {@code subject} is present at {@code ref} (a raw read). */
    public boolean presentAt(Subject subject, String ref) throws SourceException {
        return present(subject, ref, new HashMap<>());
    }

    private Answer ask(Subject subject, String had, String lacks) throws SourceException {
        Optional<Comparison> found;
        try {
            found = origin.compare(had, lacks);
        } catch (SourceException e) {
            return new Unknown("comparing " + had + " with " + lacks + " failed: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return new Unknown(origin.host() + " has no comparison of " + had + " with " + lacks
                    + " (a ref is missing or they share no history)");
        }
        Comparison comparison = found.get();
        Map<String, Boolean> seen = new HashMap<>();
        Reading reading = read(subject, comparison.files(), comparison.url());
        if (reading.answer().isPresent()) {
            return reading.answer().get();
        }
        if (reading.state() == State.GONE && comparison.complete()) {
            Optional<Moved> hidden = movedIntoHiddenDiff(subject, reading, had, lacks, comparison.url());
            if (hidden.isPresent()) {
                return hidden.get();
            }
            if (reading.hidden().size() > HIDDEN_DIFF_READS) {
                return tooManyHidden(reading, comparison.url());
            }
            Optional<Change> deleting = deletingCommit(subject, lacks, comparison.mergeBaseDate(), seen);
            return deleting.<Answer>map(c -> new Deleted(c, origin.request(c.message()), comparison.url()))
                    .orElseGet(() -> new Unknown(comparison.url() + " shows " + subject.describe()
                            + " gone, but no commit in its history on " + lacks + " could be shown to remove it"));
        }
        if (reading.state() == State.NOT_SEEN && comparison.complete()) {
            return new Unknown(comparison.url() + " shows no change to " + subject.describe()
                    + ": it was not there at " + had + ", or is still there at " + lacks);
        }
        // Cut (too many files, timed out) or the subject's own diff not shown: narrow to the commit that did it.
        String why = comparison.complete() ? "shows no diff of " + subject.path() : "is cut at its file limit";
        Optional<Change> deleting = deletingCommit(subject, lacks, comparison.mergeBaseDate(), seen);
        if (deleting.isEmpty()) {
            return new Unknown(comparison.url() + " " + why + ", and no commit in the history of "
                    + subject.describe() + " on " + lacks + " could be shown to remove it");
        }
        Change commit = deleting.get();
        Optional<List<FileDiff>> files = origin.commitFiles(commit.sha());
        if (files.isEmpty()) {
            return new Unknown(origin.host() + " has no commit " + commit.sha() + " to read");
        }
        Reading narrowed = read(subject, files.get(), commit.url());
        if (narrowed.answer().isPresent()) {
            return narrowed.answer().get();
        }
        if (narrowed.state() != State.GONE) {
            return new Unknown("commit " + commit.url() + " changes " + subject.path()
                    + " without showing what happened to " + subject.describe());
        }
        String parent = origin.parentOf(commit.sha()).orElse(had);
        Optional<Moved> hidden = movedIntoHiddenDiff(subject, narrowed, parent, commit.sha(), commit.url());
        if (hidden.isPresent()) {
            return hidden.get();
        }
        if (narrowed.hidden().size() > HIDDEN_DIFF_READS) {
            return tooManyHidden(narrowed, commit.url());
        }
        return new Deleted(commit, origin.request(commit.message()), commit.url());
    }

    private static Unknown tooManyHidden(Reading reading, String url) {
        return new Unknown(url + " shows " + reading.hidden().size() + " changed files without their diff (more than "
                + HIDDEN_DIFF_READS + " to read): content moved into one of them cannot be ruled out");
    }

    private enum State { GONE, NOT_SEEN, HIDDEN }

    /**
     * What one list of changed files says: an answer, or the subject's state plus the files shown without diff,
     * and the lines the subject lost ({@link Lost}).
     */
    private record Reading(Optional<Answer> answer, State state, List<FileDiff> hidden, Lost lost) {
        Reading(Optional<Answer> answer, State state, List<FileDiff> hidden) {
            this(answer, state, hidden, Lost.UNKNOWN);
        }
    }

    /**
     * The marker lines the subject's own diff shows removed, as their words; unknown when its diff is not shown.
     * Moved content is those lines landing elsewhere, edited or not: a line added elsewhere carries the subject's
     * content when it shares at least half of the words of the two lines with a lost line (so code moved with
     * another receiver or one more argument still counts as moved, and a move is never taken for a deletion). A
     * line that merely names the feature, a release note "Removed CRIU support" added beside the deletion, shares a
     * word or two with the lines it names and is no move.
     */
    private record Lost(Optional<List<Set<String>>> lines) {
        static final Lost UNKNOWN = new Lost(Optional.empty());
        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

        static Lost of(Pattern marker, Optional<String> patch) {
            return new Lost(patch.map(p -> p.lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))
                    .map(l -> l.substring(1)).filter(l -> marker.matcher(l).find()).map(Lost::words)
                    .filter(w -> !w.isEmpty()).toList()).filter(list -> !list.isEmpty()));
        }

        /** Whether {@code line}, which the marker finds, carries the subject's content. */
        boolean carries(String line) {
            Set<String> words = words(line);
            return lines.map(all -> all.stream().anyMatch(lost -> similar(words, lost))).orElse(true);
        }

        /** At least half of the words of both lines in common (Jaccard index 0.5 or more). */
        private static boolean similar(Set<String> a, Set<String> b) {
            long shared = a.stream().filter(b::contains).count();
            long either = a.size() + b.size() - shared;
            return either > 0 && 2 * shared >= either;
        }

        private static Set<String> words(String line) {
            return WORD.matcher(line.toLowerCase(java.util.Locale.ROOT)).results().map(java.util.regex.MatchResult::group)
                    .collect(Collectors.toSet());
        }
    }

    private Reading read(Subject subject, List<FileDiff> files, String url) {
        // A rename of the subject (or of a directory above it) answers at once.
        for (FileDiff f : files) {
            if (f.kind() == FileDiff.Kind.RENAMED && f.previousPath().isPresent()) {
                String from = f.previousPath().get();
                if (from.equals(subject.presenceFile()) || from.equals(subject.path())) {
                    String to = subject.kind() == Subject.Kind.DIRECTORY
                            ? directoryOf(f.path(), subject.presenceFile().substring(subject.path().length()))
                            : f.path();
                    if (to != null) {
                        return new Reading(Optional.of(new Renamed(subject.path(), to, url)), State.GONE, List.of());
                    }
                }
            }
        }
        State state = State.NOT_SEEN;
        Lost lost = Lost.UNKNOWN;
        for (FileDiff f : files) {
            boolean mine = subject.kind() == Subject.Kind.DIRECTORY
                    ? f.removedPath().filter(p -> p.equals(subject.presenceFile())).isPresent()
                    : f.removedPath().filter(p -> p.equals(subject.path())).isPresent();
            if (mine) {
                state = State.GONE;
                lost = Lost.of(subject.marker(), f.patch());
                break;
            }
            if (subject.kind() == Subject.Kind.LINES && f.kind() == FileDiff.Kind.MODIFIED
                    && f.path().equals(subject.path())) {
                if (f.patch().isEmpty()) {
                    state = State.HIDDEN;
                } else if (matches(subject.marker(), f.patch().get(), '-')
                        && !matches(subject.marker(), f.patch().get(), '+')) {
                    state = State.GONE;
                    lost = Lost.of(subject.marker(), f.patch());
                }
                break;
            }
        }
        if (state != State.GONE) {
            return new Reading(Optional.empty(), state, List.of());
        }
        // Gone: did its content land in another file of the same change?
        List<FileDiff> hidden = new ArrayList<>();
        for (FileDiff f : files) {
            if (f.kind() == FileDiff.Kind.REMOVED || f.kind() == FileDiff.Kind.OTHER || isSubject(subject, f.path())) {
                continue;
            }
            if (f.patch().isEmpty()) {
                hidden.add(f);
                continue;
            }
            Optional<String> added = firstLine(subject.marker(), f.patch().get(), '+', lost);
            if (added.isPresent()) {
                return new Reading(Optional.of(new Moved(f.path(), added.get(), url)), State.GONE, List.of(), lost);
            }
        }
        return new Reading(Optional.empty(), State.GONE, hidden, lost);
    }

    private static boolean isSubject(Subject subject, String path) {
        return subject.kind() == Subject.Kind.DIRECTORY ? path.startsWith(subject.path() + "/")
                : path.equals(subject.path());
    }

    /** The directory that holds {@code newPresence} when the subject's file moved there ({@code suffix} kept). */
    private static String directoryOf(String newPresence, String suffix) {
        return newPresence.endsWith(suffix) ? newPresence.substring(0, newPresence.length() - suffix.length()) : null;
    }

    /** Files whose diff the host left out: read at both ends, a marker count that grew is content moved there. */
    private Optional<Moved> movedIntoHiddenDiff(Subject subject, Reading reading, String before, String after,
                                                String url) throws SourceException {
        if (reading.hidden().size() > HIDDEN_DIFF_READS) {
            return Optional.empty();
        }
        for (FileDiff f : reading.hidden()) {
            Optional<String> now = origin.read(after, f.path());
            if (now.isEmpty()) {
                continue;
            }
            Lost lost = reading.lost();
            long then = f.kind() == FileDiff.Kind.ADDED ? 0
                    : origin.read(before, f.previousPath().orElse(f.path())).map(t -> count(subject.marker(), t, lost))
                            .orElse(0L);
            if (count(subject.marker(), now.get(), lost) > then) {
                String line = now.get().lines().filter(l -> subject.marker().matcher(l).find() && lost.carries(l))
                        .findFirst().orElse("").strip();
                return Optional.of(new Moved(f.path(), line, url));
            }
        }
        return Optional.empty();
    }

    /**
     * The commit on {@code lacks}'s history that removed the subject: present at its first parent, missing at
     * it. The path's history is read once (newest first); raw reads then bisect it.
     */
    private Optional<Change> deletingCommit(Subject subject, String lacks, Optional<Instant> since,
                                            Map<String, Boolean> seen) throws SourceException {
        // A day's slack: the history filters on committer dates, which rebases move.
        List<History> history = origin.touching(lacks, subject.kind() == Subject.Kind.DIRECTORY ? subject.path()
                : subject.path(), since.map(s -> s.minus(Duration.ofDays(1))));
        if (history.isEmpty() || present(subject, history.get(0).change().sha(), seen)) {
            return Optional.empty();
        }
        int without = 0;
        int with = -1;
        History oldest = history.get(history.size() - 1);
        if (!oldest.parents().isEmpty() && present(subject, oldest.parents().get(0), seen)) {
            with = history.size();
            while (with - without > 1) {
                int mid = (with + without) >>> 1;
                if (present(subject, history.get(mid).change().sha(), seen)) {
                    with = mid;
                } else {
                    without = mid;
                }
            }
        } else {
            // Before the oldest listed commit the subject was not there either (it was created in the window):
            // find a present commit from the newest end, then narrow between.
            for (int step = 1; step < history.size(); step *= 2) {
                if (present(subject, history.get(step).change().sha(), seen)) {
                    with = step;
                    break;
                }
                without = step;
            }
            if (with < 0) {
                return Optional.empty();
            }
            while (with - without > 1) {
                int mid = (with + without) >>> 1;
                if (present(subject, history.get(mid).change().sha(), seen)) {
                    with = mid;
                } else {
                    without = mid;
                }
            }
        }
        History deleting = history.get(without);
        // The proof itself: missing at the commit, present at its first parent.
        if (deleting.parents().isEmpty() || !present(subject, deleting.parents().get(0), seen)) {
            return Optional.empty();
        }
        return Optional.of(deleting.change());
    }

    private boolean present(Subject subject, String ref, Map<String, Boolean> seen) throws SourceException {
        Boolean known = seen.get(ref);
        if (known != null) {
            return known;
        }
        Optional<String> text = origin.read(ref, subject.presenceFile());
        boolean there = subject.kind() == Subject.Kind.LINES
                ? text.filter(t -> count(subject.marker(), t) > 0).isPresent() : text.isPresent();
        seen.put(ref, there);
        return there;
    }

    private static boolean matches(Pattern marker, String patch, char sign) {
        return firstLine(marker, patch, sign, Lost.UNKNOWN).isPresent();
    }

    /** The first diff line with {@code sign} ('+' added, '-' removed) whose text the marker finds and is lost. */
    private static Optional<String> firstLine(Pattern marker, String patch, char sign, Lost lost) {
        for (String line : patch.split("\n", -1)) {
            if (line.length() > 0 && line.charAt(0) == sign && !line.startsWith("+++") && !line.startsWith("---")
                    && marker.matcher(line.substring(1)).find() && lost.carries(line.substring(1))) {
                return Optional.of(line.substring(1).strip());
            }
        }
        return Optional.empty();
    }

    /** Lines of {@code text} the marker finds: a marker is matched line by line ({@code ^}, {@code $} per line). */
    private static long count(Pattern marker, String text) {
        return count(marker, text, Lost.UNKNOWN);
    }

    private static long count(Pattern marker, String text, Lost lost) {
        return text.lines().filter(l -> marker.matcher(l).find() && lost.carries(l)).count();
    }

    // What PathHistory needs from a host, in its own terms.

    /** One changed file: how it changed, its path now, its path before (rename, removal), its diff if shown. */
    record FileDiff(Kind kind, String path, Optional<String> previousPath, Optional<String> patch) {
        enum Kind { ADDED, REMOVED, MODIFIED, RENAMED, OTHER }

        /** The path this change took away: a removed file's, or a renamed file's old one. */
        Optional<String> removedPath() {
            return kind == Kind.REMOVED ? Optional.of(path) : kind == Kind.RENAMED ? previousPath : Optional.empty();
        }
    }

    record Comparison(String url, boolean complete, Optional<Instant> mergeBaseDate, List<FileDiff> files) {
    }

    record History(Change change, List<String> parents) {
    }

    private interface Origin {
        String host();

        Optional<Comparison> compare(String had, String lacks) throws SourceException;

        List<History> touching(String ref, String path, Optional<Instant> since) throws SourceException;

        Optional<List<FileDiff>> commitFiles(String sha) throws SourceException;

        Optional<String> parentOf(String sha);

        Optional<String> read(String ref, String path) throws SourceException;

        Optional<String> request(String message);
    }

    /** "Merge pull request #123 from ..." and squash merges' "Title (#123)". An issue reference is no request. */
    private static final Pattern GITHUB_PULL = Pattern.compile("^Merge pull request #(\\d+)\\b|\\(#(\\d+)\\)\\s*$");
    /** GitLab's merge commits: "See merge request group/project!123". */
    private static final Pattern GITLAB_MERGE = Pattern.compile("(?m)^See merge request (\\S+)!(\\d+)\\s*$");

    private static final class GitHubOrigin implements Origin {
        private final GitHubClient github;
        private final String repo;
        private final Map<String, String> parents = new HashMap<>();

        GitHubOrigin(GitHubClient github, String repo) {
            this.github = github;
            this.repo = repo;
        }

        @Override
        public String host() {
            return "GitHub";
        }

        @Override
        public Optional<Comparison> compare(String had, String lacks) throws SourceException {
            return github.compare(repo, had, lacks).map(c -> new Comparison(c.htmlUrl(), !c.filesCut(),
                    c.mergeBaseDate(), c.files().stream().map(GitHubOrigin::diff).toList()));
        }

        @Override
        public List<History> touching(String ref, String path, Optional<Instant> since) throws SourceException {
            List<History> out = new ArrayList<>();
            for (GitHubClient.HistoryCommit h : github.commitsTouching(repo, ref, path, since, HISTORY_PAGE)) {
                out.add(new History(change(h.commit()), h.parents()));
                if (!h.parents().isEmpty()) {
                    parents.put(h.commit().sha(), h.parents().get(0));
                }
            }
            return out;
        }

        @Override
        public Optional<List<FileDiff>> commitFiles(String sha) throws SourceException {
            return github.commitFiles(repo, sha).map(c -> {
                if (!c.parents().isEmpty()) {
                    parents.put(sha, c.parents().get(0));
                }
                return c.files().stream().map(GitHubOrigin::diff).toList();
            });
        }

        @Override
        public Optional<String> parentOf(String sha) {
            return Optional.ofNullable(parents.get(sha));
        }

        @Override
        public Optional<String> read(String ref, String path) throws SourceException {
            return github.file(repo, ref, path);
        }

        @Override
        public Optional<String> request(String message) {
            String first = message.lines().findFirst().orElse("");
            Matcher m = GITHUB_PULL.matcher(first);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of("https://github.com/" + repo + "/pull/" + (m.group(1) != null ? m.group(1) : m.group(2)));
        }

        private static Change change(GitHubClient.Commit c) {
            return new Change(c.sha(), c.message().lines().findFirst().orElse("").strip(), c.message(), c.htmlUrl(),
                    c.date());
        }

        private static FileDiff diff(GitHubClient.FileChange f) {
            FileDiff.Kind kind = switch (f.status()) {
                case "added", "copied" -> FileDiff.Kind.ADDED;
                case "removed" -> FileDiff.Kind.REMOVED;
                case "modified", "changed" -> FileDiff.Kind.MODIFIED;
                case "renamed" -> FileDiff.Kind.RENAMED;
                default -> FileDiff.Kind.OTHER;
            };
            return new FileDiff(kind, f.filename(), f.previousFilename(), f.patch());
        }
    }

    private static final class GitLabOrigin implements Origin {
        /** GitLab's default limit on the files a diff shows; a comparison listing this many may be cut. */
        private static final int MAX_DIFF_FILES = 1000;
        private final GitLabClient gitlab;
        private final String project;
        private final Map<String, String> parents = new HashMap<>();

        GitLabOrigin(GitLabClient gitlab, String project) {
            this.gitlab = gitlab;
            this.project = project;
        }

        @Override
        public String host() {
            return "GitLab";
        }

        @Override
        public Optional<Comparison> compare(String had, String lacks) throws SourceException {
            return gitlab.compare(project, had, lacks).map(c -> new Comparison(c.webUrl(),
                    !c.timedOut() && c.diffs().size() < MAX_DIFF_FILES, Optional.empty(),
                    c.diffs().stream().map(GitLabOrigin::diff).toList()));
        }

        @Override
        public List<History> touching(String ref, String path, Optional<Instant> since) throws SourceException {
            List<History> out = new ArrayList<>();
            for (GitLabClient.Commit c : gitlab.commitsTouching(project, ref, path, since, HISTORY_PAGE)) {
                out.add(new History(new Change(c.id(), c.title(), c.message(), c.webUrl(), c.committedDate()),
                        c.parentIds()));
                if (!c.parentIds().isEmpty()) {
                    parents.put(c.id(), c.parentIds().get(0));
                }
            }
            return out;
        }

        @Override
        public Optional<List<FileDiff>> commitFiles(String sha) throws SourceException {
            return Optional.of(gitlab.commitDiff(project, sha).stream().map(GitLabOrigin::diff).toList());
        }

        @Override
        public Optional<String> parentOf(String sha) {
            return Optional.ofNullable(parents.get(sha));
        }

        @Override
        public Optional<String> read(String ref, String path) throws SourceException {
            return gitlab.file(project, ref, path);
        }

        @Override
        public Optional<String> request(String message) {
            Matcher m = GITLAB_MERGE.matcher(message);
            if (!m.find()) {
                return Optional.empty();
            }
            return Optional.of(gitlab.baseUrl() + "/" + m.group(1) + "/-/merge_requests/" + m.group(2));
        }

        private static FileDiff diff(GitLabClient.FileDiff d) {
            Optional<String> patch = d.diffHidden() ? Optional.empty() : Optional.of(d.diff());
            if (d.deletedFile()) {
                return new FileDiff(FileDiff.Kind.REMOVED, d.oldPath(), Optional.of(d.oldPath()), patch);
            }
            if (d.newFile()) {
                return new FileDiff(FileDiff.Kind.ADDED, d.newPath(), Optional.empty(), patch);
            }
            if (d.renamedFile()) {
                return new FileDiff(FileDiff.Kind.RENAMED, d.newPath(), Optional.of(d.oldPath()), patch);
            }
            return new FileDiff(FileDiff.Kind.MODIFIED, d.newPath(), Optional.empty(), patch);
        }
    }
}
