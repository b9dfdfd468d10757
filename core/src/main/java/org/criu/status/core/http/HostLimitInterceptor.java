package org.criu.status.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps requests in flight per logical host (checkers call synchronously from their own threads, so permits per
 * host are the whole mechanism; waiting requests are served by {@link RequestPriority}, deepest check first, then in
 * arrival order) and, where a host asks for it, spaces request starts apart:
 * repology.org wants about one request a second. A network interceptor: cache hits take no permit, and the
 * permit is held until the body has been read (see {@link ResponseSizeLimitInterceptor}).
 */
final class HostLimitInterceptor implements Interceptor {

    /** One host's permits and the earliest time the next request may start. */
    private static final class Gate {
        final PriorityPermits permits;
        final long spacingNanos;
        long nextStart = Long.MIN_VALUE;
        long latest = Long.MIN_VALUE;

        Gate(HttpLimits.HostLimit limit) {
            this.permits = new PriorityPermits(limit.concurrency());
            this.spacingNanos = limit.spacing().toNanos();
        }

        /** Books the next start slot; returns how long to wait for it. */
        synchronized long reserve(long now) {
            if (spacingNanos == 0) {
                return 0;
            }
            // Time read from a wall clock can step back; never let that stretch a wait past the bookings.
            now = Math.max(now, latest);
            latest = now;
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + spacingNanos;
            return start - now;
        }
    }

    private final HttpLimits limits;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    public HostLimitInterceptor(HttpLimits limits, Sleeper sleeper) {
        this(limits, sleeper, System::nanoTime);
    }

    /** Spacing measured on {@code clock} (the run's, fixed in tests), waiting through {@code sleeper}. */
    HostLimitInterceptor(HttpLimits limits, Sleeper sleeper, java.time.Clock clock) {
        this(limits, sleeper, () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        });
    }

    HostLimitInterceptor(HttpLimits limits, Sleeper sleeper, LongSupplier nanoTime) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = LogicalUrl.of(chain.request()).host().toLowerCase(Locale.ROOT);
        Gate gate = gates.computeIfAbsent(host, h -> new Gate(limits.forHost(h)));
        boolean lane;
        try {
            lane = gate.permits.acquire(RequestPriority.current());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free connection to " + host);
        }
        try {
            long wait = gate.reserve(nanoTime.getAsLong());
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
            return chain.proceed(chain.request());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while spacing requests to " + host);
        } finally {
            gate.permits.release(lane);
        }
    }
}
