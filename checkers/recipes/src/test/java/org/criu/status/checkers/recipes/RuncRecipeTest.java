package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.checkers.recipes.Bundled.fixture;
import static org.criu.status.core.testkit.SourceServer.entry;

import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** runc.yaml against WireMock: the kit (SourceServer) rewrites each real origin to the local server. */
class RuncRecipeTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

    private static final String FEED = "https://github.com/opencontainers/runc/tags.atom";
    private static final String RAW = "https://raw.githubusercontent.com/opencontainers/runc/v1.5.1/";
    private final RecipeChecker runc = Bundled.recipe("runc");

    private void asToday(String checkpoint) {
        server.onGet(FEED).atom(fixture("runc", "tags.atom"));
        server.onGet(RAW + "checkpoint.go").text(checkpoint);
        server.onGet(RAW + "restore.go").text(fixture("runc", "restore.go"));
    }

    @Test
    void theNewestReleaseShipsCheckpointAndRestore() {
        asToday(fixture("runc", "checkpoint.go"));

        Finding finding = server.notOnPage(runc);

        assertThat(finding.integration().heading()).isEqualTo("runc");
        assertThat(finding.integration().section()).contains("Container platforms");
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        assertThat(finding.evidence()).extracting(Evidence::url).containsExactly(
                "https://github.com/opencontainers/runc/blob/v1.5.1/checkpoint.go#L21",
                "https://github.com/opencontainers/runc/blob/v1.5.1/restore.go#L12");
        assertThat(finding.evidence().get(0).excerpt()).contains("Name:  \"checkpoint\",");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-07-14"));
        assertThat(server.requests()).noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @Test
    void anEntryOnThePageSayingReadyIsConfirmed() {
        asToday(fixture("runc", "checkpoint.go"));

        assertThat(server.finding(runc, entry("runc", "ready")).verdict()).isEqualTo(Verdict.CONFIRMED);
    }

    @Test
    void withoutTheCheckpointCommandTheReleaseNoLongerSupportsIt() {
        asToday(fixture("runc", "checkpoint.go").replace("\"checkpoint\"", "\"pause\""));

        Finding finding = server.finding(runc, entry("runc", "ready"));

        assertThat(finding.evidence()).extracting(Evidence::signal).contains(Signal.ABSENT);
        assertThat(finding.verdict()).as("restore still ships: the newest decisive evidence").isEqualTo(Verdict.CONFIRMED);
        server.onGet(RAW + "restore.go").text(fixture("runc", "restore.go").replace("\"restore\"", "\"resume\""));
        Finding neither = server.finding(runc, entry("runc", "ready"));
        assertThat(neither.suggestedStatus()).contains(Status.NOT_STARTED);
    }

    @Test
    void aFailingFeedLeavesTheEntryUnverified() {
        server.onGet(FEED).status(503);

        Finding finding = server.notOnPage(runc);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(FEED).contains("503"));
    }
}
