package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.NewEntry;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;

/** Checkers whose integration the page lacks run on the entry they propose, when asked, and only then. */
class EngineNotOnPageTest {

    private static final WikiPage PAGE = new WikiPage("Integration", "test", Optional.empty(), Optional.empty(), "");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    /** Ships, and proposes an entry in "Container platforms"; counts its runs. */
    private record Proposing(String id, List<String> covers, AtomicInteger runs) implements Checker {
        Proposing(String id, String... covers) {
            this(id, List.of(covers), new AtomicInteger());
        }

        @Override
        public Optional<NewEntry> newEntry() {
            return Optional.of(new NewEntry(covers.get(0), "Container platforms"));
        }

        @Override
        public CheckResult check(Integration integration, CheckContext context) {
            runs.incrementAndGet();
            return CheckResult.evidence(Evidence.dated(Signal.RELEASED, "github",
                    "https://github.com/x/" + id + "/blob/v1/f#L1", LocalDate.of(2026, 1, 1), id + " v1 ships it"));
        }
    }

    private static Report run(List<Checker> checkers, List<Integration> page, Optional<Set<String>> only,
                              boolean notOnPage) throws Exception {
        CheckContext context = new RunContext(new okhttp3.OkHttpClient(), CLOCK);
        return new Engine(CheckerRegistry.of(checkers), context, Duration.ofSeconds(5), only, 2, notOnPage)
                .run(PAGE, page);
    }

    @Test
    void aProposingCheckerThePageDoesNotNameRunsOnItsEntryAndIsReportedApart() throws Exception {
        Proposing runc = new Proposing("runc", "runc");
        Proposing crio = new Proposing("cri-o", "CRI-O", "crio");

        Report report = run(List.of(runc, crio), List.of(SourceServer.entry("CRI-O", "ready")), Optional.empty(), true);

        assertThat(report.findings()).extracting(f -> f.integration().heading()).containsExactly("CRI-O");
        assertThat(report.notOnPage()).singleElement().satisfies(f -> {
            assertThat(f.integration().heading()).isEqualTo("runc");
            assertThat(f.integration().section()).contains("Container platforms");
            assertThat(f.integration().wikiStatus()).isEmpty();
            assertThat(f.verdict()).isEqualTo(Verdict.SUGGESTED);
            assertThat(f.suggestedStatus()).contains(Status.READY);
        });
        assertThat(crio.runs()).as("the page's own entry is checked once").hasValue(1);
        assertThat(report.exitCode()).as("an entry to add is a change to make").isEqualTo(1);
    }

    @Test
    void anEntryThePageHasInAnotherSpellingIsNotMissing() throws Exception {
        Proposing crio = new Proposing("cri-o", "CRI-O", "crio");

        Report report = run(List.of(crio), List.of(SourceServer.entry("crio", "ready")), Optional.empty(), true);

        assertThat(report.notOnPage()).isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void noMissingAndOnlyLeaveThemOut() throws Exception {
        Proposing runc = new Proposing("runc", "runc");
        Proposing crun = new Proposing("crun", "crun");

        Report off = run(List.of(runc, crun), List.of(), Optional.empty(), false);
        Report only = run(List.of(runc, crun), List.of(), Optional.of(Set.of("crun")), true);

        assertThat(off.notOnPage()).isEmpty();
        assertThat(runc.runs()).hasValue(0);
        assertThat(only.notOnPage()).extracting(f -> f.integration().heading()).containsExactly("crun");
    }
}
