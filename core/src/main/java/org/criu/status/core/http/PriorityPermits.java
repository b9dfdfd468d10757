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
        /** Granted a place in the critical lane rather than a permit. */
        boolean lane;

        Waiter(int priority, long ticket) {
            this.priority = priority;
            this.ticket = ticket;
        }
    }

    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>((a, b) -> a.priority != b.priority
            ? Integer.compare(b.priority, a.priority) : Long.compare(a.ticket, b.ticket));
    private int available;
    private long tickets;
    /** Connections over the limit, for the run's deepest chain only ({@link RequestPriority#CRITICAL}); see acquire. */
    private int laneFree;

    /** {@code permits} connections, and a critical lane of {@link #laneWidth laneWidth(permits)}. */
    PriorityPermits(int permits) {
        this(permits, laneWidth(permits));
    }

    PriorityPermits(int permits, int lane) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        if (lane < 0) {
            throw new IllegalArgumentException("lane must not be negative, not " + lane);
        }
        this.available = permits;
        this.laneFree = lane;
    }

    /**
     * How many requests of the run's deepest chain a host with {@code permits} connections takes over its limit:
     * half the limit, at least one. The deepest check asks several things at once where it can (a read-ahead of
     * five files), and one extra connection left all but one of them queued behind shallower checks' requests
     * already in flight; half keeps the excess proportionate to what the host already accepts.
     */
    static int laneWidth(int permits) {
        return Math.max(1, permits / 2);
    }

    /**
     * Waits for a permit; waiters of higher {@code priority} are served first. A request of the run's deepest chain
     * ({@code priority >= }{@link RequestPriority#CRITICAL}) that finds every permit taken takes a place in the
     * critical lane if one is free instead of waiting behind requests already in flight: the chain that decides the
     * run's length never queues behind a wave of shallow checks' requests, and the host sees at most the lane's
     * width more requests than its limit.
     *
     * @return whether the critical lane was taken (give it back with {@code release(true)})
     */
    synchronized boolean acquire(int priority) throws InterruptedException {
        if (available > 0 && waiting.isEmpty()) {
            available--;
            return false;
        }
        if (priority >= RequestPriority.CRITICAL && laneFree > 0) {
            laneFree--;
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
                release(me.lane); // granted as the interrupt came: pass it on
            } else {
                waiting.remove(me);
            }
            throw e;
        }
        return me.lane;
    }

    /**
     * Returns what {@link #acquire} gave: a place in the critical lane, or a permit. A place in the lane goes to the
     * first waiter if that waiter is of the deepest chain (the queue puts those first), else stays free for the next.
     */
    synchronized void release(boolean lane) {
        if (!lane) {
            release();
            return;
        }
        Waiter next = waiting.peek();
        if (next != null && next.priority >= RequestPriority.CRITICAL) {
            waiting.poll();
            next.granted = true;
            next.lane = true;
            notifyAll();
            return;
        }
        laneFree++;
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
