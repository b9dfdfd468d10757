package org.criu.status.checkers.podman;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.Integration;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.RemovalContract;
import org.criu.status.core.testkit.SourceServer;

/**
 * The shared removal contract over podman's claim (the podman-container-checkpoint man page): v5.8.2 without the
 * page v5.8.1 had, at the repository's new home. WireMock on loopback stands in for GitHub (the kit rewrites its
 * hosts).
 */
class PodmanRemovalContractTest extends RemovalContract {

    private static final String HOME = PodmanChecker.HOME;

    private static String fixture(String name) {
        return SourceServer.fixture(PodmanCheckerTest.class, name);
    }

    @Override
    protected List<World> worlds() {
        return List.of(new World() {
            @Override
            public Checker checker() {
                return new PodmanChecker();
            }

            @Override
            public RemovalClaim claim() {
                return new PodmanChecker().removalClaims().get(0);
            }

            @Override
            public Integration entry() {
                return SourceServer.entry("Podman", "ready");
            }

            @Override
            public String had() {
                return "v5.8.1";
            }

            @Override
            public String lacks() {
                return "v5.8.2";
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                refs.put("v5.8.2", false);
                refs.put("v5.8.1", true);
                refs.put(PodmanChecker.KNOWN_RELEASE, true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet("https://api.github.com/repos/containers/podman").respond(aResponse().withStatus(301)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Location", "https://api.github.com/repositories/109145553")
                        .withBody(fixture("repository-moved.json")));
                server.onGet("https://api.github.com/repositories/109145553").json(fixture("repository-ok.json"));
                server.onGet("https://api.github.com/repos/" + HOME + "/releases?per_page=100").json("""
                        [{"tag_name":"v5.8.2","name":"v5.8.2","draft":false,"prerelease":false,\
                        "published_at":"2026-04-14T14:03:09Z","body":"","html_url":"https://github.com/%1$s/releases/tag/v5.8.2"},\
                        {"tag_name":"v5.8.1","name":"v5.8.1","draft":false,"prerelease":false,\
                        "published_at":"2026-03-11T18:00:00Z","body":"","html_url":"https://github.com/%1$s/releases/tag/v5.8.1"}]"""
                        .formatted(HOME));
                String raw = "https://raw.githubusercontent.com/" + HOME + "/v5.8.2/";
                server.onGet(raw + "RELEASE_NOTES.md").text(fixture("release-notes.md"));
                server.onGet(raw + PodmanChecker.MAN_PAGES.get(1)).notFound();
            }

            @Override
            public String featureText() {
                return fixture("checkpoint-man-page.md");
            }
        });
    }
}
