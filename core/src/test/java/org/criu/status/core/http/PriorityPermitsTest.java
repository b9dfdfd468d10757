package org.criu.status.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Who gets a host's next free connection: the deepest check's request, then the one that asked first. */
class PriorityPermitsTest {

    private final List<String> served = new CopyOnWriteArrayList<>();

    /** A thread that waits for a permit at {@code priority}, records {@code name} and gives the permit back. */
    private Thread waiter(PriorityPermits permits, String name, int priority) {
        Thread t = new Thread(() -> {
            try {
                boolean lane = permits.acquire(priority);
                served.add(name);
                permits.release(lane);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        return t;
    }

    /** Waits (on a condition, not a clock) until {@code n} threads are queued. */
    private static void awaitQueued(PriorityPermits permits, int n) {
        while (permits.waiting() < n) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aHigherPriorityIsServedBeforeAnEarlierLowerOne() throws Exception {
        PriorityPermits permits = new PriorityPermits(1);
        permits.acquire(0);
        Thread shallow = waiter(permits, "shallow", 1);
        awaitQueued(permits, 1);
        Thread deep = waiter(permits, "deep", 7);
        awaitQueued(permits, 2);

        permits.release();
        shallow.join();
        deep.join();

        assertThat(served).containsExactly("deep", "shallow");
    }

    @Test
    void theDeepestChainTakesTheOneCriticalLaneWhenEveryPermitIsTaken() throws Exception {
        PriorityPermits permits = new PriorityPermits(2);
        assertThat(permits.acquire(1)).isFalse();
        assertThat(permits.acquire(1)).isFalse();

        // Every permit is in flight: the deepest chain does not queue, it takes the lane...
        assertThat(permits.acquire(RequestPriority.CRITICAL + 15)).isTrue();
        // ...which is one: a second critical request waits like any other, ahead of shallower ones.
        Thread shallow = waiter(permits, "shallow", 1);
        awaitQueued(permits, 1);
        Thread critical = waiter(permits, "critical", RequestPriority.CRITICAL + 15);
        awaitQueued(permits, 2);
        assertThat(served).isEmpty();

        permits.release(true); // the lane back: it goes to the deepest chain's waiter, ahead of the shallow one
        critical.join();
        assertThat(served).containsExactly("critical");
        assertThat(permits.waiting()).isEqualTo(1);
        permits.release(false);
        shallow.join();

        assertThat(served).containsExactly("critical", "shallow");
        // A non-critical request never takes the lane: with every permit taken (the test holds both) it waits.
        assertThat(permits.acquire(1)).isFalse();
        Thread plain = waiter(permits, "plain", 14);
        awaitQueued(permits, 1);
        assertThat(served).containsExactly("critical", "shallow");
        permits.release(false);
        plain.join();
        assertThat(served).containsExactly("critical", "shallow", "plain");
    }

    @Test
    void theLaneIsHalfTheLimitSoTheDeepestChainsReadAheadGoesOutAtOnce() throws Exception {
        assertThat(PriorityPermits.laneWidth(1)).isEqualTo(1);
        assertThat(PriorityPermits.laneWidth(4)).isEqualTo(2);
        assertThat(PriorityPermits.laneWidth(8)).isEqualTo(4);
        PriorityPermits permits = new PriorityPermits(8);
        for (int i = 0; i < 8; i++) {
            assertThat(permits.acquire(1)).isFalse();
        }
        // Eight shallow requests in flight: four of the deepest chain's go beside them...
        for (int i = 0; i < 4; i++) {
            assertThat(permits.acquire(RequestPriority.CRITICAL + 15)).isTrue();
        }
        // ...and a fifth waits for a connection like any request, first in line.
        Thread fifth = waiter(permits, "fifth", RequestPriority.CRITICAL + 15);
        awaitQueued(permits, 1);
        Thread shallow = waiter(permits, "shallow", 1);
        awaitQueued(permits, 2);
        // A place in the lane back goes to the deepest chain's waiter, not to the shallow one...
        permits.release(true);
        fifth.join();
        assertThat(served).containsExactly("fifth");
        assertThat(permits.waiting()).isEqualTo(1);
        // ...and with no such waiter it stays free for the next request of that chain, never a shallow one.
        permits.release(true);
        assertThat(permits.waiting()).isEqualTo(1);
        assertThat(permits.acquire(RequestPriority.CRITICAL + 15)).isTrue();
        permits.release(false);
        shallow.join();
        assertThat(served).containsExactly("fifth", "shallow");
    }

    @Test
    void equalPrioritiesAreServedInArrivalOrder() throws Exception {
        PriorityPermits permits = new PriorityPermits(1);
        permits.acquire(3);
        Thread first = waiter(permits, "first", 3);
        awaitQueued(permits, 1);
        Thread second = waiter(permits, "second", 3);
        awaitQueued(permits, 2);

        permits.release();
        first.join();
        second.join();

        assertThat(served).containsExactly("first", "second");
    }

    @Test
    void anInterruptedWaiterLeavesTheQueueAndThePermitsIntact() throws Exception {
        PriorityPermits permits = new PriorityPermits(1);
        permits.acquire(0);
        Thread gaveUp = waiter(permits, "gave-up", 9);
        awaitQueued(permits, 1);
        gaveUp.interrupt();
        gaveUp.join();
        assertThat(permits.waiting()).isZero();

        permits.release();
        Thread next = waiter(permits, "next", 0);
        next.join();

        assertThat(served).containsExactly("next");
    }
}
