package org.criu.status.core.http;

import java.util.PriorityQueue;

/**
 * A fixed number of permits handed to waiters by priority (higher first) and, among equal priorities, in arrival
 * order: with every waiter at the same priority it is a fair semaphore.
 */
final class PriorityPermits {

    private static final class Waiter {
        final int priority;
        final long ticket;
        boolean granted;

        Waiter(int priority, long ticket) {
            this.priority = priority;
            this.ticket = ticket;
        }
    }

    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>((a, b) -> a.priority != b.priority
            ? Integer.compare(b.priority, a.priority) : Long.compare(a.ticket, b.ticket));
    private int available;
    private long tickets;

    PriorityPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        this.available = permits;
    }

    /** Waits for a permit; waiters of higher {@code priority} are served first. */
    synchronized void acquire(int priority) throws InterruptedException {
        if (available > 0 && waiting.isEmpty()) {
            available--;
            return;
        }
        Waiter me = new Waiter(priority, tickets++);
        waiting.add(me);
        try {
            while (!me.granted) {
                wait();
            }
        } catch (InterruptedException e) {
            if (me.granted) {
                release(); // granted as the interrupt came: pass it on
            } else {
                waiting.remove(me);
            }
            throw e;
        }
    }

    /** Returns a permit: to the first waiter in order, if any. */
    synchronized void release() {
        Waiter next = waiting.poll();
        if (next == null) {
            available++;
            return;
        }
        next.granted = true;
        notifyAll();
    }

    /** Waiters not yet served (for tests: to know a thread is queued before releasing). */
    synchronized int waiting() {
        return waiting.size();
    }
}
