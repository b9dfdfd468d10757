package org.criu.status.core.http;

import java.time.Duration;

/**
 * Waits between attempts (retry backoff, Retry-After, per-host spacing). Injected so tests can assert the
 * delays asked for without waiting them out.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread; an interrupt ends the wait. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    /**
     * Waits {@code delay}.
     *
     * @throws InterruptedException when the thread is interrupted (the engine cancels an overrunning checker)
     */
    void sleep(Duration delay) throws InterruptedException;
}
