package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.criu.status.core.http.RequestPriority;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which checks start first, at what request priority, and that duplicate entries share one check. */
class EngineSchedulingTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final WikiPage PAGE = new WikiPage("Integration", "test", Optional.empty(), Optional.empty(), "");

    /** A checker of a declared depth that records when it ran and at which request priority. */
    private static final class Recording implements Checker {
        private final String id;
        private final int depth;
        private final List<String> started;
        private final List<Integer> priorities;
        private final AtomicInteger calls = new AtomicInteger();

        Recording(String id, int depth, List<String> started, List<Integer> priorities) {
            this.id = id;
            this.depth = depth;
            this.started = started;
            this.priorities = priorities;
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
        public int expectedDepth() {
            return depth;
        }

        @Override
        public CheckResult check(Integration integration, CheckContext context) throws Exception {
            calls.incrementAndGet();
            started.add(id);
            // The priority this check's requests wait with, on its own thread and on a parallel read's.
            priorities.add(RequestPriority.current());
            priorities.add(context.parallel().start(RequestPriority::current).join());
            return CheckResult.couldNotLook("done " + integration.wikiStatus());
        }
    }

    private static Report run(List<Checker> checkers, List<Integration> entries, int jobs) throws Exception {
        return new Engine(CheckerRegistry.of(checkers), server.context(), Duration.ofSeconds(60), Optional.empty(),
                jobs).run(PAGE, entries);
    }

    @Test
    void theDeepestChecksStartFirstAndTiesKeepPageOrder() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        List<Integer> priorities = new CopyOnWriteArrayList<>();
        List<Checker> checkers = List.of(new Recording("shallow", 1, started, priorities),
                new Recording("deep", 9, started, priorities), new Recording("middle-a", 4, started, priorities),
                new Recording("middle-b", 4, started, priorities));
        List<Integration> entries = List.of(SourceServer.entry("shallow", "ready"),
                SourceServer.entry("middle-a", "ready"), SourceServer.entry("deep", "ready"),
                SourceServer.entry("middle-b", "ready"));

        // One job: checks start one after another, in the engine's order and nothing else's.
        Report report = run(checkers, entries, 1);

        assertThat(started).containsExactly("deep", "middle-a", "middle-b", "shallow");
        // The deepest check's requests are marked critical (they may take a host's one extra connection).
        int critical = org.criu.status.core.http.RequestPriority.CRITICAL;
        assertThat(priorities).containsExactly(critical + 9, critical + 9, 4, 4, 4, 4, 1, 1);
        // Findings stay in page order.
        assertThat(report.findings()).extracting(Finding::checker)
                .containsExactly(Optional.of("shallow"), Optional.of("middle-a"), Optional.of("deep"),
                        Optional.of("middle-b"));
    }

    @Test
    void duplicateEntriesShareOneCheck() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        Recording checker = new Recording("docker", 2, started, new CopyOnWriteArrayList<>());
        List<Integration> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(SourceServer.entry("docker", "ready"));
        }
        entries.add(SourceServer.entry("docker", "started"));
        List<Engine.Progress> progress = new CopyOnWriteArrayList<>();

        Report report = new Engine(CheckerRegistry.of(List.of(checker)), server.context(), Duration.ofSeconds(60),
                Optional.empty(), 8).run(PAGE, entries, progress::add);

        // What the checker reads differs only in the last entry's status: two checks, not 1,001.
        assertThat(checker.calls.get()).isEqualTo(2);
        assertThat(progress).extracting(Engine.Progress::total).containsOnly(2);
        assertThat(report.findings()).hasSize(1001);
        assertThat(report.findings().subList(0, 1000)).extracting(Finding::error)
                .containsOnly(Optional.of("done ready"));
        assertThat(report.findings().get(1000).error()).contains("done started");
    }

    @Test
    void duplicatesOfACheckPastItsDeadlineAreAllUnverified() throws Exception {
        // The shared check never finishes (a latch nobody opens); only the deadline ends it, for every duplicate.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Checker hanging = new Checker() {
            @Override
            public String id() {
                return "docker";
            }

            @Override
            public List<String> covers() {
                return List.of("docker");
            }

            @Override
            public CheckResult check(Integration integration, CheckContext context) throws Exception {
                never.await();
                return CheckResult.couldNotLook("never");
            }
        };
        List<Integration> entries = List.of(SourceServer.entry("docker", "ready"), SourceServer.entry("docker", "ready"),
                SourceServer.entry("docker", "ready"));

        Report report = new Engine(CheckerRegistry.of(List.of(hanging)), server.context(), Duration.ofMillis(200),
                Optional.empty(), 8).run(PAGE, entries);

        assertThat(report.findings()).hasSize(3).allSatisfy(f -> assertThat(f.error())
                .hasValueSatisfying(e -> assertThat(e).startsWith("timed out after")));
    }
}
