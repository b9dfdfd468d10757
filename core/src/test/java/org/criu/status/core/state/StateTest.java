package org.criu.status.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.WikiPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateTest {

    static final String PAGE = "Integration @ https://criu.org/api.php";
    static final Evidence NOTES = Evidence.dated(Signal.REMOVED, "github",
            "https://github.com/SchedMD/slurm/blob/slurm-20-02-0-1/RELEASE_NOTES#L40-L41", LocalDate.of(2020, 2, 25),
            "checkpoint plugins removed");
    static final Evidence TREE = Evidence.undated(Signal.REMOVED, "github",
            "https://github.com/SchedMD/slurm/tree/master/src/plugins", "no checkpoint/ among 41 plugin types");

    @TempDir
    Path tmp;

    static Integration entry(String heading, String status) {
        return new Integration(heading, Optional.of("Other"), status, Status.fromWikiText(status), List.of(), List.of(),
                0, status.length());
    }

    static Finding slurm(Evidence... evidence) {
        return Finding.suggested(entry("SLURM", "ready"), "slurm", Status.DROPPED, Optional.empty(), Confidence.HIGH,
                List.of(evidence));
    }

    static Finding docker() {
        return Finding.confirmed(entry("Docker", "ready"), "docker", Confidence.HIGH, List.of(Evidence.dated(
                Signal.RELEASED, "github", "https://github.com/docker/cli/releases/tag/v29.7.2",
                LocalDate.of(2026, 8, 5), "v29.7.2")));
    }

    static Report run(String day, Finding... findings) {
        return new Report(new WikiPage("Integration", "https://criu.org/api.php", Optional.of(1L), Optional.empty(), ""),
                Instant.parse(day + "T12:00:00Z"), List.of(findings));
    }

    @Test
    void aSecondRunOnTheSameEvidenceIsNoChangeAndCountsHowLongASuggestionStood() {
        Tracker.Advance first = Tracker.advance(State.empty(PAGE), run("2026-11-01", slurm(NOTES, TREE), docker()),
                Optional.empty());
        Tracker.Advance second = Tracker.advance(first.next(), run("2026-11-08", slurm(NOTES, TREE), docker()),
                Optional.empty());

        assertThat(first.history().firstRun()).isTrue();
        assertThat(first.history().of("SLURM").orElseThrow().change()).isEqualTo(History.Change.NEW);
        assertThat(second.history().noChange()).isTrue();
        assertThat(second.history().of("SLURM").orElseThrow()).satisfies(h -> {
            assertThat(h.change()).isEqualTo(History.Change.SAME);
            assertThat(h.since()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
            assertThat(h.runs()).isEqualTo(2);
        });
        assertThat(second.next().runs()).isEqualTo(2);
    }

    @Test
    void changedEvidenceAndChangedFindingsSayExactlyWhatChanged() {
        State start = Tracker.advance(State.empty(PAGE), run("2026-11-01", slurm(NOTES, TREE), docker()),
                Optional.empty()).next();
        Evidence moved = Evidence.undated(Signal.REMOVED, "github", TREE.url(), "no checkpoint/ among 42 plugin types");
        Finding dockerNow = Finding.suggested(entry("Docker", "ready"), "docker", Status.READY,
                Optional.of("experimental"), Confidence.HIGH, docker().evidence());

        History h = Tracker.advance(start, run("2026-11-08", slurm(NOTES, moved), dockerNow), Optional.empty())
                .history();

        assertThat(h.noChange()).isFalse();
        assertThat(h.of("SLURM").orElseThrow()).satisfies(e -> {
            assertThat(e.change()).isEqualTo(History.Change.CHANGED);
            assertThat(e.before()).isEmpty();
            assertThat(e.evidence()).contains("changed " + TREE.url());
            assertThat(e.since()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        });
        assertThat(h.of("Docker").orElseThrow()).satisfies(e -> {
            assertThat(e.change()).isEqualTo(History.Change.CHANGED);
            assertThat(e.before()).contains("confirmed ready");
            assertThat(e.since()).isEqualTo(Instant.parse("2026-11-08T12:00:00Z"));
        });
        assertThat(Tracker.evidenceChange(List.of(new State.Piece("a", "1"), new State.Piece("b", "2")),
                List.of(new State.Piece("b", "3"), new State.Piece("c", "4")))).isEqualTo("changed b, new c, gone a");
    }

    @Test
    void anEntryNoLongerReportedIsGoneUnlessTheRunDidNotLookAtIt() {
        State start = Tracker.advance(State.empty(PAGE), run("2026-11-01", slurm(NOTES), docker()), Optional.empty())
                .next();

        Tracker.Advance full = Tracker.advance(start, run("2026-11-08", docker()), Optional.empty());
        Tracker.Advance only = Tracker.advance(start, run("2026-11-08", docker()), Optional.of(Set.of("docker")));

        assertThat(full.history().gone()).containsExactly(new History.Gone("SLURM", "suggested dropped"));
        assertThat(full.next().entries()).doesNotContainKey("SLURM");
        assertThat(only.history().gone()).isEmpty();
        assertThat(only.next().entries()).containsKey("SLURM");
    }

    @Test
    void aDismissalHoldsWhileTheEvidenceStaysAndLapsesWhenItChanges() throws Exception {
        State start = Tracker.advance(State.empty(PAGE), run("2026-11-01", slurm(NOTES)), Optional.empty()).next();
        State dismissed = Tracker.dismiss(start, "slurm", "kept for the 2027 cleanup",
                Instant.parse("2026-11-02T09:00:00Z"), "f");

        Tracker.Advance same = Tracker.advance(dismissed, run("2026-11-08", slurm(NOTES)), Optional.empty());
        Tracker.Advance changed = Tracker.advance(same.next(), run("2026-11-15", slurm(NOTES, TREE)), Optional.empty());

        assertThat(same.history().of("SLURM").orElseThrow().dismissal()).hasValueSatisfying(d ->
                assertThat(d.reason()).isEqualTo("kept for the 2027 cleanup"));
        assertThat(same.history().isNews("SLURM")).isFalse();
        assertThat(same.next().dismissals()).containsKey("SLURM");
        assertThat(changed.history().of("SLURM").orElseThrow().dismissal()).isEmpty();
        assertThat(changed.history().isNews("SLURM")).isTrue();
        assertThat(changed.next().dismissals()).isEmpty();
        assertThat(Tracker.undismiss(dismissed, "SLURM", "f").dismissals()).isEmpty();
        assertThatThrownBy(() -> Tracker.dismiss(start, "nope", "x", Instant.EPOCH, "f.json"))
                .hasMessageStartingWith("f.json: no entry 'nope' (known: SLURM)");
    }

    @Test
    void theFileRoundTripsAndIsWrittenAtomicallyKeepingItsPermissions() throws Exception {
        Path file = tmp.resolve("state.json");
        State state = Tracker.dismiss(Tracker.advance(State.empty(PAGE), run("2026-11-01", slurm(NOTES, TREE), docker()),
                Optional.empty()).next(), "SLURM", "why", Instant.parse("2026-11-02T00:00:00Z"), "f");

        StateFile.write(file, state);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        StateFile.write(file, state);

        assertThat(StateFile.read(file, PAGE)).isEqualTo(state);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
        assertThat(Files.readString(file)).contains("\"format\" : \"integration-status/state\"", "\"version\" : 1");
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(file);
        }
        assertThat(StateFile.read(tmp.resolve("missing.json"), PAGE)).isEqualTo(State.empty(PAGE));
    }

    @Test
    void aFileThatIsNotOurStateIsRefusedNamingItAndLeftAlone() throws Exception {
        Path good = tmp.resolve("good.json");
        StateFile.write(good, Tracker.advance(State.empty(PAGE), run("2026-11-01", docker()), Optional.empty()).next());
        String text = Files.readString(good);

        String[][] cases = {
                {"corrupt", "{\"format\": ", "the state file is corrupt or truncated"},
                {"truncated", text.substring(0, text.length() / 2), "the state file is corrupt or truncated"},
                {"empty", "", "the state file is empty"},
                {"future", text.replace("\"version\" : 1", "\"version\" : 2"),
                        "written by a newer integration-status (state version 2; this one reads up to 1)"},
                {"foreign", "{\"name\": \"something else\", \"version\": 1}", "not an integration-status state file"},
                {"broken", text.replace("\"runs\" : 1,", "\"runs\" : \"many\","), "the state file is corrupt: \"runs\""},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(tmp.resolve(c[0] + ".json"), c[1]);
            assertThatThrownBy(() -> StateFile.read(file, PAGE)).as(c[0]).isInstanceOf(StateException.class)
                    .hasMessageStartingWith(file + ": ").hasMessageContaining(c[2]);
            assertThat(Files.readString(file)).isEqualTo(c[1]);
        }
        assertThatThrownBy(() -> StateFile.read(good, "Other @ https://example.org/api.php"))
                .hasMessageContaining("a state file for another page (" + PAGE + ")");
    }
}
