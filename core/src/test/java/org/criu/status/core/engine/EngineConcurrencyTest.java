package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How many checks run at once, and that each check's deadline starts when the check does. */
class EngineConcurrencyTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final WikiPage PAGE = new WikiPage("Integration", "test", Optional.empty(), Optional.empty(), "");

    /** What a check does while it runs; it may throw, as a check may. */
    private interface Work {
        void run() throws Exception;
    }

    /** A checker that does {@code work} and records how many checks were running at once. */
    private static final class CountingChecker implements Checker {
        private final String id;
        private final Work work;
        private final AtomicInteger running;
        private final AtomicInteger most;

        CountingChecker(String id, Work work, AtomicInteger running, AtomicInteger most) {
            this.id = id;
            this.work = work;
            this.running = running;
            this.most = most;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<String> covers() {
            return List.of(id);
        }

        @Override
        public CheckResult check(Integration integration, CheckContext context) throws Exception {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                work.run();
            } finally {
                running.decrementAndGet();
            }
            return CheckResult.couldNotLook("done");
        }
    }

    private List<Finding> run(int checks, Work work, int jobs, Duration timeout, AtomicInteger most) {
        return run(checks, work, jobs, timeout, most, System::nanoTime);
    }

    /** As above, deadlines measured on {@code ticker}. */
    private List<Finding> run(int checks, Work work, int jobs, Duration timeout, AtomicInteger most,
                              java.util.function.LongSupplier ticker) {
        AtomicInteger running = new AtomicInteger();
        List<Checker> checkers = new ArrayList<>();
        List<Integration> entries = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            String id = "slow-" + (char) ('a' + i);
            checkers.add(new CountingChecker(id, work, running, most));
            entries.add(SourceServer.entry(id, "ready"));
        }
        try {
            Engine engine = new Engine(CheckerRegistry.of(checkers), server.context(), timeout, Optional.empty(), jobs,
                    false, ticker);
            return engine.run(PAGE, entries).findings();
        } catch (CheckerRegistry.RegistryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsAtMostJobsChecksAtOnce() {
        AtomicInteger most = new AtomicInteger();
        // Each check waits until another is running beside it: with 2 jobs the checks go in pairs, so two at once
        // is certain however the threads are scheduled, and a third at once would show in "most".
        CyclicBarrier pair = new CyclicBarrier(2);

        List<Finding> findings = run(6, () -> pair.await(30, TimeUnit.SECONDS), 2, Duration.ofSeconds(60), most);

        assertThat(most.get()).isEqualTo(2);
        assertThat(findings).extracting(Finding::error).containsOnly(Optional.of("done"));
    }

    @Test
    void oneJobRunsChecksOneAfterAnother() {
        AtomicInteger most = new AtomicInteger();

        run(3, () -> Thread.sleep(50), 1, Duration.ofSeconds(60), most);

        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aCheckWaitingForASlotIsNotChargedForTheWait() {
        // One job: six checks of 20 s each (on the test's clock, advanced by the checks themselves) take 120 s one
        // after another, past a 60 s deadline counted from the run's start; each is well inside one counted from
        // its own start. No real time passes, so a busy machine cannot change the outcome.
        AtomicLong clock = new AtomicLong();
        List<Finding> findings = run(6, () -> clock.addAndGet(Duration.ofSeconds(20).toNanos()), 1,
                Duration.ofSeconds(60), new AtomicInteger(), clock::get);

        assertThat(findings).extracting(Finding::error).containsOnly(Optional.of("done"));
        assertThat(clock.get()).isEqualTo(Duration.ofSeconds(120).toNanos());
    }

    @Test
    void aCheckThatAnswersPastItsDeadlineIsUnverifiedThoughItAnswered() {
        // The second check takes 61 s on the test's clock against a 60 s deadline: its answer came too late, whenever
        // the engine got round to reading it. The first and third keep theirs.
        AtomicLong clock = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        List<Finding> findings = run(3, () -> clock.addAndGet(Duration.ofSeconds(calls.incrementAndGet() == 2 ? 61 : 1)
                .toNanos()), 1, Duration.ofSeconds(60), new AtomicInteger(), clock::get);

        assertThat(findings).extracting(Finding::error).containsExactly(Optional.of("done"),
                Optional.of("timed out after 60 s"), Optional.of("done"));
        assertThat(findings.get(1).verdict()).isEqualTo(Verdict.UNVERIFIED);
    }

    @Test
    void aCheckPastItsOwnDeadlineIsUnverified() {
        // The check never finishes on its own (it waits for a latch nobody opens); only the deadline ends it.
        CountDownLatch never = new CountDownLatch(1);

        List<Finding> findings = run(1, never::await, 1, Duration.ofMillis(200), new AtomicInteger());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.verdict()).isEqualTo(Verdict.UNVERIFIED);
            assertThat(f.error()).hasValueSatisfying(r -> assertThat(r).startsWith("timed out after"));
        });
    }

    @Test
    void jobsMustBePositive() {
        assertThatThrownBy(() -> new Engine(CheckerRegistry.of(List.of()), server.context(), Duration.ofSeconds(1),
                Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
