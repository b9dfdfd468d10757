package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.checkers.recipes.Bundled.fixture;
import static org.criu.status.core.testkit.SourceServer.entry;

import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubernetes.yaml: KEP-2008's kep.yaml read at master's current commit (WireMock stands in for GitHub).
 * Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server.
 */
class KubernetesRecipeTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String COMMITS = "https://github.com/kubernetes/enhancements/commits/master.atom";
    private static final String SHA = "64765b4b02389318f2113119dd9e491479f978a0";
    private static final String KEP = "keps/sig-node/2008-forensic-container-checkpointing/kep.yaml";
    private static final String RAW = "https://raw.githubusercontent.com/kubernetes/enhancements/" + SHA + "/" + KEP;
    private static final String BLOB = "https://github.com/kubernetes/enhancements/blob/" + SHA + "/" + KEP;

    private final RecipeChecker kubernetes = Bundled.recipe("kubernetes");

    private void kep(String text) {
        server.onGet(COMMITS).atom(fixture("kubernetes", "commits-master.atom"));
        server.onGet(RAW).text(text);
    }

    @Test
    void todayTheKepIsBetaAndTheEntryToAddSaysReadyBeta() {
        kep(fixture("kubernetes", "kep.yaml"));

        Finding finding = server.notOnPage(kubernetes);

        assertThat(finding.integration().heading()).isEqualTo("Kubernetes");
        assertThat(finding.integration().section()).contains("Container platforms");
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("beta");
        Evidence stage = finding.evidence().get(0);
        assertThat(stage.signal()).isEqualTo(Signal.RELEASED);
        assertThat(stage.url()).as("pinned to the commit read, never to master").isEqualTo(BLOB + "#L18");
        assertThat(stage.excerpt()).contains("stage: beta");
        assertThat(stage.quote()).isEqualTo("KEP-2008 Forensic Container Checkpointing: stage beta (" + KEP
                + " at master@64765b4)");
        assertThat(finding.evidence()).extracting(Evidence::excerpt).extracting(o -> o.orElse("")).containsExactly(
                "stage: beta", "latest-milestone: \"v1.30\"", "alpha: \"v1.25\"", "beta: \"v1.30\"",
                "- name: ContainerCheckpoint");
        assertThat(finding.evidence()).extracting(Evidence::url).containsExactly(BLOB + "#L18", BLOB + "#L23",
                BLOB + "#L27", BLOB + "#L28", BLOB + "#L34");
        assertThat(server.requests()).noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @Test
    void whenTheKepGoesStableTheQualifierGoes() {
        kep(fixture("kubernetes", "kep.yaml").replace("stage: beta", "stage: stable"));

        Finding finding = server.finding(kubernetes, entry("Kubernetes", "ready", "(beta)"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(server.notOnPage(kubernetes).qualifier()).isEmpty();
    }

    @Test
    void aStageTheRecipeDoesNotKnowIsUnverifiedNotGuessed() {
        kep(fixture("kubernetes", "kep.yaml").replace("stage: beta", "stage: deprecated"));

        Finding finding = server.finding(kubernetes, entry("Kubernetes", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("stage: deprecated")
                .contains("maps to no signal"));
    }

    @Test
    void aKepThatMovedIsUnverifiedNamingThePath() {
        server.onGet(COMMITS).atom(fixture("kubernetes", "commits-master.atom"));
        server.onGet(RAW).notFound();

        Finding finding = server.notOnPage(kubernetes);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).contains("kubernetes/enhancements has no " + KEP + " at master@64765b4");
    }

    @Test
    void aFailingFeedIsUnverifiedNamingIt() {
        server.onGet(COMMITS).status(500);

        Finding finding = server.notOnPage(kubernetes);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(COMMITS).contains("500"));
    }
}
