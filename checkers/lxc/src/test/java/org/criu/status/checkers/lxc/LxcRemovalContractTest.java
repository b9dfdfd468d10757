package org.criu.status.checkers.lxc;

import static org.criu.status.core.testkit.GitHubFixtures.commit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.Integration;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.RemovalContract;
import org.criu.status.core.testkit.SourceServer;

/**
 * The shared removal contract over lxc's two claims: LXC's src/lxc/criu.c (an "LXC" entry: v7.1.0 lacking the
 * file v7.0.0 had) and LXD's CRIU calls in driver_lxc.go (an "LXD" entry: lxd-6.6 to lxd-6.9 without the calls
 * lxd-6.5 made). WireMock on loopback stands in for GitHub (the kit rewrites its hosts).
 */
class LxcRemovalContractTest extends RemovalContract {

    private static final String RAW = "https://raw.githubusercontent.com/";
    private static final String V7_1_0 = "5a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private static String fixture(String name) {
        return SourceServer.fixture(LxcCheckerTest.class, name);
    }

    private static RemovalClaim claim(String repo) {
        return new LxcChecker().removalClaims().stream().filter(c -> c.repo().equals(repo)).findFirst().orElseThrow();
    }

    /** What both worlds read besides their subject: Incus's feed and doc, the canaries, LXD's LTS. */
    private static void common(SourceServer server) {
        server.onGet("https://github.com/lxc/incus/tags.atom").atom(AtomFixtures.gitHubTags("lxc/incus",
                List.of(new AtomFixtures.EntrySpec("v7.3.0", "2026-07-30T13:24:39-04:00"))));
        server.onGet(RAW + "lxc/incus/v7.3.0/doc/howto/move_instances.md").text(fixture("incus-move-instances.md"));
        server.onGet(RAW + "lxc/lxc/lxc-2.0.0/src/lxc/criu.c").text(fixture("lxc-2.0.0-criu.c"));
        server.onGet(RAW + "canonical/lxd/lxd-6.5/lxd/instance/drivers/driver_lxc.go")
                .text(fixture("lxd-driver-lxd-6.5.go"));
    }

    @Override
    protected List<World> worlds() {
        World lxc = new World() {
            @Override
            public Checker checker() {
                return new LxcChecker();
            }

            @Override
            public RemovalClaim claim() {
                return LxcRemovalContractTest.claim(LxcChecker.LXC_REPO);
            }

            @Override
            public Integration entry() {
                return SourceServer.entry("LXC", "ready");
            }

            @Override
            public String had() {
                return "v7.0.0";
            }

            @Override
            public String lacks() {
                return "v7.1.0";
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                refs.put("v7.1.0", false);
                refs.put("v7.0.0", true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet("https://api.github.com/repos/lxc/lxc/tags?per_page=100").json(GitHubFixtures.tags(
                        "lxc/lxc", List.of(new TagSpec("v7.1.0", V7_1_0),
                                new TagSpec("v7.0.0", "e4415af07e3ec291205bc828e2b4e8141f91a499"))));
                server.onGet("https://api.github.com/repos/lxc/lxc/commits/" + V7_1_0)
                        .json(commit("lxc/lxc", V7_1_0, "2026-10-01T10:00:00+02:00", "Release LXC 7.1.0"));
                common(server);
            }

            @Override
            public String featureText() {
                return fixture("lxc-criu.c");
            }
        };
        World lxd = new World() {
            @Override
            public Checker checker() {
                return new LxcChecker();
            }

            @Override
            public RemovalClaim claim() {
                return LxcRemovalContractTest.claim(LxcChecker.LXD_REPO);
            }

            @Override
            public Integration entry() {
                return SourceServer.entry("LXD", "ready");
            }

            @Override
            public String had() {
                return "lxd-6.5";
            }

            @Override
            public String lacks() {
                return "lxd-6.6";
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                for (String tag : List.of("lxd-6.9", "lxd-6.8", "lxd-6.7", "lxd-6.6")) {
                    refs.put(tag, false);
                }
                refs.put("lxd-6.5", true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet("https://api.github.com/repos/canonical/lxd/releases?per_page=100")
                        .json(fixture("lxd-releases-ok.json"));
                server.onGet(RAW + "canonical/lxd/lxd-5.21.7/lxd/instance/drivers/driver_lxc.go")
                        .text(fixture("lxd-driver-lxd-5.21.7.go"));
                common(server);
            }

            @Override
            public String featureText() {
                return fixture("lxd-driver-lxd-6.5.go");
            }
        };
        return List.of(lxc, lxd);
    }
}
