package org.criu.status.core.http;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the run's HTTP client is set up; built from the CLI flags and the environment.
 *
 * @param origins   {@code --origin} rewrites
 * @param record    {@code --record DIR}
 * @param replay    {@code --replay DIR}
 * @param cache     {@code --cache DIR}; empty for {@code --no-cache}
 * @param verbose   one line per exchange on {@code log}
 * @param env       environment variables (tokens are read from here, never from flags)
 * @param timeout   connect and read timeout per request (a whole call gets three times this)
 * @param log       where {@code --verbose} lines and setup warnings go (stderr in the CLI)
 * @param limits    retries, Retry-After bound, body size cap, per-host concurrency
 * @param sleeper   how the client waits (backoff, Retry-After, spacing); tests record instead of waiting
 * @param clock     "now" for rate-limit resets, Retry-After dates and per-host spacing
 */
public record HttpOptions(OriginRewrite origins, Optional<Path> record, Optional<Path> replay, Optional<Path> cache,
                          boolean verbose, Map<String, String> env, Duration timeout, java.io.PrintStream log,
                          HttpLimits limits, Sleeper sleeper, Clock clock) {
    public HttpOptions {
        Objects.requireNonNull(origins, "origins");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(cache, "cache");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
    }

    /** The options as the CLI first built them: default limits, real sleeping, the system clock. */
    public HttpOptions(OriginRewrite origins, Optional<Path> record, Optional<Path> replay, Optional<Path> cache,
                       boolean verbose, Map<String, String> env, Duration timeout, java.io.PrintStream log) {
        this(origins, record, replay, cache, verbose, env, timeout, log, HttpLimits.defaults(), Sleeper.SYSTEM,
                Clock.systemUTC());
    }

    /** Defaults for tests: no rewrite, no record/replay, no cache, no tokens, quiet. */
    public static HttpOptions defaults() {
        return new HttpOptions(OriginRewrite.none(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Map.of(), Duration.ofSeconds(20), System.err);
    }

    public HttpOptions withOrigins(OriginRewrite origins) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withEnv(Map<String, String> env) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withReplay(Path dir) {
        return new HttpOptions(origins, record, Optional.of(dir), cache, verbose, env, timeout, log, limits, sleeper,
                clock);
    }

    public HttpOptions withRecord(Path dir) {
        return new HttpOptions(origins, Optional.of(dir), replay, cache, verbose, env, timeout, log, limits, sleeper,
                clock);
    }

    public HttpOptions withCache(Path dir) {
        return new HttpOptions(origins, record, replay, Optional.of(dir), verbose, env, timeout, log, limits, sleeper,
                clock);
    }

    public HttpOptions withTimeout(Duration timeout) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withVerbose(java.io.PrintStream log) {
        return new HttpOptions(origins, record, replay, cache, true, env, timeout, log, limits, sleeper, clock);
    }

    /** Warnings (and {@code --verbose} lines, when on) go to {@code log}. */
    public HttpOptions withLog(java.io.PrintStream log) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withLimits(HttpLimits limits) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withSleeper(Sleeper sleeper) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }

    public HttpOptions withClock(Clock clock) {
        return new HttpOptions(origins, record, replay, cache, verbose, env, timeout, log, limits, sleeper, clock);
    }
}
