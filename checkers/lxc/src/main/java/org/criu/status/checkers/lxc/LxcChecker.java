package org.criu.status.checkers.lxc;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.AtomFeedClient;
import org.criu.status.core.source.GitHubClient.Release;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.Parallel;
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.spi.RemovalClaim;

/**
 * The combined "LXC/LXD" entry: LXC's CRIU driver (src/lxc/criu.c) and LXD's use of it, judged as two
 * components so the rules can say "ready" for one and qualify it with the other. See this module's README.
 */
public final class LxcChecker implements Checker {

    static final String LXC = "LXC";
    static final String LXD = "LXD";
    static final String LXC_REPO = "lxc/lxc";
    static final String LXC_CRIU = "src/lxc/criu.c";
    static final String LXD_REPO = "canonical/lxd";
    static final String LXD_DRIVER = "lxd/instance/drivers/driver_lxc.go";
    private static final String DRIVER_NAME = "driver_lxc.go";
    static final String INCUS_REPO = "lxc/incus";
    static final String INCUS_DOC = "doc/howto/move_instances.md";
    private static final Pattern INCUS_RELEASE = Pattern.compile("v\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");
    /** How many LXD feature releases to look back for the last one that still drove CRIU (raw reads, not API). */
    static final int LXD_LOOKBACK = 12;
    /**
     * How many of those are read at once: the newest and the four before it. Before a removal the newest one decides
     * and four raw reads (no API cost) were spent ahead; after one, the release that still had the calls is usually
     * among the next four, and the walk back costs one round trip instead of one per release.
     */
    static final int LXD_READ_AHEAD = 5;
    /** LXC's CRIU driver: where lxc-checkpoint dumps and restores; the definitions survive a move to another file. */
    static final Pattern LXC_DEFINITION = Pattern.compile("^bool\\s+__criu_(?:pre_dump|dump|restore)\\s*\\(");
    /** A release known to ship src/lxc/criu.c (LXC 2.0.0, 2016-04-06): a canary, and the history's base. */
    static final String LXC_KNOWN = "lxc-2.0.0";
    /** The last LXD feature release known to drive CRIU (lxd-6.5, 2025-08-01): a canary, and the history's base. */
    static final String LXD_KNOWN = "lxd-6.5";

    private static final Pattern LXC_RELEASE = Pattern.compile("(?:v|lxc-)\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");
    /** LXD feature releases have two numbers (lxd-6.6); LTS point releases three (lxd-5.21.7). */
    private static final Pattern LXD_FEATURE = Pattern.compile("lxd-\\d{1,9}\\.\\d{1,9}");
    private static final Pattern LXD_LTS = Pattern.compile("lxd-(\\d{1,9}\\.\\d{1,9})\\.\\d{1,9}");
    private static final Pattern CRIU_WORD = Pattern.compile("(?i)\\bcriu\\b");
    /**
     * LXD drives CRIU through liblxc's migrate operations. The word "criu" alone is no proof: it survives in a
     * few comments and messages after the removal (3 times at lxd-6.6, against 53 at lxd-6.5).
     */
    static final Pattern CRIU_CALL = Pattern.compile("\\bMIGRATE_(?:PRE_DUMP|DUMP|RESTORE|FEATURE_CHECK)\\b");
    static final PathHistory.Subject LXC_SUBJECT = PathHistory.Subject.file(LXC_CRIU, LXC_DEFINITION);
    static final PathHistory.Subject LXD_SUBJECT = PathHistory.Subject.lines(LXD_DRIVER, CRIU_CALL);

    /** LXC's part alone: its tags, then its driver file beside the tag's date (more only to follow a removal). */
    private static final int LXC_DEPTH = 3;
    /** Incus's part alone: its tags feed, then one document at the newest tag. */
    private static final int INCUS_DEPTH = 2;

    @Override
    public String id() {
        return "lxc";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): tags, then LXD's releases, their drivers read ahead, the compare, the driver's history bisected with raw reads, the deleting commit, a canary. */
    @Override
    public int expectedDepth() {
        return 15;
    }

    @Override
    public List<String> covers() {
        return List.of("LXC/LXD", "LXC", "LXD");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub " + LXC_REPO + " tags and " + LXC_CRIU + " at the newest release",
                "GitHub " + LXD_REPO + " releases and " + LXD_DRIVER + " at feature and LTS releases",
                INCUS_REPO + " " + INCUS_DOC + " at Incus's newest release (its tags feed; context)");
    }

    @Override
    public List<Canary> canaries() {
        return List.of(
                Canary.gitHubFile("LXC " + LXC_KNOWN + " ships " + LXC_CRIU + ", the CRIU driver behind lxc-checkpoint",
                        LXC_REPO, LXC_KNOWN, LXC_CRIU, LXC_DEFINITION.pattern()),
                Canary.gitHubFile("LXD " + LXD_KNOWN + "'s LXC driver calls CRIU through liblxc's migrate operations",
                        LXD_REPO, LXD_KNOWN, LXD_DRIVER, CRIU_CALL.pattern()));
    }

    @Override
    public List<RemovalClaim> removalClaims() {
        return List.of(RemovalClaim.github("LXC's CRIU driver " + LXC_CRIU, LXC_REPO, LXC_SUBJECT),
                RemovalClaim.github("LXD's CRIU calls in " + DRIVER_NAME, LXD_REPO, LXD_SUBJECT));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        // An entry that names only one of the two (the 2015 page's "LXC") is checked for that one alone.
        Set<String> named = HeadingMatcher.significantWords(integration.heading());
        boolean both = !named.contains("lxc") && !named.contains("lxd");
        List<Evidence> evidence = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        // LXC, LXD and Incus share no question: all three are asked at once, and reported in this order. LXD's walk
        // back is the deep part (expectedDepth); LXC's and Incus's are a few requests each, so they go as shallow
        // branches and never take a busy host's connections kept for the run's deepest chain.
        Parallel parallel = context.parallel();
        try (Parallel.Pending<Optional<Evidence>> incus = parallel.start(INCUS_DEPTH, () -> incusContext(github,
                context.atomFeeds()));
             Parallel.Pending<Component> lxcPart = both || named.contains("lxc")
                     ? parallel.start(LXC_DEPTH, () -> lxcEvidence(github, parallel)) : null) {
            Component lxd = null;
            SourceException lxdFailed = null;
            if (both || named.contains("lxd")) {
                try {
                    lxd = lxdEvidence(github, parallel);
                } catch (SourceException e) {
                    lxdFailed = e; // LXC's failure, asked first, is the one reported, as if asked one after another
                }
            }
            if (lxcPart != null) {
                Component lxc = lxcPart.join();
                evidence.addAll(lxc.evidence());
                lxc.unproven().ifPresent(unproven::add);
            }
            if (lxdFailed != null) {
                throw lxdFailed;
            }
            if (lxd != null) {
                evidence.addAll(lxd.evidence());
                lxd.unproven().ifPresent(unproven::add);
            }
            incus.join().ifPresent(evidence::add);
        }
        // A component whose absence is not proven may be the most advanced one, which decides a combined entry:
        // only a component that ships (ready, whatever the other) lets the entry be judged without it.
        boolean ships = evidence.stream().anyMatch(e -> e.signal() == Signal.RELEASED);
        if (!unproven.isEmpty() && !ships) {
            return CheckResult.couldNotLook(String.join("; ", unproven), evidence);
        }
        return CheckResult.evidence(evidence);
    }

    /** What one component's sources said, and why its absence is not proven when it is not. */
    private record Component(List<Evidence> evidence, Optional<String> unproven) {
        static Component of(List<Evidence> evidence) {
            return new Component(evidence, Optional.empty());
        }

        static Component unproven(String reason, List<Evidence> context) {
            return new Component(context, Optional.of(reason));
        }
    }

    private Component lxcEvidence(GitHubClient github, Parallel parallel) throws SourceException {
        List<Tag> releases = Versions.newestFirst(github.tags(LXC_REPO, 1), Tag::name, LXC_RELEASE);
        if (releases.isEmpty()) {
            return Component.of(List.of());
        }
        Tag newest = releases.get(0);
        // The release's date and its driver file: two questions about the same tag, asked together.
        Optional<LocalDate> date;
        boolean ships;
        try (Parallel.Pending<Boolean> file = parallel.start(() -> github.file(LXC_REPO, newest.name(), LXC_CRIU)
                .isPresent())) {
            date = github.tagDate(LXC_REPO, newest).map(GitHubClient.Commit::day);
            ships = file.join();
        }
        if (ships) {
            return Component.of(List.of(lxcShips(newest, date, GitHubClient.blobUrl(LXC_REPO, newest.name(), LXC_CRIU),
                    LXC_CRIU)));
        }
        // Missing from the newest release: what happened to it decides, never the absence alone.
        PathHistory history = PathHistory.github(github, LXC_REPO);
        Optional<PathHistory.Boundary> range = history.range(LXC_SUBJECT,
                releases.stream().map(Tag::name).toList(), List.of(LXC_KNOWN));
        String missing = "LXC " + newest.name() + " has no " + LXC_CRIU;
        if (range.isEmpty()) {
            return Component.unproven(missing + ", and neither has any release back to " + LXC_KNOWN
                    + ", which shipped it: the probe is out of date", List.of());
        }
        PathHistory.Answer answer = history.whatHappened(LXC_SUBJECT, range.get().lastWith(),
                range.get().firstWithout());
        if (answer instanceof PathHistory.Renamed renamed) {
            return followLxc(github, newest, date, renamed.to(), renamed.context("github").about(LXC), missing);
        }
        if (answer instanceof PathHistory.Moved moved) {
            return followLxc(github, newest, date, moved.to(), moved.context("github", "LXC's CRIU driver").about(LXC),
                    missing);
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(Evidence.of(Signal.REMOVED, "github", "https://github.com/" + LXC_REPO + "/tree/"
                    + newest.name() + "/src/lxc", date, "LXC " + newest.name() + ": no " + LXC_CRIU + " (last in "
                    + range.get().lastWith() + ")").about(LXC));
            deleted.evidence("github", LXC_CRIU).forEach(e -> evidence.add(e.about(LXC)));
            return Component.of(evidence);
        }
        return Component.unproven(missing + ", and its history does not show it removed: "
                + ((PathHistory.Unknown) answer).reason(), List.of());
    }

    /** LXC's CRIU driver read where the history says it went, at the newest release. */
    private static Component followLxc(GitHubClient github, Tag newest, Optional<LocalDate> date, String path,
                                       Evidence how, String missing) throws SourceException {
        Optional<SourceFile.Line> definition = github.document(LXC_REPO, newest.name(), path)
                .flatMap(f -> f.firstMatching(LXC_DEFINITION));
        if (definition.isEmpty()) {
            return Component.unproven(missing + "; it went to " + path + ", which has no CRIU driver at "
                    + newest.name() + " either", List.of(how));
        }
        return Component.of(List.of(lxcShips(newest, date, definition.get().url(), path)
                .quoting(definition.get().stripped()), how));
    }

    private static Evidence lxcShips(Tag newest, Optional<LocalDate> date, String url, String path) {
        return Evidence.of(Signal.RELEASED, "github", url, date,
                "LXC " + newest.name() + " ships " + path + ", the CRIU driver behind lxc-checkpoint").about(LXC);
    }

    private Component lxdEvidence(GitHubClient github, Parallel parallel) throws SourceException {
        List<Release> releases = github.releases(LXD_REPO, 1).stream().filter(r -> !r.prerelease()).toList();
        List<Release> feature = Versions.newestFirst(releases, Release::tagName, LXD_FEATURE);
        if (feature.isEmpty()) {
            return Component.of(List.of());
        }
        Release newest = feature.get(0);
        // The newest release and the walk back to the last one that still drove CRIU, LXD_READ_AHEAD at a time.
        List<Release> lookBack = feature.subList(0, Math.min(feature.size(), LXD_LOOKBACK));
        List<Driver> drivers = parallel.readAhead(lookBack, LXD_READ_AHEAD, r -> driverAt(github, r.tagName()),
                Driver::drivesCriu);
        Driver newestDriver = drivers.get(0);
        if (newestDriver.drivesCriu()) {
            return Component.of(List.of(Evidence.of(Signal.RELEASED, "github", newestDriver.url(), day(newest),
                    newest.tagName() + ": " + newestDriver.describe()).about(LXD)));
        }
        // Walk back to the last release that still drove CRIU; the one after it lost the calls.
        Release firstWithout = newest;
        Driver firstWithoutDriver = newestDriver;
        Optional<Release> lastWith = Optional.empty();
        Driver lastDriver = null;
        for (int i = 1; i < drivers.size(); i++) {
            Release release = lookBack.get(i);
            Driver driver = drivers.get(i);
            if (driver.drivesCriu()) {
                lastWith = Optional.of(release);
                lastDriver = driver;
                break;
            }
            firstWithout = release;
            firstWithoutDriver = driver;
        }
        String had;
        if (lastWith.isPresent()) {
            had = lastWith.get().tagName();
        } else {
            // Past the look-back: the release known to drive CRIU is the base, if it still does.
            Driver known = driverAt(github, LXD_KNOWN);
            if (!known.drivesCriu()) {
                return Component.of(List.of(Evidence.of(Signal.ABSENT, "github", newestDriver.url(), day(newest),
                        newest.tagName() + " back to " + firstWithout.tagName() + ": " + DRIVER_NAME
                                + " makes no CRIU calls").about(LXD)));
            }
            had = LXD_KNOWN;
            lastDriver = known;
            int at = feature.stream().map(Release::tagName).toList().indexOf(LXD_KNOWN);
            if (at > 0) {
                firstWithout = feature.get(at - 1);
                firstWithoutDriver = driverAt(github, firstWithout.tagName());
            }
        }
        String missing = firstWithout.tagName() + "'s " + DRIVER_NAME + " makes no CRIU calls, which " + had + "'s did";
        // The newest LTS release's driver is cited beside a proven removal; it does not depend on the history, so it
        // is read while the history is asked (a raw file, no API request; unused unless the calls were deleted).
        Optional<Release> lts = Versions.newestFirst(releases, Release::tagName, LXD_LTS).stream().findFirst();
        PathHistory.Answer answer;
        Optional<Driver> ltsDriver;
        try (Parallel.Pending<Optional<Driver>> ltsRead = parallel.start(1, () -> lts.isPresent()
                ? Optional.of(driverAt(github, lts.get().tagName())) : Optional.empty())) {
            answer = PathHistory.github(github, LXD_REPO).whatHappened(LXD_SUBJECT, had, firstWithout.tagName());
            ltsDriver = answer instanceof PathHistory.Deleted ? ltsRead.join() : Optional.empty();
        }
        if (answer instanceof PathHistory.Renamed renamed) {
            return followLxd(github, newest, renamed.to(), renamed.context("github").about(LXD), missing);
        }
        if (answer instanceof PathHistory.Moved moved) {
            return followLxd(github, newest, moved.to(), moved.context("github", "LXD's CRIU calls").about(LXD),
                    missing);
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            Optional<Release> lastRelease = lastWith.or(() -> feature.stream()
                    .filter(r -> r.tagName().equals(LXD_KNOWN)).findFirst());
            return Component.of(removal(lts, ltsDriver, newest, firstWithout, firstWithoutDriver, had, lastRelease,
                    lastDriver, deleted));
        }
        String reason = ((PathHistory.Unknown) answer).reason();
        return Component.unproven("LXD: " + missing + ", and the history does not show them removed: " + reason,
                List.of(Evidence.of(Signal.CONTEXT, "github", firstWithoutDriver.url(), day(firstWithout),
                        missing + "; not proven removed: " + reason).about(LXD)));
    }

    /** LXD's CRIU calls read where the history says they went, at the newest feature release. */
    private static Component followLxd(GitHubClient github, Release newest, String path, Evidence how, String missing)
            throws SourceException {
        Optional<SourceFile> file = github.document(LXD_REPO, newest.tagName(), path);
        Optional<SourceFile.Line> call = file.flatMap(f -> f.firstMatching(CRIU_CALL));
        if (call.isEmpty()) {
            return Component.unproven("LXD: " + missing + "; they went to " + path + ", which makes no CRIU calls at "
                    + newest.tagName() + " either", List.of(how));
        }
        return Component.of(List.of(Evidence.of(Signal.RELEASED, "github", call.get().url(), day(newest),
                newest.tagName() + ": " + path + " drives CRIU").about(LXD).quoting(call.get().stripped()), how));
    }

    private List<Evidence> removal(Optional<Release> lts, Optional<Driver> ltsDriver, Release newest, Release removedIn,
                                   Driver removedDriver, String had, Optional<Release> lastWith, Driver lastDriver,
                                   PathHistory.Deleted deleted) {
        List<Evidence> evidence = new ArrayList<>();
        boolean ltsKeeps = ltsDriver.filter(Driver::drivesCriu).isPresent();
        // Reports print the qualifier in parentheses after the status: no parentheses of its own inside.
        String qualifier = "LXD removed CRIU in " + removedIn.tagName()
                + (ltsKeeps ? "; LTS " + series(lts.get()) + " keeps it" : "");
        evidence.add(Evidence.of(Signal.REMOVED, "github", removedDriver.url(), day(removedIn),
                removedIn.tagName() + ": " + removedDriver.describe() + "; " + had + " had "
                        + lastDriver.mentions() + " mentions and CRIU calls"
                        + (newest.equals(removedIn) ? "" : "; none in " + newest.tagName() + " either"))
                .about(LXD).withQualifier(qualifier));
        deleted.evidence("github", "the CRIU calls of " + DRIVER_NAME).forEach(e -> evidence.add(e.about(LXD)));
        evidence.add(Evidence.of(Signal.CONTEXT, "github", lastDriver.url(), lastWith.flatMap(LxcChecker::day),
                had + ", the last feature release with CRIU: " + lastDriver.describe()).about(LXD));
        if (ltsKeeps) {
            evidence.add(Evidence.of(Signal.CONTEXT, "github", ltsDriver.get().url(), day(lts.get()),
                    lts.get().tagName() + " (LTS): " + ltsDriver.get().describe()).about(LXD));
        }
        return evidence;
    }

    /**
     * Incus, LXD's community fork, documents its CRIU support: worth citing, but it is not on the page. Read at
     * Incus's newest release (from its tags feed, which costs no API request), so the citation stays put.
     */
    private Optional<Evidence> incusContext(GitHubClient github, AtomFeedClient feeds) {
        try {
            Optional<AtomFeedClient.Entry> release = feeds.feed(AtomFeedClient.gitHubTags(INCUS_REPO))
                    .flatMap(f -> Versions.newestFirst(f.entries(), AtomFeedClient.Entry::title, INCUS_RELEASE).stream()
                            .findFirst());
            if (release.isEmpty()) {
                return Optional.empty();
            }
            String tag = release.get().title();
            return github.document(INCUS_REPO, tag, INCUS_DOC)
                    .flatMap(doc -> doc.firstMatching(CRIU_WORD))
                    .map(line -> Evidence.of(Signal.CONTEXT, "github", line.url(), release.get().day(),
                            "Incus " + tag + ", LXD's community fork, documents CRIU for containers")
                            .quoting(plainMarkdown(line.text())));
        } catch (SourceException e) {
            // Context only: a failing Incus read must not cost the LXC and LXD verdict.
            return Optional.empty();
        }
    }

    /** What the LXC driver of one LXD release says about CRIU. */
    private record Driver(String url, int mentions, int firstCall, String call) {
        boolean drivesCriu() {
            return firstCall > 0;
        }

        String describe() {
            return drivesCriu()
                    ? DRIVER_NAME + " drives CRIU (liblxc " + call + ", " + mentions + " mentions of criu)"
                    : DRIVER_NAME + " makes no CRIU calls (" + mentions + " mentions of criu left)";
        }
    }

    private static Driver driverAt(GitHubClient github, String tag) throws SourceException {
        SourceFile source = github.document(LXD_REPO, tag, LXD_DRIVER).orElse(
                new SourceFile(GitHubClient.blobUrl(LXD_REPO, tag, LXD_DRIVER), "", SourceFile.AnchorStyle.GITHUB));
        int mentions = (int) source.count(CRIU_WORD);
        return source.firstMatching(CRIU_CALL)
                .map(line -> {
                    Matcher call = CRIU_CALL.matcher(line.text());
                    call.find();
                    return new Driver(line.url(), mentions, line.number(), call.group());
                })
                .orElse(new Driver(source.url(), mentions, 0, ""));
    }

    /** "5.21" for lxd-5.21.7. */
    private static String series(Release lts) {
        Matcher m = LXD_LTS.matcher(lts.tagName());
        return m.matches() ? m.group(1) : lts.tagName();
    }

    private static Optional<LocalDate> day(Release release) {
        return release.publishedAt().map(p -> p.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** A markdown line as a reader sees it: links and MyST roles reduced to their text. */
    static String plainMarkdown(String line) {
        return line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\{abbr\\}`([^`(]*?)\\s*\\([^`]*\\)`", "$1")
                .replaceAll("\\{[a-z:]+\\}`([^`]*)`", "$1")
                .replace("`", "")
                .strip();
    }
}
