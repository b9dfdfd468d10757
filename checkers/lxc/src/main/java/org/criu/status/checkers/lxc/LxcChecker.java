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
import org.criu.status.core.source.GitHubClient.Release;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;

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
    /** How many LXD feature releases to look back for the last one that still drove CRIU (raw reads, not API). */
    static final int LXD_LOOKBACK = 12;

    private static final Pattern LXC_RELEASE = Pattern.compile("(?:v|lxc-)\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}");
    /** LXD feature releases have two numbers (lxd-6.6); LTS point releases three (lxd-5.21.7). */
    private static final Pattern LXD_FEATURE = Pattern.compile("lxd-\\d{1,9}\\.\\d{1,9}");
    private static final Pattern LXD_LTS = Pattern.compile("lxd-(\\d{1,9}\\.\\d{1,9})\\.\\d{1,9}");
    private static final Pattern CRIU_WORD = Pattern.compile("(?i)\\bcriu\\b");
    /**
     * LXD drives CRIU through liblxc's migrate operations. The word "criu" alone is no proof: it survives in a
     * few comments and messages after the removal (3 times at lxd-6.6, against 53 at lxd-6.5).
     */
    private static final Pattern CRIU_CALL = Pattern.compile("\\bMIGRATE_(?:PRE_DUMP|DUMP|RESTORE|FEATURE_CHECK)\\b");

    @Override
    public String id() {
        return "lxc";
    }

    @Override
    public List<String> covers() {
        return List.of("LXC/LXD", "LXC", "LXD");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub " + LXC_REPO + " tags and " + LXC_CRIU + " at the newest release",
                "GitHub " + LXD_REPO + " releases and " + LXD_DRIVER + " at feature and LTS releases",
                INCUS_REPO + " " + INCUS_DOC + " (context)");
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        // An entry that names only one of the two (the 2015 page's "LXC") is checked for that one alone.
        Set<String> named = HeadingMatcher.significantWords(integration.heading());
        boolean both = !named.contains("lxc") && !named.contains("lxd");
        List<Evidence> evidence = new ArrayList<>();
        if (both || named.contains("lxc")) {
            evidence.addAll(lxcEvidence(github));
        }
        if (both || named.contains("lxd")) {
            evidence.addAll(lxdEvidence(github));
        }
        incusContext(github).ifPresent(evidence::add);
        return CheckResult.evidence(evidence);
    }

    private List<Evidence> lxcEvidence(GitHubClient github) throws SourceException {
        List<Tag> releases = Versions.newestFirst(github.tags(LXC_REPO, 1), Tag::name, LXC_RELEASE);
        if (releases.isEmpty()) {
            return List.of();
        }
        Tag newest = releases.get(0);
        Optional<LocalDate> date = github.tagDate(LXC_REPO, newest).map(GitHubClient.Commit::day);
        if (github.file(LXC_REPO, newest.name(), LXC_CRIU).isPresent()) {
            return List.of(Evidence.of(Signal.RELEASED, "github", GitHubClient.blobUrl(LXC_REPO, newest.name(), LXC_CRIU),
                    date, "LXC " + newest.name() + " ships " + LXC_CRIU + ", the CRIU driver behind lxc-checkpoint")
                    .about(LXC));
        }
        String tree = "https://github.com/" + LXC_REPO + "/tree/" + newest.name() + "/src/lxc";
        Tag oldest = releases.get(releases.size() - 1);
        if (!oldest.equals(newest) && github.file(LXC_REPO, oldest.name(), LXC_CRIU).isPresent()) {
            return List.of(Evidence.of(Signal.REMOVED, "github", tree, date,
                    "LXC " + newest.name() + ": no " + LXC_CRIU + " (present in " + oldest.name() + ")").about(LXC));
        }
        return List.of(Evidence.of(Signal.ABSENT, "github", tree, date,
                "LXC " + newest.name() + ": no " + LXC_CRIU).about(LXC));
    }

    private List<Evidence> lxdEvidence(GitHubClient github) throws SourceException {
        List<Release> releases = github.releases(LXD_REPO, 1).stream().filter(r -> !r.prerelease()).toList();
        List<Release> feature = Versions.newestFirst(releases, Release::tagName, LXD_FEATURE);
        if (feature.isEmpty()) {
            return List.of();
        }
        Release newest = feature.get(0);
        Driver newestDriver = driverAt(github, newest);
        if (newestDriver.drivesCriu()) {
            return List.of(Evidence.of(Signal.RELEASED, "github", newestDriver.url(), day(newest),
                    newest.tagName() + ": " + newestDriver.describe()).about(LXD));
        }
        // Walk back to the last release that still drove CRIU; the one after it removed the support.
        Release firstWithout = newest;
        Driver firstWithoutDriver = newestDriver;
        for (Release release : feature.subList(1, Math.min(feature.size(), LXD_LOOKBACK))) {
            Driver driver = driverAt(github, release);
            if (driver.drivesCriu()) {
                return removal(github, releases, newest, firstWithout, firstWithoutDriver, release, driver);
            }
            firstWithout = release;
            firstWithoutDriver = driver;
        }
        return List.of(Evidence.of(Signal.ABSENT, "github", newestDriver.url(), day(newest),
                newest.tagName() + " back to " + firstWithout.tagName() + ": " + DRIVER_NAME
                        + " makes no CRIU calls").about(LXD));
    }

    private List<Evidence> removal(GitHubClient github, List<Release> releases, Release newest, Release removedIn,
                                   Driver removedDriver, Release lastWith, Driver lastDriver) throws SourceException {
        List<Evidence> evidence = new ArrayList<>();
        Optional<Release> lts = Versions.newestFirst(releases, Release::tagName, LXD_LTS).stream().findFirst();
        Optional<Driver> ltsDriver = lts.isPresent() ? Optional.of(driverAt(github, lts.get())) : Optional.empty();
        boolean ltsKeeps = ltsDriver.filter(Driver::drivesCriu).isPresent();
        // Reports print the qualifier in parentheses after the status: no parentheses of its own inside.
        String qualifier = "LXD removed CRIU in " + removedIn.tagName()
                + (ltsKeeps ? "; LTS " + series(lts.get()) + " keeps it" : "");
        evidence.add(Evidence.of(Signal.REMOVED, "github", removedDriver.url(), day(removedIn),
                removedIn.tagName() + ": " + removedDriver.describe() + "; " + lastWith.tagName() + " had "
                        + lastDriver.mentions() + " mentions and CRIU calls"
                        + (newest.equals(removedIn) ? "" : "; none in " + newest.tagName() + " either"))
                .about(LXD).withQualifier(qualifier));
        evidence.add(Evidence.of(Signal.CONTEXT, "github", lastDriver.url(), day(lastWith),
                lastWith.tagName() + ", the last feature release with CRIU: " + lastDriver.describe()).about(LXD));
        if (ltsKeeps) {
            evidence.add(Evidence.of(Signal.CONTEXT, "github", ltsDriver.get().url(), day(lts.get()),
                    lts.get().tagName() + " (LTS): " + ltsDriver.get().describe()).about(LXD));
        }
        return evidence;
    }

    /** Incus, LXD's community fork, documents its CRIU support: worth citing, but it is not on the page. */
    private Optional<Evidence> incusContext(GitHubClient github) {
        try {
            return github.document(INCUS_REPO, "HEAD", INCUS_DOC)
                    .flatMap(doc -> doc.firstMatching(CRIU_WORD))
                    .map(line -> Evidence.undated(Signal.CONTEXT, "github", line.url(),
                            "Incus, LXD's community fork, documents CRIU for containers")
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

    private static Driver driverAt(GitHubClient github, Release release) throws SourceException {
        SourceFile source = github.document(LXD_REPO, release.tagName(), LXD_DRIVER).orElse(
                new SourceFile(GitHubClient.blobUrl(LXD_REPO, release.tagName(), LXD_DRIVER), "",
                        SourceFile.AnchorStyle.GITHUB));
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
