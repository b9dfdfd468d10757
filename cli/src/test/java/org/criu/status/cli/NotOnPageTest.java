package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The integrations the page lacks, from the bundled recording: in JSON, in text, and off with --no-missing. */
class NotOnPageTest {

    private static JsonNode json(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void theNineIntegrationsThePageLacksAreReportedApartInTheResultsShape() throws Exception {
        CliRun run = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--format", "json"));

        assertThat(run.err()).isEmpty();
        JsonNode report = json(run);
        assertThat(report.path("summary").path("integrations").asInt()).isEqualTo(13);
        assertThat(report.path("summary").path("notOnPage").asInt()).isEqualTo(9);
        List<String> added = new ArrayList<>();
        report.path("notOnPage").forEach(r -> added.add(r.path("integration").asText() + " | "
                + r.path("section").asText() + " | " + r.path("suggestedStatus").asText()
                + (r.path("qualifier").isNull() ? "" : " (" + r.path("qualifier").asText() + ")")));
        assertThat(added).containsExactly(
                "AMD GPUs | Other | ready",
                "containerd | Container platforms | ready",
                "CRI-O | Container platforms | ready",
                "crun | Container platforms | ready (built with libcriu)",
                "Incus | Container platforms | ready (limited live migration)",
                "Kubernetes | Container platforms | ready (beta)",
                "NVIDIA CUDA | Other | ready",
                "Eclipse OpenJ9 | Other | ready",
                "runc | Container platforms | ready");
        report.path("notOnPage").forEach(r -> {
            assertThat(r.path("wikiStatus").isNull()).isTrue();
            assertThat(r.path("verdict").asText()).isEqualTo("suggested");
            assertThat(r.path("evidence").get(0).path("verbatim").asBoolean()).as("quotes the source").isTrue();
            r.path("evidence").forEach(e -> assertThat(e.path("url").asText())
                    .as("pinned: a tag or a sha, never a branch with an anchor")
                    .doesNotContain("/blob/main/").doesNotContain("/blob/master/"));
        });
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void noMissingLeavesThemOutOfTheReportAndTheExitCode() throws Exception {
        CliRun all = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING));
        CliRun none = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--no-missing"));
        CliRun noneJson = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--no-missing",
                "--format", "json"));

        assertThat(all.out()).contains("Not on the page: 9 integrations have a checker but no entry")
                .contains("Kubernetes (section Container platforms): Status: ready (beta) [high]");
        assertThat(none.out()).doesNotContain("Not on the page");
        assertThat(json(noneJson).path("notOnPage")).isEmpty();
        assertThat(json(noneJson).path("summary").path("notOnPage").asInt()).isZero();
    }
}
