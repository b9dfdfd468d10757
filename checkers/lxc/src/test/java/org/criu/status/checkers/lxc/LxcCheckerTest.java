package org.criu.status.checkers.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.ArrayList;
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
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;
import org.criu.status.core.testkit.GitHubFixtures.FileSpec;
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
    private static final String INCUS_FEED = "https://github.com/lxc/incus/tags.atom";
    private static final String INCUS_DOC = RAW + "lxc/incus/v7.3.0/doc/howto/move_instances.md";
    private static final String LXD_API = "https://api.github.com/repos/canonical/lxd";
    private static final String LXD_COMPARE = LXD_API + "/compare/lxd-6.5...lxd-6.6";
    /** The commit that removed CRIU from LXD's LXC driver (PR #16313), and its parent. */
    static final String LXD_DELETING = "c1642d5b9970d72f080710ddd0a987580c0a0a2d";
    static final String LXD_DELETING_PARENT = "50f9c9e52a7b0d0d4fc703d15ee6665a7de9104c";
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

    /**
     * LXD before the removal: the newest release drives CRIU, and so do the four before it, which are read with it
     * (the walk back is read ahead, five releases at once).
     */
    private void lxdStillDrivingCriu() {
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6", "lxd-6.5")) {
            lxdDriver(tag, "lxd-driver-lxd-6.5.go");
        }
    }

    /** LXD as released: 6.6 to 6.9 without CRIU calls, 6.5 the last with them, LTS 5.21.7 still with them. */
    private void lxdAsToday() {
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6")) {
            lxdDriver(tag, "lxd-driver-lxd-6.6.go");
        }
        lxdDriver("lxd-6.5", "lxd-driver-lxd-6.5.go");
        lxdDriver("lxd-5.21.7", "lxd-driver-lxd-5.21.7.go");
        lxdHistoryAsToday();
    }

    /** Incus's tags feed (real tag names and dates) and its live-migration doc at the newest release. */
    private void incus() {
        server.onGet(INCUS_FEED).atom(AtomFixtures.gitHubTags("lxc/incus", List.of(
                new AtomFixtures.EntrySpec("v7.3.0", "2026-07-30T13:24:39-04:00"),
                new AtomFixtures.EntrySpec("v7.0.1", "2026-07-10T11:15:45-04:00"),
                new AtomFixtures.EntrySpec("v7.2.0", "2026-06-25T21:53:29-04:00"))));
        server.onGet(INCUS_DOC).text(fixture("incus-move-instances.md"));
    }

    /**
     * What canonical/lxd's history says about the driver between lxd-6.5 and lxd-6.6, as GitHub answers it: the
     * comparison is cut at 300 files (805 changed), so the path's history is read (the real commits that touched
     * driver_lxc.go since lxd-6.5), bisected with raw reads, and the deleting commit's own diff read.
     */
    private void lxdHistoryAsToday() {
        List<FileSpec> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(FileSpec.modified("lxd/api_" + i + ".go", null));
        }
        server.onGet(LXD_COMPARE).json(GitHubFixtures.compare("canonical/lxd", "lxd-6.5", "lxd-6.6",
                new CommitSpec("fec3cc832ca782d398c82d38f8532ef9d5be2e00", "2025-08-01T11:22:35+01:00",
                        "Release LXD 6.5", "0b7d9e2e6b1f0f6e5bfa4bd8cfd5e2b0e7b2a1c3"),
                List.of(new CommitSpec("49569b65625b9c53dc5dce885ca2cb1390fd6481", "2025-11-24T16:45:54+00:00",
                        "Release LXD 6.6", "77d319d8902612c1b8d33fa34953b74a15c042e5")), files));
        List<CommitSpec> history = LxdHistory.COMMITS;
        server.onGet(LXD_API + "/commits?sha=lxd-6.6&path=lxd%2Finstance%2Fdrivers%2Fdriver_lxc.go"
                + "&since=2025-07-31T10:22:35Z&per_page=100").json(GitHubFixtures.history("canonical/lxd", history));
        boolean calls = false;
        for (CommitSpec c : history) {
            lxdDriver(c.sha(), calls ? "lxd-driver-lxd-6.5.go" : "lxd-driver-lxd-6.6.go");
            if (c.sha().equals(LXD_DELETING)) {
                calls = true;
            }
            lxdDriver(c.parents().get(0), calls ? "lxd-driver-lxd-6.5.go" : "lxd-driver-lxd-6.6.go");
        }
        lxdDriver(LXD_DELETING_PARENT, "lxd-driver-lxd-6.5.go");
        server.onGet(LXD_API + "/commits/" + LXD_DELETING).json(GitHubFixtures.commitWithFiles("canonical/lxd",
                history.stream().filter(c -> c.sha().equals(LXD_DELETING)).findFirst().orElseThrow(),
                List.of(FileSpec.modified("lxd/instance/drivers/driver_lxc.go", fixture("lxd-c1642d5-driver.patch")))));
        // The canaries, read before a removal is trusted.
        server.onGet(RAW + "lxc/lxc/lxc-2.0.0/src/lxc/criu.c").text(fixture("lxc-2.0.0-criu.c"));
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void suggestsReadyQualifiedByLxdsRemovalAsToday() {
        lxcAsToday();
        lxdAsToday();
        incus();

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
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.component()).contains("LXD");
            assertThat(e.url()).isEqualTo("https://github.com/canonical/lxd/commit/" + LXD_DELETING);
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2025-08-26"));
            assertThat(e.excerpt()).contains("lxd/instance/drivers: remove criu migration support");
        });
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).startsWith("https://github.com/canonical/lxd/blob/lxd-5.21.7" + DRIVER + "#L");
            assertThat(e.quote()).startsWith("lxd-5.21.7 (LTS): driver_lxc.go drives CRIU (liblxc MIGRATE_");
        });
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.CONTEXT);
            assertThat(e.url()).isEqualTo("https://github.com/lxc/incus/blob/v7.3.0/doc/howto/move_instances.md#L56");
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-07-30"));
            assertThat(e.quote()).startsWith("Incus v7.3.0");
            assertThat(e.excerpt()).contains("For containers, there is limited support for live migration "
                    + "using CRIU.");
        });
        // lxc/lxc tags and commit, canonical/lxd releases; then the comparison, the driver's history, the commit.
        assertThat(apiRequests()).isEqualTo(6);
    }

    @Test
    void anEntryNamingOnlyLxcIsCheckedForLxcAloneWithNoLxdQualifier() {
        lxcAsToday();
        incus();

        Finding finding = server.finding(checker, entry("LXC", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(server.requestsFor(LXD_RELEASES)).isZero();
    }

    @Test
    void anEntryNamingOnlyLxdIsCheckedForLxdAlone() {
        lxdAsToday();
        incus();

        Finding finding = server.finding(checker, entry("LXD", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(server.requestsFor(LXC_TAGS)).isZero();
    }

    @Test
    void confirmsReadyWhenTheNewestLxdStillDrivesCriu() {
        lxcAsToday();
        lxdStillDrivingCriu();
        incus();

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
        server.onGet(INCUS_FEED).notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.qualifier()).contains("LXD removed CRIU in lxd-6.6");
    }

    /** src/lxc/criu.c at every release of the tags page: there before {@code firstWithout}, gone from it on. */
    private void lxcCriuUpTo(String firstWithout, List<String> releases) {
        boolean gone = true;
        for (String tag : releases) {
            if (tag.equals(firstWithout)) {
                server.onGet(RAW + "lxc/lxc/" + tag + "/src/lxc/criu.c").notFound();
                gone = false;
                continue;
            }
            if (gone) {
                server.onGet(RAW + "lxc/lxc/" + tag + "/src/lxc/criu.c").notFound();
            } else {
                server.onGet(RAW + "lxc/lxc/" + tag + "/src/lxc/criu.c").text(fixture("lxc-criu.c"));
            }
        }
    }

    private List<String> lxcReleases() {
        return LXC_RELEASE_NAMES;
    }

    private static final List<String> LXC_RELEASE_NAMES = List.of("v7.0.0", "v6.0.6", "v6.0.5", "v6.0.4", "v6.0.3",
            "v6.0.2", "v6.0.1", "v6.0.0", "lxc-5.0.3", "lxc-5.0.2", "lxc-5.0.1", "lxc-5.0.0", "lxc-4.0.12", "lxc-4.0.11",
            "lxc-4.0.10", "lxc-4.0.9", "lxc-4.0.8", "lxc-4.0.7", "lxc-4.0.6", "lxc-4.0.5", "lxc-4.0.4", "lxc-4.0.3",
            "lxc-4.0.2", "lxc-4.0.1", "lxc-4.0.0", "lxc-3.2.1", "lxc-3.2.0", "lxc-3.1.0", "lxc-3.0.4", "lxc-3.0.3",
            "lxc-3.0.2", "lxc-3.0.1", "lxc-3.0.0", "lxc-2.1.1", "lxc-2.1.0", "lxc-2.0.11", "lxc-2.0.10", "lxc-2.0.9",
            "lxc-2.0.8", "lxc-2.0.7", "lxc-2.0.6", "lxc-2.0.5", "lxc-2.0.4", "lxc-2.0.3", "lxc-2.0.2", "lxc-2.0.1",
            "lxc-2.0.0", "lxc-1.0.11", "lxc-1.0.10", "lxc-1.0.9");

    private void lxcTagsAndDate() {
        server.onGet(LXC_TAGS).json(fixture("lxc-tags-ok.json"));
        server.onGet("https://api.github.com/repos/lxc/lxc/commits/" + LXC_7_0_0)
                .json(commit("lxc/lxc", LXC_7_0_0, "2026-04-30T00:17:38+02:00", "Release LXC 7.0.0"));
    }

    @Test
    void suggestsDroppedWhenLxcsCriuDriverWasDeletedToo() {
        lxcTagsAndDate();
        lxcCriuUpTo("v7.0.0", lxcReleases());
        server.onGet("https://api.github.com/repos/lxc/lxc/compare/v6.0.6...v7.0.0").json(GitHubFixtures.compare(
                "lxc/lxc", "v6.0.6", "v7.0.0", new CommitSpec("1b2bcd0e0e8f8a0e6f4c1d4a5e3c2b1a09f8e7d6",
                        "2026-02-26T10:00:00-05:00", "Release LXC 6.0.6", "2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"),
                List.of(new CommitSpec(LXC_7_0_0, "2026-04-30T00:17:38+02:00", "Release LXC 7.0.0",
                        "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f")),
                List.of(FileSpec.removed("src/lxc/criu.c", "@@ -1319,3 +0,0 @@\n-bool __criu_pre_dump(struct lxc_container *c, struct migrate_opts *opts)\n"),
                        FileSpec.modified("src/lxc/lxccontainer.c", "@@ -5000,3 +5000,1 @@\n-\treturn __criu_dump(c, opts);\n+\treturn false;\n"))));
        String deleting = "4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
        server.onGet("https://api.github.com/repos/lxc/lxc/commits?sha=v7.0.0&path=src%2Flxc%2Fcriu.c"
                + "&since=2026-02-25T15:00:00Z&per_page=100").json(GitHubFixtures.history("lxc/lxc", List.of(
                new CommitSpec(deleting, "2026-03-10T12:00:00+01:00",
                        "Merge pull request #4600 from dev/drop-criu\n\nDrop the CRIU driver", "5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081"))));
        server.onGet(RAW + "lxc/lxc/" + deleting + "/src/lxc/criu.c").notFound();
        server.onGet(RAW + "lxc/lxc/5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081/src/lxc/criu.c").text(fixture("lxc-criu.c"));
        lxdAsToday();
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.component()).contains("LXC");
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.quote()).isEqualTo("LXC v7.0.0: no src/lxc/criu.c (last in v6.0.6)");
        });
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.component()).contains("LXC");
            assertThat(e.url()).isEqualTo("https://github.com/lxc/lxc/commit/" + deleting);
        });
        assertThat(finding.evidence()).extracting(Evidence::url).contains("https://github.com/lxc/lxc/pull/4600");
    }

    @Test
    void followsLxcsDriverMovedIntoANewFile() {
        lxcTagsAndDate();
        lxcCriuUpTo("v7.0.0", lxcReleases());
        server.onGet("https://api.github.com/repos/lxc/lxc/compare/v6.0.6...v7.0.0").json(GitHubFixtures.compare(
                "lxc/lxc", "v6.0.6", "v7.0.0", new CommitSpec("1b2bcd0e0e8f8a0e6f4c1d4a5e3c2b1a09f8e7d6",
                        "2026-02-26T10:00:00-05:00", "Release LXC 6.0.6", "2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"),
                List.of(new CommitSpec(LXC_7_0_0, "2026-04-30T00:17:38+02:00", "Release LXC 7.0.0",
                        "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f")),
                List.of(FileSpec.removed("src/lxc/criu.c", "@@ -1,1 +0,0 @@\n-bool __criu_dump(struct lxc_container *c, struct migrate_opts *opts)\n"),
                        FileSpec.added("src/lxc/checkpoint/criu.c", "@@ -0,0 +1,1 @@\n+bool __criu_dump(struct lxc_container *c, struct migrate_opts *opts)\n"))));
        server.onGet(RAW + "lxc/lxc/v7.0.0/src/lxc/checkpoint/criu.c").text(fixture("lxc-criu.c"));
        lxdStillDrivingCriu();
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).url())
                .isEqualTo("https://github.com/lxc/lxc/blob/v7.0.0/src/lxc/checkpoint/criu.c#L10");
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.REMOVED);
    }

    @Test
    void anUnreadableLxdHistoryLeavesTheVerdictToLxcWithoutAQualifier() {
        lxcAsToday();
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6")) {
            lxdDriver(tag, "lxd-driver-lxd-6.6.go");
        }
        lxdDriver("lxd-6.5", "lxd-driver-lxd-6.5.go");
        // The LTS driver is read while the history is asked (cited only beside a proven removal).
        lxdDriver("lxd-5.21.7", "lxd-driver-lxd-5.21.7.go");
        server.onGet(LXD_COMPARE).status(502);
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.REMOVED);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.component()).contains("LXD");
            assertThat(e.quote()).contains("not proven removed").contains("502");
        });
    }

    @Test
    void anLxdOnlyEntryWithAnUnreadableHistoryIsUnverified() {
        server.onGet(LXD_RELEASES).json(fixture("lxd-releases-ok.json"));
        for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6")) {
            lxdDriver(tag, "lxd-driver-lxd-6.6.go");
        }
        lxdDriver("lxd-6.5", "lxd-driver-lxd-6.5.go");
        // The LTS driver is read while the history is asked (cited only beside a proven removal).
        lxdDriver("lxd-5.21.7", "lxd-driver-lxd-5.21.7.go");
        server.onGet(LXD_COMPARE).status(502);
        incus();

        Finding finding = server.finding(checker, entry("LXD", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("LXD: lxd-6.6's driver_lxc.go makes no CRIU calls, which lxd-6.5's did").contains("502"));
    }

    @Test
    void aFailingCanaryMakesTheRemovalUnverified() {
        lxcAsToday();
        lxdAsToday();
        server.onGet(RAW + "lxc/lxc/lxc-2.0.0/src/lxc/criu.c").notFound();
        incus();

        Finding finding = server.finding(checker, entry("LXD", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("probe out of date: LXC lxc-2.0.0 ships src/lxc/criu.c, the CRIU driver behind lxc-checkpoint: "
                        + "https://github.com/lxc/lxc/blob/lxc-2.0.0/src/lxc/criu.c is gone (404)"));
    }

    @Test
    void unverifiedWithTheUrlWhenLxcTagsFail() {
        server.onGet(LXC_TAGS).status(502);
        // LXD and Incus are asked at the same time as LXC: answered, and not enough without LXC.
        lxdAsToday();
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(LXC_TAGS).contains("502"));
    }

    @Test
    void unverifiedWhenLxdReleasesFail() {
        lxcAsToday();
        server.onGet(LXD_RELEASES).status(500);
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(LXD_RELEASES).contains("500"));
    }

    @Test
    void whenLxcAndLxdBothFailTheErrorIsLxcsAsIfAskedOneAfterAnother() {
        // LXD's walk runs on the checker's thread and LXC's beside it; the one reported is still the first asked.
        server.onGet(LXC_TAGS).status(502);
        server.onGet(LXD_RELEASES).status(500);
        incus();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(LXC_TAGS).contains("502")
                .doesNotContain(LXD_RELEASES));
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
