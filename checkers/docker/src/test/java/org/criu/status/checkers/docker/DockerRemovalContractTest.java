package org.criu.status.checkers.docker;

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
 * The shared removal contract over docker's one claim (cli/command/checkpoint/cmd.go): a world of two releases,
 * v29.8.0 lacking the file v29.7.2 had. WireMock on loopback stands in for GitHub (the kit rewrites its hosts).
 */
class DockerRemovalContractTest extends RemovalContract {

    private static final String RAW = "https://raw.githubusercontent.com/docker/cli/";
    private static final String NEW_SHA = "0f6a5b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a";

    private static String fixture(String name) {
        return SourceServer.fixture(DockerCheckerTest.class, name);
    }

    @Override
    protected List<World> worlds() {
        return List.of(new World() {
            @Override
            public Checker checker() {
                return new DockerChecker();
            }

            @Override
            public RemovalClaim claim() {
                return new DockerChecker().removalClaims().get(0);
            }

            @Override
            public Integration entry() {
                return SourceServer.entry("Docker", "ready");
            }

            @Override
            public String had() {
                return "v29.7.2";
            }

            @Override
            public String lacks() {
                return "v29.8.0";
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                refs.put("v29.8.0", false);
                refs.put("v29.7.2", true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet("https://api.github.com/repos/docker/cli/tags?per_page=100").json(GitHubFixtures.tags(
                        "docker/cli", List.of(new TagSpec("v29.8.0", NEW_SHA),
                                new TagSpec("v29.7.2", "a7dcaa6fdb6ed04aacbfdc76357fdae01605609e"))));
                server.onGet("https://api.github.com/repos/docker/cli/commits/" + NEW_SHA)
                        .json(commit("docker/cli", NEW_SHA, "2026-10-01T10:00:00+02:00", "Release v29.8.0"));
                server.onGet(RAW + "v29.8.0/" + DockerChecker.REFERENCE)
                        .text(fixture("checkpoint-reference-experimental.md"));
                server.onGet(RAW + DockerChecker.KNOWN_RELEASE + "/" + DockerChecker.COMMAND)
                        .text(fixture("checkpoint-cmd-experimental.go"));
            }

            @Override
            public String featureText() {
                return fixture("checkpoint-cmd-experimental.go");
            }
        });
    }
}
