package org.criu.status.checkers.openjdkcrac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.AtomFixtures.EntrySpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class OpenJdkCracCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String AZUL = "https://api.azul.com/metadata/v1/zulu/packages?crac_supported=true&os=linux"
            + "&arch=x64&java_package_type=jdk&release_status=ga&availability_types=CA&latest=true&page=1&page_size=100";
    /** An openjdk/jdk commit standing for where master points: mainline is read and cited there. */
    private static final String HEAD = "9b75fd1b9fe291b0d1ad3948275d6ae7fe458ec4";
    private static final String MAINLINE_FEED = "https://github.com/openjdk/jdk/commits/master.atom";
    private static final String MAINLINE =
            "https://raw.githubusercontent.com/openjdk/jdk/" + HEAD + "/src/java.base/share/classes/jdk/crac/Core.java";
    private static final String FEED = "https://github.com/CRaC/org.crac/tags.atom";
    /** The org.crac releases with their tag dates (shared facts, tags.json "CRaC/org.crac"). */
    private static final List<EntrySpec> API_RELEASES = List.of(
            new EntrySpec("1.5.0", "2024-06-19T19:28:34+03:00"),
            new EntrySpec("1.4.0", "2023-09-07T23:00:40+03:00"),
            new EntrySpec("1.3.0", "2023-05-10T20:52:20+03:00"));
    private static final Integration PAGE_ENTRY = entry("OpenJDK", "started",
            "The CRaC (Coordinated Restore at Checkpoint) Project researches coordination of Java programs");

    private final OpenJdkCracChecker checker = new OpenJdkCracChecker();

    private void mainlineHead() {
        server.onGet(MAINLINE_FEED).atom(GitHubFixtures.commitsFeed("openjdk/jdk", "master", List.of(
                new GitHubFixtures.CommitSpec(HEAD, "2026-11-25T21:40:11+00:00", "8371234: Update copyright year",
                        "2f1e0d9c8b7a69584736251403f2e1d0c9b8a796"))));
    }

    private void sourcesAsToday() {
        mainlineHead();
        server.onGet(AZUL).json(SourceServer.fixture(OpenJdkCracCheckerTest.class, "packages-crac-today.json"));
        server.onGet(MAINLINE).status(404);
        server.onGet(FEED).atom(AtomFixtures.gitHubTags("CRaC/org.crac", API_RELEASES));
    }

    @Test
    void coversTheHeadingsEditorsUse() {
        assertThat(HeadingMatcher.matches("OpenJDK", checker.covers())).isTrue();
        assertThat(HeadingMatcher.matches("OpenJDK (CRaC)", checker.covers())).isTrue();
        assertThat(HeadingMatcher.matches("CRaC", checker.covers())).isTrue();
    }

    @Test
    void suggestsReadyInCracBuildsWhenZuluShipsCracButMainlineDoesNot() {
        sourcesAsToday();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("in Azul Zulu CRaC builds, not mainline OpenJDK");
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence shipped = finding.evidence().get(0);
        assertThat(shipped.signal()).isEqualTo(Signal.RELEASED);
        assertThat(shipped.source()).isEqualTo("azul");
        assertThat(shipped.url()).isEqualTo("https://www.azul.com/downloads/?package=jdk-crac#zulu");
        assertThat(shipped.quote()).isEqualTo("Azul Zulu JDK builds with CRaC for Java 17, 21; newest: "
                + "zulu21.38.21-ca-crac-jdk21.0.5-linux_x64.tar.gz");
        assertThat(finding.evidence()).extracting(Evidence::quote).contains(
                "openjdk/jdk master (9b75fd1b9fe2) has no jdk.crac API: CRaC is not in mainline OpenJDK",
                "org.crac 1.5.0: newest release of the CRaC API library");
        // No api.github.com request: the feeds and the raw file do not count against the hourly limit. (The
        // mainline file's 404 also makes the run check, with one HEAD, that raw.githubusercontent.com is up.)
        assertThat(finding.evidence()).anyMatch(e -> e.url().equals(
                "https://github.com/openjdk/jdk/tree/" + HEAD + "/src/java.base/share/classes/jdk"));
        assertThat(server.requests()).filteredOn(r -> r.getMethod().getName().equals("GET")).hasSize(4)
                .noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @Test
    void dropsTheQualifierOnceMainlineCarriesTheApi() {
        sourcesAsToday();
        server.onGet(MAINLINE).text("package jdk.crac;\n\npublic class Core {\n}\n");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).anyMatch(e -> e.url().equals(
                "https://github.com/openjdk/jdk/blob/" + HEAD + "/src/java.base/share/classes/jdk/crac/Core.java"));
    }

    @Test
    void confirmsReadyWhenThePageAlreadySaysSoWithTheQualifier() {
        sourcesAsToday();

        Finding finding = server.finding(checker, entry("OpenJDK (CRaC)", "ready",
                "Ships in Azul Zulu CRaC builds, not mainline OpenJDK"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
    }

    @Test
    void withoutCracBuildsOldApiReleasesReadAsStalled() {
        sourcesAsToday();
        server.onGet(AZUL).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.error()).isEmpty();
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STALLED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.RELEASED);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("org.crac 1.5.0: newest release of the CRaC API library");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2024-06-19"));
    }

    @Test
    void withoutCracBuildsARecentApiReleaseConfirmsStarted() {
        server.onGet(AZUL).json("[]");
        mainlineHead();
        server.onGet(MAINLINE).status(404);
        server.onGet(FEED).atom(AtomFixtures.gitHubTags("CRaC/org.crac", List.of(
                new EntrySpec("1.6.0", "2026-10-01T12:00:00+03:00"), new EntrySpec("1.5.0", "2024-06-19T19:28:34+03:00"))));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).quote()).startsWith("org.crac 1.6.0");
    }

    @Test
    void buildsWithoutCracDoNotCount() {
        sourcesAsToday();
        server.onGet(AZUL).json("""
                [{"package_uuid":"u","name":"zulu21.38.21-ca-jdk21.0.5-linux_x64.tar.gz","java_version":[21,0,5],
                  "distro_version":[21,38,21,0],"latest":true,"crac_supported":false,
                  "download_url":"https://cdn.azul.com/zulu/bin/zulu21.38.21-ca-jdk21.0.5-linux_x64.tar.gz"}]""");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.STALLED);
    }

    @Test
    void unverifiedWithTheUrlWhenAzulFails() {
        server.onGet(AZUL).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(AZUL).contains("503"));
    }

    @Test
    void aFeedThatIsAnHtmlPageIsSaidOnTheFindingWhileTheBuildsDecide() {
        sourcesAsToday();
        server.onGet(FEED).html("<!DOCTYPE html><html><body>Rate limited</body></html>");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.quote()).startsWith("could not read the CRaC API's tags feed: GET " + FEED
                    + " returned an HTML page (text/html), not an Atom feed");
        });
    }

    @Test
    void unverifiedWhenTheFeedIsAnHtmlPageAndNoBuildDecides() {
        sourcesAsToday();
        server.onGet(AZUL).json("[]");
        server.onGet(FEED).html("<!DOCTYPE html><html><body>Rate limited</body></html>");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("not an Atom feed"));
    }

    @Test
    void unverifiedWhenNoSourceSaysAnything() {
        server.onGet(AZUL).json("[]");
        mainlineHead();
        server.onGet(MAINLINE).status(404);
        server.onGet(FEED).status(404);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
    }
}
