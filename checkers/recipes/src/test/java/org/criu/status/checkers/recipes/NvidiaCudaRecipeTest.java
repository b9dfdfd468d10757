package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.checkers.recipes.Bundled.fixture;

import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** nvidia-cuda.yaml: CRIU's cuda plugin at CRIU's newest release, and NVIDIA's cuda-checkpoint repository.
 * Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server.
 */
class NvidiaCudaRecipeTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String FEED = "https://github.com/checkpoint-restore/criu/tags.atom";
    private static final String RAW = "https://raw.githubusercontent.com/checkpoint-restore/criu/v4.2/plugins/cuda/cuda_plugin.c";
    private static final String REPO = "https://api.github.com/repos/NVIDIA/cuda-checkpoint";

    private final RecipeChecker cuda = Bundled.recipe("nvidia-cuda");

    private void asToday(String repository) {
        server.onGet(FEED).atom(fixture("nvidia-cuda", "tags.atom"));
        server.onGet(RAW).text(fixture("nvidia-cuda", "cuda_plugin.c"));
        server.onGet(REPO).json(repository);
    }

    @Test
    void todayCriusNewestReleaseShipsTheCudaPluginAndCudaCheckpointIsLive() {
        asToday(fixture("nvidia-cuda", "repository.json"));

        Finding finding = server.notOnPage(cuda);

        assertThat(finding.integration().heading()).isEqualTo("NVIDIA CUDA");
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.RELEASED, Signal.CONTEXT);
        assertThat(finding.evidence().get(0).url())
                .isEqualTo("https://github.com/checkpoint-restore/criu/blob/v4.2/plugins/cuda/cuda_plugin.c#L21");
        assertThat(finding.evidence().get(0).excerpt()).contains("#define CUDA_CHECKPOINT \"cuda-checkpoint\"");
        assertThat(finding.evidence().get(1).quote()).isEqualTo("NVIDIA/cuda-checkpoint: last push 2025-01-27");
        assertThat(server.requests()).filteredOn(r -> r.getUrl().startsWith("/api.github.com/")).hasSize(1);
    }

    @Test
    void anArchivedCudaCheckpointEndsTheIntegration() {
        asToday(fixture("nvidia-cuda", "repository.json").replace("\"archived\": false", "\"archived\": true"));

        Finding finding = server.notOnPage(cuda);

        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("NVIDIA/cuda-checkpoint is archived (read-only) on GitHub");
    }

    @Test
    void aPluginGoneFromTheReleaseIsNeitherRemovedNorAbsentWhileItsHistoryCannotSay() {
        server.onGet(FEED).atom(fixture("nvidia-cuda", "tags.atom"));
        server.onGet(RAW).text(fixture("nvidia-cuda", "cuda_plugin.c").replace("\"cuda-checkpoint\"", "\"nvcr\""));
        // The canary's v4.0 had it, and so did the releases after it but the newest: v4.1.1...v4.2 decides.
        for (String tag : List.of("v4.0", "v4.1.1")) {
            server.onGet(RAW.replace("/v4.2/", "/" + tag + "/")).text(fixture("nvidia-cuda", "cuda_plugin.c"));
        }
        server.onGet("https://api.github.com/repos/checkpoint-restore/criu/compare/v4.1.1...v4.2").status(502);
        server.onGet(REPO).json(fixture("nvidia-cuda", "repository.json"));

        Finding finding = server.notOnPage(cuda);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.evidence()).extracting(Evidence::signal).doesNotContain(Signal.REMOVED, Signal.ABSENT);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("which v4.1.1 had", "502"));
    }

    @Test
    void aRateLimitedRepositoryLookupIsUnverified() {
        server.onGet(FEED).atom(fixture("nvidia-cuda", "tags.atom"));
        server.onGet(RAW).text(fixture("nvidia-cuda", "cuda_plugin.c"));
        server.onGet(REPO).gitHubRateLimited(SourceServer.NOW.plusSeconds(1800));

        Finding finding = server.notOnPage(cuda);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).containsIgnoringCase("rate limit"));
    }
}
