package org.criu.status.core.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How hard the run leans on its sources: retry attempts and backoff, how long a {@code Retry-After} may ask
 * it to wait, the largest body it reads, and how many requests each host gets at once.
 *
 * @param maxAttempts     attempts per idempotent request (first try included), at least 1
 * @param backoffBase     delay before the second attempt; doubled per attempt, with jitter
 * @param maxRetryAfter   longest {@code Retry-After} honoured; a longer one fails the request at once
 * @param maxBodyBytes    largest response body read (after decompression); past it the request fails
 * @param hostConcurrency requests in flight at once to a host without its own entry in {@code hosts}
 * @param hosts           per-host overrides, keyed by the logical host name (before {@code --origin})
 */
public record HttpLimits(int maxAttempts, Duration backoffBase, Duration maxRetryAfter, long maxBodyBytes,
                         int hostConcurrency, Map<String, HostLimit> hosts) {

    /**
     * One host's limit.
     *
     * @param concurrency requests in flight at once, at least 1
     * @param spacing     least time between the starts of two requests (zero for none)
     */
    public record HostLimit(int concurrency, Duration spacing) {
        public HostLimit {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
            }
            Objects.requireNonNull(spacing, "spacing");
        }
    }

    public HttpLimits {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
        }
        if (hostConcurrency < 1) {
            throw new IllegalArgumentException("hostConcurrency must be at least 1, not " + hostConcurrency);
        }
        hosts = Map.copyOf(hosts);
    }

    /**
     * Three attempts from 500 ms, Retry-After up to 10 s, 10 MB bodies, four requests per host, and
     * repology.org one at a time a second apart (its API asks for about one request per second).
     * raw.githubusercontent.com, a CDN of static files with no API budget behind it and half of a run's requests,
     * takes eight at once (what a browser opens to one host): at four, every step of the deepest chain waited
     * behind other checks' file reads.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(3, Duration.ofMillis(500), Duration.ofSeconds(10), 10L * 1024 * 1024, 4,
                Map.of("repology.org", new HostLimit(1, Duration.ofSeconds(1)),
                        "raw.githubusercontent.com", new HostLimit(8, Duration.ZERO)));
    }

    /** The limit for a logical host. */
    public HostLimit forHost(String host) {
        HostLimit own = hosts.get(host.toLowerCase(Locale.ROOT));
        return own != null ? own : new HostLimit(hostConcurrency, Duration.ZERO);
    }

    public HttpLimits withMaxAttempts(int maxAttempts) {
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, hosts);
    }

    public HttpLimits withBackoffBase(Duration backoffBase) {
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, hosts);
    }

    public HttpLimits withMaxRetryAfter(Duration maxRetryAfter) {
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, hosts);
    }

    public HttpLimits withMaxBodyBytes(long maxBodyBytes) {
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, hosts);
    }

    public HttpLimits withHostConcurrency(int hostConcurrency) {
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, hosts);
    }

    /** Adds or replaces one host's limit. */
    public HttpLimits withHost(String host, HostLimit limit) {
        Map<String, HostLimit> all = new java.util.HashMap<>(hosts);
        all.put(host.toLowerCase(Locale.ROOT), limit);
        return new HttpLimits(maxAttempts, backoffBase, maxRetryAfter, maxBodyBytes, hostConcurrency, all);
    }

    /** "10 MB", "512 KB", "900 bytes": for messages. */
    static String describeBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
