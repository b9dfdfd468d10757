package org.criu.status.checkers.fileutility;

import static org.criu.status.core.testkit.GitHubFixtures.commit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.Integration;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.RemovalContract;
import org.criu.status.core.testkit.SourceServer;

/**
 * The shared removal contract over file-utility's claim (the CRIU lines of magic/Magdir/linux): FILE5_49 without
 * the magic FILE5_48 had. WireMock on loopback stands in for GitHub and Repology (the kit rewrites their hosts).
 */
class FileUtilityRemovalContractTest extends RemovalContract {

    private static final String SHA_49 = "5f4e3d2c1b0a99887766554433221100ffeeddcc";

    private static String fixture(String name) {
        return SourceServer.fixture(FileUtilityCheckerTest.class, name);
    }

    @Override
    protected List<World> worlds() {
        return List.of(new World() {
            @Override
            public Checker checker() {
                return new FileUtilityChecker();
            }

            @Override
            public RemovalClaim claim() {
                return new FileUtilityChecker().removalClaims().get(0);
            }

            @Override
            public Integration entry() {
                return SourceServer.entry("The file utility", "ready");
            }

            @Override
            public String had() {
                return "FILE5_48";
            }

            @Override
            public String lacks() {
                return "FILE5_49";
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                refs.put("FILE5_49", false);
                refs.put("FILE5_48", true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet("https://api.github.com/repos/file/file/tags?per_page=100").json(GitHubFixtures.tags(
                        "file/file", List.of(new TagSpec("FILE5_49", SHA_49),
                                new TagSpec("FILE5_48", "eb754ace19fed5481d8142426543100a2d6bae4e"))));
                server.onGet("https://api.github.com/repos/file/file/commits/" + SHA_49)
                        .json(commit("file/file", SHA_49, "2026-10-01T10:00:00-04:00", "PR/700: release 5.49"));
                server.onGet("https://repology.org/api/v1/project/file").json(fixture("repology-project-file.json"));
                server.onGet("https://raw.githubusercontent.com/file/file/FILE5_23/magic/Magdir/linux")
                        .text(fixture("magic-linux-with-criu.txt"));
            }

            @Override
            public String featureText() {
                return fixture("magic-linux-with-criu.txt");
            }
        });
    }
}
