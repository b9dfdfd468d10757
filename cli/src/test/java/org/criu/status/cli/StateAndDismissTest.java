package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Periodic runs with --state on the bundled recording, and dismissals, end to end. */
class StateAndDismissTest {

    static final Path RECORDING = CheckCommandTest.RECORDING;
    static final String SLURM_TREE =
            "https://github.com/SchedMD/slurm/tree/284c3b95f08a2dc2478499837b03355e1b9c5c75/src/plugins";

    @TempDir
    Path tmp;

    /** A copy of the recording in which SLURM's src/plugins listing has one plugin type more. */
    private Path recordingWithANewSlurmPlugin() throws Exception {
        Path copy = Files.createDirectory(tmp.resolve("changed"));
        try (Stream<Path> files = Files.list(RECORDING)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().startsWith("api.github.com_repos_SchedMD_slurm_contents_src_plugins")) {
                    text = text.replaceFirst("\n\\[\n", "\n[\n {\n  \"name\": \"hash\",\n  \"path\": \"src/plugins/hash\",\n"
                            + "  \"url\": \"https://api.github.com/repos/SchedMD/slurm/contents/src/plugins/hash?ref=master\",\n"
                            + "  \"html_url\": \"https://github.com/SchedMD/slurm/tree/master/src/plugins/hash\",\n"
                            + "  \"download_url\": null,\n  \"type\": \"dir\"\n },\n");
                }
                Files.writeString(copy.resolve(f.getFileName()), text);
            }
        }
        // Edited on purpose: sealed again, as `recording seal` would, or replay refuses the edited body.
        org.criu.status.core.http.RecordingSeal.seal(copy);
        return copy;
    }

    @Test
    void aSecondRunReportsNoChangeAndAChangedFixtureExactlyWhatChanged() throws Exception {
        Path state = tmp.resolve("state.json");

        CliRun first = CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--fail-on", "new"));
        CliRun second = CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--fail-on", "new"));
        CliRun changed = CliRun.of(args("check", "--replay", recordingWithANewSlurmPlugin(), "--state", state,
                "--fail-on", "new", "--format", "json"));

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("First run with this state file: everything below is new.");
        assertThat(second.exitCode()).as("--fail-on new: nothing new").isZero();
        assertThat(second.out()).contains("No change since the last run (2026-11-26 12:00 UTC, run 2).")
                .contains("SLURM workload manager: change ready -> dropped (high confidence)\n"
                        + "  suggested since 2026-11-26, 2 runs\n")
                .doesNotContain("since the last run\n");
        assertThat(changed.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(changed.out());
        assertThat(json.path("sinceLastRun").path("noChange").asBoolean()).isFalse();
        for (JsonNode r : json.path("results")) {
            boolean isSlurm = r.path("integration").asText().equals("SLURM workload manager");
            assertThat(r.path("history").path("change").asText()).as(r.path("integration").asText())
                    .isEqualTo(isSlurm ? "changed" : "same");
            if (isSlurm) {
                assertThat(r.path("history").path("was").isNull()).isTrue();
                assertThat(r.path("history").path("evidence").asText()).isEqualTo("changed " + SLURM_TREE);
                assertThat(r.path("history").path("runs").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void aDismissedSuggestionStaysApartUntilItsEvidenceChanges() throws Exception {
        Path state = tmp.resolve("state.json");
        CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--only", "slurm,openmpi"));

        CliRun dismiss = CliRun.of(args("dismiss", "SLURM workload manager", "--reason", "kept until the 2027 cleanup",
                "--state", state));
        CliRun held = CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--only", "slurm,openmpi",
                "--format", "diff"));
        CliRun heldOnlySlurm = CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--only", "slurm"));
        CliRun back = CliRun.of(args("check", "--replay", changedRecording(), "--state", state,
                "--only", "slurm", "--width", "200"));

        assertThat(dismiss.exitCode()).as(dismiss.err()).isZero();
        assertThat(dismiss.out()).isEqualTo("Dismissed the suggestion for 'SLURM workload manager' until its evidence "
                + "changes.\n");
        assertThat(held.exitCode()).isEqualTo(1);
        assertThat(held.out()).contains("Dismissed, not applied: SLURM workload manager: change ready -> dropped")
                .contains("OpenMPI: change stalled -> dropped")
                .doesNotContain("SLURM workload manager: change ready -> dropped (https");
        assertThat(heldOnlySlurm.exitCode()).as("a dismissed suggestion is not one to act on").isZero();
        assertThat(heldOnlySlurm.out()).contains("DISMISSED (1)", "dismissed ", ": kept until the 2027 cleanup")
                .doesNotContain("CHANGE ON THE PAGE");
        assertThat(back.exitCode()).isEqualTo(1);
        assertThat(back.out()).contains("CHANGE ON THE PAGE (1)").doesNotContain("DISMISSED")
                .contains("evidence changed since the last run: changed " + SLURM_TREE + ",");

        CliRun.of(args("dismiss", "slurm", "--reason", "again", "--state", state));
        CliRun undismiss = CliRun.of(args("undismiss", "slurm", "--state", state));
        CliRun counted = CliRun.of(args("check", "--replay", changedRecording(), "--state", state, "--only", "slurm"));
        assertThat(undismiss.exitCode()).as(undismiss.err()).isZero();
        assertThat(counted.out()).contains("CHANGE ON THE PAGE (1)").doesNotContain("DISMISSED");
    }

    /** The changed recording, made once per test. */
    private Path changedRecording() throws Exception {
        return Files.exists(tmp.resolve("changed")) ? tmp.resolve("changed") : recordingWithANewSlurmPlugin();
    }

    @Test
    void badStateFilesAndDismissalsAreUsageErrorsNamingTheFileAndNothingIsOverwritten() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"format\": \"integration-status/state\", \"version\": 9}");
        Path state = tmp.resolve("state.json");
        CliRun.of(args("check", "--replay", RECORDING, "--state", state, "--only", "shell"));

        CliRun future = CliRun.of(args("check", "--replay", RECORDING, "--state", bad));
        CliRun nothingToDismiss = CliRun.of(args("dismiss", "shell", "--reason", "x", "--state", state));
        CliRun noFile = CliRun.of(args("dismiss", "shell", "--reason", "x", "--state", tmp.resolve("none.json")));
        CliRun newWithoutState = CliRun.of(args("check", "--replay", RECORDING, "--fail-on", "new"));

        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).contains("--state " + bad + ": written by a newer integration-status (state version 9");
        assertThat(future.out()).isEmpty();
        assertThat(Files.readString(bad)).isEqualTo("{\"format\": \"integration-status/state\", \"version\": 9}");
        assertThat(nothingToDismiss.exitCode()).isEqualTo(2);
        assertThat(nothingToDismiss.err()).contains("the last run made no suggestion for 'Shell'");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("none.json: no such file; run check --state");
        assertThat(newWithoutState.exitCode()).isEqualTo(2);
        assertThat(newWithoutState.err()).contains("--fail-on new needs --state FILE");
    }
}
