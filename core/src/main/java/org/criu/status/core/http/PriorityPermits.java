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
    /** One more connection, for the run's deepest chain only ({@link RequestPriority#CRITICAL}); see acquire. */
    private boolean laneFree = true;

    PriorityPermits(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        this.available = permits;
    }

    /**
     * Waits for a permit; waiters of higher {@code priority} are served first. A request of the run's deepest chain
     * ({@code priority >= }{@link RequestPriority#CRITICAL}) that finds every permit taken takes the one critical
     * lane if it is free instead of waiting behind requests already in flight: the chain that decides the run's
     * length never queues behind a wave of shallow checks' requests, and the host sees at most one request more.
     *
     * @return whether the critical lane was taken (give it back with {@code release(true)})
     */
    synchronized boolean acquire(int priority) throws InterruptedException {
        if (available > 0 && waiting.isEmpty()) {
            available--;
            return false;
        }
        if (priority >= RequestPriority.CRITICAL && laneFree) {
            laneFree = false;
            return true;
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
        return false;
    }

    /** Returns what {@link #acquire} gave: the critical lane, or a permit. */
    synchronized void release(boolean lane) {
        if (lane) {
            laneFree = true;
        } else {
            release();
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
