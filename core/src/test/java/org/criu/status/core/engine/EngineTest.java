package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final WikiPage PAGE = new WikiPage("Integration", "test", Optional.empty(), Optional.empty(), "");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    /** A checker whose behaviour the test chooses. */
    private record FakeChecker(String id, List<String> covers, Behaviour behaviour) implements Checker {
        @Override
        public CheckResult check(Integration integration, CheckContext context) throws Exception {
            return behaviour.run(integration, context);
        }
    }

    private interface Behaviour {
        CheckResult run(Integration integration, CheckContext context) throws Exception;
    }

    private static CheckResult released(Integration integration, CheckContext context) {
        return CheckResult.evidence(Evidence.dated(Signal.RELEASED, "github",
                "https://github.com/x/y/releases/tag/v1", LocalDate.of(2025, 1, 1), "v1 ships it"));
    }

    private static Report run(List<Checker> checkers, Duration timeout, List<Integration> entries) throws Exception {
        CheckContext context = new RunContext(new okhttp3.OkHttpClient(), CLOCK);
        return new Engine(CheckerRegistry.of(checkers), context, timeout, Optional.empty()).run(PAGE, entries);
    }

    @Test
    void aThrowingAndAHangingCheckerLeaveTheOtherResultsIntact() throws Exception {
        List<Checker> checkers = List.of(
                new FakeChecker("alpha", List.of("Alpha"), EngineTest::released),
                new FakeChecker("boom", List.of("Boom"), (i, c) -> {
                    throw new IllegalStateException("parser exploded");
                }),
                new FakeChecker("slow", List.of("Slow"), (i, c) -> {
                    Thread.sleep(60_000);
                    return released(i, c);
                }),
                new FakeChecker("omega", List.of("Omega"), EngineTest::released));
        List<Integration> entries = List.of(SourceServer.entry("Slow", "ready"), SourceServer.entry("Alpha", "ready"),
                SourceServer.entry("Boom", "ready"), SourceServer.entry("Nobody covers me", "ready"),
                SourceServer.entry("Omega", "started"));

        long start = System.nanoTime();
        Report report = run(checkers, Duration.ofSeconds(1), entries);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(seconds).as("the hanging checker is abandoned at the deadline").isLessThan(10);
        assertThat(report.findings()).extracting(f -> f.integration().heading())
                .containsExactly("Slow", "Alpha", "Boom", "Nobody covers me", "Omega");
        assertThat(report.findings()).extracting(Finding::verdict).containsExactly(
                Verdict.UNVERIFIED, Verdict.CONFIRMED, Verdict.UNVERIFIED, Verdict.NO_CHECKER, Verdict.SUGGESTED);
        assertThat(report.findings().get(0).error()).contains("timed out after 1 s");
        assertThat(report.findings().get(2).error()).contains("IllegalStateException: parser exploded");
        assertThat(report.findings().get(4).suggestedStatus()).contains(Status.READY);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void aCheckerReturningNullIsUnverifiedNotACrash() throws Exception {
        Report report = run(List.of(new FakeChecker("null", List.of("Null"), (i, c) -> null)), Duration.ofSeconds(5),
                List.of(SourceServer.entry("Null", "ready")));

        assertThat(report.findings().get(0).verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(report.findings().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("returned nothing"));
        assertThat(report.exitCode()).isEqualTo(3);
    }

    @Test
    void onlyRestrictsWhichCheckersRun() throws Exception {
        List<Checker> checkers = List.of(new FakeChecker("alpha", List.of("Alpha"), EngineTest::released),
                new FakeChecker("omega", List.of("Omega"), EngineTest::released));
        CheckContext context = new RunContext(new okhttp3.OkHttpClient(), CLOCK);
        Report report = new Engine(CheckerRegistry.of(checkers), context, Duration.ofSeconds(5),
                Optional.of(Set.of("omega"))).run(PAGE, List.of(SourceServer.entry("Alpha", "ready"),
                SourceServer.entry("Omega", "ready")));

        assertThat(report.findings()).extracting(Finding::verdict).containsExactly(Verdict.NO_CHECKER, Verdict.CONFIRMED);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void duplicateAndMalformedIdsAreClearErrors() {
        assertThatThrownBy(() -> CheckerRegistry.of(List.of(
                new FakeChecker("same", List.of("A"), EngineTest::released),
                new FakeChecker("same", List.of("B"), EngineTest::released))))
                .isInstanceOf(CheckerRegistry.RegistryException.class)
                .hasMessageContaining("two checkers have the id 'same'");
        assertThatThrownBy(() -> CheckerRegistry.of(List.of(new FakeChecker("Not_Kebab", List.of("A"), EngineTest::released))))
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> CheckerRegistry.of(List.of(new FakeChecker("empty", List.of(), EngineTest::released))))
                .hasMessageContaining("covers no heading");
    }

    @Test
    void headingsMatchAcrossTheWaysEditorsWriteThem() throws Exception {
        CheckerRegistry registry = CheckerRegistry.of(List.of(
                new FakeChecker("slurm", List.of("SLURM workload manager", "SLURM"), EngineTest::released),
                new FakeChecker("file-utility", List.of("The file utility", "file"), EngineTest::released),
                new FakeChecker("lxc", List.of("LXC/LXD", "LXC", "LXD"), EngineTest::released),
                new FakeChecker("weston", List.of("Wayland/Weston"), EngineTest::released),
                new FakeChecker("openvz", List.of("Virtuozzo/OpenVZ", "OpenVZ"), EngineTest::released)));

        assertThat(registry.forHeading("SLURM workload manager")).map(Checker::id).contains("slurm");
        assertThat(registry.forHeading("Slurm")).map(Checker::id).contains("slurm");
        assertThat(registry.forHeading("The file utility")).map(Checker::id).contains("file-utility");
        assertThat(registry.forHeading("File")).map(Checker::id).contains("file-utility");
        assertThat(registry.forHeading("LXC/LXD")).map(Checker::id).contains("lxc");
        assertThat(registry.forHeading("LXD")).map(Checker::id).contains("lxc");
        assertThat(registry.forHeading("Wayland/Weston")).map(Checker::id).contains("weston");
        assertThat(registry.forHeading("OpenVZ")).map(Checker::id).contains("openvz");
        assertThat(registry.forHeading("CoreOS Rocket")).isEmpty();
        assertThat(registry.forHeading("Kubernetes")).isEmpty();
    }

    @Test
    void anEntryWhoseStatusLinesDisagreeIsUnverifiedAndNotChecked() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        List<Checker> checkers = List.of(new FakeChecker("alpha", List.of("Alpha"), (i, c) -> {
            calls.incrementAndGet();
            return released(i, c);
        }));
        Integration ambiguous = new Integration("Alpha", Optional.of("Other"), "stalled",
                Optional.of(Status.STALLED), List.of(), List.of(), -1, -1,
                Optional.of("two status lines disagree: 'stalled' (line 3) and 'ready' (line 5)"));

        Report report = run(checkers, Duration.ofSeconds(5), List.of(ambiguous));

        Finding finding = report.findings().get(0);
        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).contains("the page is ambiguous: two status lines disagree: 'stalled' (line 3) "
                + "and 'ready' (line 5); keep one status line");
        assertThat(calls).hasValue(0);
    }
}
