package org.criu.status.checkers.openjdkcrac;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.AtomFeedClient;
import org.criu.status.core.source.AzulClient.ZuluPackage;
import org.criu.status.core.source.AzulClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * OpenJDK's CRaC project (Coordinated Restore at Checkpoint) checkpoints a running JVM with CRIU. Ready means
 * JDK builds that carry CRaC are released (Azul Zulu's CRaC builds); whether mainline OpenJDK has the API
 * decides the qualifier. See this module's README.
 */
public final class OpenJdkCracChecker implements Checker {

    /** The CRaC API library applications compile against; its releases date the project's activity. */
    static final String API_REPO = "CRaC/org.crac";
    static final String MAINLINE = "openjdk/jdk";
    static final String MAINLINE_BRANCH = "master";
    /** Where the CRaC project's JDK keeps its API (openjdk/crac); mainline would carry it at the same path. */
    static final String CRAC_API_FILE = "src/java.base/share/classes/jdk/crac/Core.java";
    static final String NOT_MAINLINE = "in Azul Zulu CRaC builds, not mainline OpenJDK";
    /** A commit of openjdk/crac whose jdk.crac API is at {@link #CRAC_API_FILE}: the canary's fixed ref. */
    static final String CRAC_COMMIT = "87abfa81c1b52197ae08614ee0a256a5b16e021f";

    /** org.crac release tags: "1.5.0". */
    private static final Pattern API_RELEASE = Pattern.compile("v?\\d+(\\.\\d+)*");

    @Override
    public String id() {
        return "openjdk-crac";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): Azul's builds, the CRaC tags feed, then mainline OpenJDK's head and files. */
    @Override
    public int expectedDepth() {
        return 5;
    }

    @Override
    public List<String> covers() {
        return List.of("OpenJDK (CRaC)", "OpenJDK", "CRaC");
    }

    @Override
    public List<String> sources() {
        return List.of("Azul metadata API: Zulu JDK builds with CRaC (linux x64)",
                "GitHub CRaC/org.crac tags feed (the CRaC API's releases)",
                "openjdk/jdk master at its head commit: " + CRAC_API_FILE + " (is CRaC in mainline?)");
    }

    /**
     * The CRaC project's JDK keeps the API where the mainline probe looks for it, so a 404 there means "not in
     * mainline", not "the probe looks in the wrong place"; and the API library's feed still lists a past release.
     */
    @Override
    public List<Canary> canaries() {
        return List.of(
                Canary.gitHubFile("the CRaC project's JDK (openjdk/crac) keeps the jdk.crac API at " + CRAC_API_FILE,
                        "openjdk/crac", CRAC_COMMIT, CRAC_API_FILE, "^public class Core\\b"),
                Canary.url("CRaC/org.crac's tags feed lists release 1.4.0 (2023-09-07)",
                        AtomFeedClient.gitHubTags(API_REPO), "<title>1\\.4\\.0</title>"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        List<ZuluPackage> builds = context.azul().cracPackages("linux", "x64").stream().filter(ZuluPackage::crac)
                .toList();
        // Mainline is read, and cited, at the commit master points at (its commit feed: no API request).
        GitHubClient.BranchHead mainline = context.github().branchHead(MAINLINE, MAINLINE_BRANCH)
                .orElseThrow(() -> new SourceException("https://github.com/" + MAINLINE,
                        "GitHub cannot say which commit " + MAINLINE + " " + MAINLINE_BRANCH + " is at"));
        boolean inMainline = context.github().file(MAINLINE, mainline.sha(), CRAC_API_FILE).isPresent();
        String at = MAINLINE + " " + MAINLINE_BRANCH + " (" + mainline.sha().substring(0, 12) + ")";
        List<Evidence> evidence = new ArrayList<>();
        Optional<AtomFeedClient.Entry> apiRelease;
        try {
            apiRelease = context.atomFeeds().feed(AtomFeedClient.gitHubTags(API_REPO))
                    .flatMap(feed -> Versions.newestFirst(feed.entries(), AtomFeedClient.Entry::title, API_RELEASE)
                            .stream().findFirst());
        } catch (SourceException e) {
            if (builds.isEmpty()) {
                throw e; // Without released builds the feed decides between started and stalled.
            }
            // With builds the feed only supports: say it failed, and let the builds decide.
            apiRelease = Optional.empty();
            evidence.add(Evidence.couldNotRead("github", "https://github.com/" + API_REPO + "/tags",
                    "the CRaC API's tags feed", e));
        }

        if (!builds.isEmpty()) {
            ZuluPackage newest = builds.stream()
                    .max(Comparator.comparing(ZuluPackage::javaVersionText, Versions.order())).orElseThrow();
            String javas = builds.stream().map(ZuluPackage::javaMajor).distinct().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            Evidence shipped = Evidence.undated(Signal.RELEASED, "azul", AzulClient.CRAC_DOWNLOADS,
                    "Azul Zulu JDK builds with CRaC for Java " + javas + "; newest: " + newest.name());
            evidence.add(inMainline ? shipped : shipped.withQualifier(NOT_MAINLINE));
        }
        if (inMainline) {
            evidence.add(Evidence.undated(Signal.CONTEXT, "github", mainline.blobUrl(CRAC_API_FILE),
                    "mainline OpenJDK (" + at + ") carries the jdk.crac API"));
        } else {
            evidence.add(Evidence.undated(Signal.CONTEXT, "github",
                    mainline.treeUrl("src/java.base/share/classes/jdk"),
                    at + " has no jdk.crac API: CRaC is not in mainline OpenJDK"));
        }
        // The API's releases show the project at work; alone (no released JDK) they read as work in progress,
        // and as stalled once the newest is older than the rules' limit.
        apiRelease.ifPresent(e -> evidence.add(Evidence.of(Signal.IN_DEVELOPMENT, "github", e.link(),
                e.day(), "org.crac " + e.title() + ": newest release of the CRaC API library")));
        return CheckResult.evidence(evidence);
    }
}
