package org.criu.status.checkers.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import java.util.ServiceLoader;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class LxcCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String LXC_TAGS = "https://api.github.com/repos/lxc/lxc/tags?per_page=100";
    private static final String LXC_7_0_0 = "e4415af07e3ec291205bc828e2b4e8141f91a499";
    private static final String LXD_RELEASES = "https://api.github.com/repos/canonical/lxd/releases?per_page=100";
    private static final String RAW = "https://raw.githubusercontent.com/";
    private static final String DRIVER = "/lxd/instance/drivers/driver_lxc.go";
    private static final String INCUS_DOC = RAW + "lxc/incus/HEAD/doc/howto/move_instances.md";
    private static final Integration PAGE_ENTRY = entry("LXC/LXD", "ready", "See also: LXC");

    private final LxcChecker checker = new LxcChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(LxcCheckerTest.class, name);
    }

    private void lxcAsToday() {
        server.onGet(LXC_TAGS).json(fixture("lxc-tags-ok.json"));
        server.onGet("https://api.github.com/repos/lxc/lxc/commits/" + LXC_7_0_0)
                .json(commit("lxc/lxc", LXC_7_0_0, "2026-04-30T00:17:38+02:00", "Release LXC 7.0.0"));
        server.onGet(RAW + "lxc/lxc/v7.0.0/src/lxc/criu.c").text(fixture("lxc-criu.c"));
    }

    private void lxdDriver(String tag, String fixture) {
        server.onGet(RAW + "canonical/lxd/" + tag + DRIVER).text(fixture(fixture));
    }

    /** LXD as released: 6.6 to 6.9 without CRIU calls, 6.5 the last with them, LTS 5.21.7 still with them. */
    private void lxdAsToday() {
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6")) {
            lxdDriver(tag, "lxd-driver-lxd-6.6.go");
        }
        lxdDriver("lxd-6.5", "lxd-driver-lxd-6.5.go");
        lxdDriver("lxd-5.21.7", "lxd-driver-lxd-5.21.7.go");
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void suggestsReadyQualifiedByLxdsRemovalAsToday() {
        lxcAsToday();
        lxdAsToday();
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("LXD removed CRIU in lxd-6.6; LTS 5.21 keeps it");

        Evidence lxc = finding.evidence().get(0);
        assertThat(lxc.component()).contains("LXC");
        assertThat(lxc.signal()).isEqualTo(Signal.RELEASED);
        assertThat(lxc.url()).isEqualTo("https://github.com/lxc/lxc/blob/v7.0.0/src/lxc/criu.c");
        assertThat(lxc.quote()).isEqualTo("LXC v7.0.0 ships src/lxc/criu.c, the CRIU driver behind lxc-checkpoint");
        assertThat(lxc.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-04-29"));

        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.component()).contains("LXD");
            assertThat(e.url()).isEqualTo("https://github.com/canonical/lxd/blob/lxd-6.6" + DRIVER);
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2025-11-25"));
            assertThat(e.quote()).isEqualTo("lxd-6.6: driver_lxc.go makes no CRIU calls (3 mentions of criu left); "
                    + "lxd-6.5 had 53 mentions and CRIU calls; none in lxd-6.9 either");
        });
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).startsWith("https://github.com/canonical/lxd/blob/lxd-5.21.7" + DRIVER + "#L");
            assertThat(e.quote()).startsWith("lxd-5.21.7 (LTS): driver_lxc.go drives CRIU (liblxc MIGRATE_");
        });
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).isEqualTo("https://github.com/lxc/incus/blob/HEAD/doc/howto/move_instances.md#L56");
            assertThat(e.quote()).startsWith("Incus");
            assertThat(e.excerpt()).contains("For containers, there is limited support for live migration "
                    + "using CRIU.");
        });
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void anEntryNamingOnlyLxcIsCheckedForLxcAloneWithNoLxdQualifier() {
        lxcAsToday();
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));

        Finding finding = server.finding(checker, entry("LXC", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(server.requestsFor(LXD_RELEASES)).isZero();
    }

    @Test
    void anEntryNamingOnlyLxdIsCheckedForLxdAlone() {
        lxdAsToday();
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));

        Finding finding = server.finding(checker, entry("LXD", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(server.requestsFor(LXC_TAGS)).isZero();
    }

    @Test
    void confirmsReadyWhenTheNewestLxdStillDrivesCriu() {
        lxcAsToday();
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        lxdDriver("lxd-6.9", "lxd-driver-lxd-6.5.go");
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.RELEASED);
            assertThat(e.component()).contains("LXD");
            assertThat(e.url()).startsWith("https://github.com/canonical/lxd/blob/lxd-6.9" + DRIVER + "#L");
        });
    }

    @Test
    void qualifierLeavesTheLtsOutWhenItDroppedCriuToo() {
        lxcAsToday();
        lxdAsToday();
        lxdDriver("lxd-5.21.7", "lxd-driver-lxd-6.6.go");
        server.onGet(INCUS_DOC).notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.qualifier()).contains("LXD removed CRIU in lxd-6.6");
    }

    @Test
    void suggestsDroppedWhenLxcLostItsCriuDriverToo() {
        server.onGet(LXC_TAGS).json(fixture("lxc-tags-ok.json"));
        server.onGet("https://api.github.com/repos/lxc/lxc/commits/" + LXC_7_0_0)
                .json(commit("lxc/lxc", LXC_7_0_0, "2026-04-30T00:17:38+02:00", "Release LXC 7.0.0"));
        server.onGet(RAW + "lxc/lxc/v7.0.0/src/lxc/criu.c").notFound();
        // The oldest release on the first page of tags still shipped it.
        server.onGet(RAW + "lxc/lxc/lxc-1.0.9/src/lxc/criu.c").text(fixture("lxc-criu.c"));
        lxdAsToday();
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.component()).contains("LXC");
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.quote()).isEqualTo("LXC v7.0.0: no src/lxc/criu.c (present in lxc-1.0.9)");
        });
    }

    @Test
    void unverifiedWithTheUrlWhenLxcTagsFail() {
        server.onGet(LXC_TAGS).status(502);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(LXC_TAGS).contains("502"));
    }

    @Test
    void unverifiedWhenLxdReleasesFail() {
        lxcAsToday();
        server.onGet(LXD_RELEASES).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(LXD_RELEASES).contains("500"));
    }

    @Test
    void plainMarkdownKeepsWhatAReaderSees() {
        assertThat(LxcChecker.plainMarkdown("set the {config:option}`instance-migration:migration.incremental.memory` "
                + "property to `true` using [{abbr}`CRIU (Checkpoint/Restore in Userspace)`](https://criu.org/)."))
                .isEqualTo("set the instance-migration:migration.incremental.memory property to true using CRIU.");
    }

    @Test
    void isFoundByServiceLoaderUnderItsFolderNameAndCoversItsHeadings() {
        assertThat(ServiceLoader.load(Checker.class))
                .anySatisfy(c -> {
                    assertThat(c).isInstanceOf(LxcChecker.class);
                    assertThat(c.id()).isEqualTo("lxc");
                });
        for (String heading : List.of("LXC/LXD", "LXC", "LXD")) {
            assertThat(HeadingMatcher.matches(heading, checker.covers())).as(heading).isTrue();
        }
        assertThat(HeadingMatcher.matches("Virtuozzo/OpenVZ", checker.covers())).isFalse();
    }
}
