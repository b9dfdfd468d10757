package org.criu.status.core.http;

import java.util.concurrent.Callable;

/**
 * How urgent the requests made on this thread are, for hosts where requests wait for a free connection: a check
 * with a longer chain of dependent requests ahead of it goes first, so the run ends with its deepest chain rather
 * than behind a queue of shallow checks' requests. The engine sets it on each check's thread; work a check hands to
 * other threads ({@link #carry}) keeps it. 0 unless set; equal priorities keep their arrival order.
 */
public final class RequestPriority {

    private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

    /**
     * Added to the priority of the run's deepest checks: their requests may use a host's one extra connection
     * when every other is taken (see {@code PriorityPermits}).
     */
    public static final int CRITICAL = 1 << 20;

    private RequestPriority() {
    }

    /** The priority of requests made on this thread now; higher goes first. */
    public static int current() {
        Integer p = CURRENT.get();
        return p == null ? 0 : p;
    }

    /** Runs {@code task} with requests at {@code priority}, then puts the thread's previous priority back. */
    public static <T> T with(int priority, Callable<T> task) throws Exception {
        Integer before = CURRENT.get();
        CURRENT.set(priority);
        try {
            return task.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /**
     * {@code task} made to run, on whichever thread, as a branch of the calling thread's check that is at most
     * {@code depth} requests deep: at that priority, or the thread's if lower, and never on the critical lane. A
     * check whose parts are independent (lxc's LXC, LXD and Incus) runs its shallow parts so, leaving the host
     * connections kept for the run's deepest chain to the part that is that chain.
     */
    public static <T> Callable<T> carry(int depth, Callable<T> task) {
        int priority = Math.min(current() >= CRITICAL ? current() - CRITICAL : current(), depth);
        return () -> with(priority, task);
    }

    /** {@code task} made to run, on whichever thread, at the priority of the thread calling this. */
    public static <T> Callable<T> carry(Callable<T> task) {
        int priority = current();
        return () -> with(priority, task);
    }
}
