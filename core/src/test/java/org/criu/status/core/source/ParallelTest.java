package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.criu.status.core.http.RequestPriority;
import org.criu.status.core.model.SourceException;
import org.junit.jupiter.api.Test;

/** Several reads at once, with the results and failures of the same reads made one after another. */
class ParallelTest {

    private final Parallel parallel = new Parallel();

    @Test
    void readsGoOutTogetherAndComeBackInTheOrderAsked() throws Exception {
        // Each read waits until all three are running: only reads made at once get past the barrier.
        CyclicBarrier together = new CyclicBarrier(3);
        List<String> results = parallel.each(List.of("a", "b", "c"), x -> {
            try {
                together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new SourceException(x, "not together: " + e);
            }
            return x.toUpperCase();
        });

        assertThat(results).containsExactly("A", "B", "C");
    }

    @Test
    void theFailureThrownIsTheFirstInTheOrderAskedNotTheFirstToHappen() {
        CountDownLatch secondFailed = new CountDownLatch(1);
        List<Parallel.Read<String>> reads = List.of(
                () -> {
                    await(secondFailed);
                    throw new SourceException("one", "first in order");
                },
                () -> {
                    secondFailed.countDown();
                    throw new SourceException("two", "first to happen");
                });

        assertThatThrownBy(() -> parallel.all(reads)).isInstanceOf(SourceException.class)
                .hasMessageContaining("first in order");
    }

    @Test
    void readAheadStopsWhereTheLoopWouldAndIgnoresFailuresPastIt() throws Exception {
        Set<Integer> asked = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.rangeClosed(1, 10).boxed().toList();

        List<Integer> read = parallel.readAhead(items, 3, i -> {
            asked.add(i);
            if (i == 6) {
                throw new SourceException("six", "past the answer");
            }
            return i;
        }, i -> i == 5);

        assertThat(read).containsExactly(1, 2, 3, 4, 5);
        // Two windows of three: nothing of the third was asked.
        assertThat(asked).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void readAheadFailsOnAFailureBeforeTheAnswer() {
        assertThatThrownBy(() -> parallel.readAhead(List.of(1, 2, 3), 3, i -> {
            if (i == 2) {
                throw new SourceException("two", "failed before the answer");
            }
            return i;
        }, i -> i == 3)).hasMessageContaining("failed before the answer");
    }

    @Test
    void readAheadWithoutAnAnswerReturnsEverything() throws Exception {
        assertThat(parallel.readAhead(List.of(1, 2, 3, 4), 3, i -> i, i -> false)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsKeepTheAskingThreadsPriority() throws Exception {
        List<Integer> seen = RequestPriority.with(7, () -> parallel.each(List.of(1, 2, 3),
                i -> RequestPriority.current()));

        assertThat(seen).containsExactly(7, 7, 7);
    }

    @Test
    void aShallowBranchGoesAtItsOwnDepthAndNeverAtTheCriticalMark() throws Exception {
        int critical = RequestPriority.CRITICAL + 15;
        int[] seen = RequestPriority.with(critical, () -> {
            try (Parallel.Pending<Integer> shallow = parallel.start(3, RequestPriority::current);
                 Parallel.Pending<Integer> deeperThanTheCheck = parallel.start(40, RequestPriority::current);
                 Parallel.Pending<Integer> same = parallel.start(RequestPriority::current)) {
                return new int[] {shallow.join(), deeperThanTheCheck.join(), same.join(), RequestPriority.current()};
            }
        });

        // A branch of 3 goes at 3; one that claims more than its check gets the check's depth, not the lane;
        // a plain start keeps the whole priority; the asking thread's is untouched.
        assertThat(seen).containsExactly(3, 15, critical, critical);
        int plain = RequestPriority.with(9, () -> {
            try (Parallel.Pending<Integer> shallow = parallel.start(2, RequestPriority::current)) {
                return shallow.join();
            }
        });
        assertThat(plain).isEqualTo(2);
    }

    @Test
    void aStartedReadIsJoinedWithItsResultOrFailure() throws Exception {
        try (Parallel.Pending<String> ok = parallel.start(() -> "fine");
             Parallel.Pending<String> bad = parallel.start(() -> {
                 throw new SourceException("u", "broken");
             })) {
            assertThat(ok.join()).isEqualTo("fine");
            assertThatThrownBy(bad::join).hasMessageContaining("broken");
        }
    }

    private static void await(CountDownLatch latch) throws SourceException {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new SourceException("latch", "never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("latch", "interrupted");
        }
    }
}
