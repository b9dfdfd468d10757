package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A checker that takes {@code millis} and records how many checks were running at once. */
    private static final class SlowChecker implements Checker {
        private final String id;
        private final long millis;
        private final AtomicInteger running;
        private final AtomicInteger most;

        SlowChecker(String id, long millis, AtomicInteger running, AtomicInteger most) {
            this.id = id;
            this.millis = millis;
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
                Thread.sleep(millis);
            } finally {
                running.decrementAndGet();
            }
            return CheckResult.couldNotLook("done");
        }
    }

    private List<Finding> run(int checks, long millis, int jobs, Duration timeout, AtomicInteger most)
            throws Exception {
        AtomicInteger running = new AtomicInteger();
        List<Checker> checkers = new ArrayList<>();
        List<Integration> entries = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            String id = "slow-" + (char) ('a' + i);
            checkers.add(new SlowChecker(id, millis, running, most));
            entries.add(SourceServer.entry(id, "ready"));
        }
        Engine engine = new Engine(CheckerRegistry.of(checkers), server.context(), timeout, Optional.empty(), jobs);
        return engine.run(PAGE, entries).findings();
    }

    @Test
    void runsAtMostJobsChecksAtOnce() throws Exception {
        AtomicInteger most = new AtomicInteger();

        List<Finding> findings = run(6, 300, 2, Duration.ofSeconds(10), most);

        assertThat(most.get()).isEqualTo(2);
        assertThat(findings).extracting(Finding::error).containsOnly(Optional.of("done"));
    }

    @Test
    void oneJobRunsChecksOneAfterAnother() throws Exception {
        AtomicInteger most = new AtomicInteger();

        run(3, 50, 1, Duration.ofSeconds(10), most);

        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aCheckWaitingForASlotIsNotChargedForTheWait() throws Exception {
        // Serially, six 200 ms checks take 1.2 s, past a 1 s deadline counted from the run's start.
        List<Finding> findings = run(6, 200, 1, Duration.ofSeconds(1), new AtomicInteger());

        assertThat(findings).extracting(Finding::error).containsOnly(Optional.of("done"));
    }

    @Test
    void aCheckPastItsOwnDeadlineIsUnverified() throws Exception {
        List<Finding> findings = run(1, 2_000, 1, Duration.ofMillis(200), new AtomicInteger());

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
