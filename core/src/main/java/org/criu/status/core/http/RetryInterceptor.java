package org.criu.status.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;

/**
 * Retries idempotent requests (GET, HEAD) that failed for a passing reason: a connection error, a 5xx, a
 * 429. Waits grow exponentially with jitter (base, 2x base, ... each scaled by 0.5 to 1.0) so checkers that
 * failed together do not come back together. A {@code Retry-After} on 429/503 (and on GitHub's 403
 * secondary limit) is honoured up to {@link HttpLimits#maxRetryAfter()}; a longer one fails at once, since
 * a run that waits minutes is worse than an "unverified" saying why. Timeouts are not retried: the call's
 * time is spent. The attempt count goes back in an internal header for the verbose log and messages.
 */
final class RetryInterceptor implements Interceptor {

    private final HttpLimits limits;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier jitter;

    public RetryInterceptor(HttpLimits limits, Sleeper sleeper, Clock clock) {
        this(limits, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param jitter values in [0, 1); a delay is scaled by {@code 0.5 + jitter / 2}
     */
    public RetryInterceptor(HttpLimits limits, Sleeper sleeper, Clock clock, DoubleSupplier jitter) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
        this.jitter = jitter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return chain.proceed(request);
        }
        String url = request.url().toString();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (SourceException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= limits.maxAttempts() || chain.call().isCanceled()) {
                    throw attempt == 1 ? e : new IOException(message(e) + " (after " + attempt + " attempts)", e);
                }
                pause(backoff(attempt));
                continue;
            }
            int code = response.code();
            Optional<Duration> retryAfter = code == 429 || code == 503 || code == 403
                    ? retryAfter(response.header("Retry-After")) : Optional.empty();
            boolean retryable = code == 429 || code == 500 || code == 502 || code == 503 || code == 504
                    || (code == 403 && retryAfter.isPresent());
            if (!retryable) {
                return marked(response, attempt);
            }
            if (retryAfter.isPresent() && retryAfter.get().compareTo(limits.maxRetryAfter()) > 0) {
                response.close();
                throw new SourceException(url, request.method() + " " + url + " answered HTTP " + code
                        + " asking to retry after " + retryAfter.get().toSeconds() + " s (Retry-After), longer than the "
                        + limits.maxRetryAfter().toSeconds() + " s a run waits");
            }
            if (attempt >= limits.maxAttempts() || chain.call().isCanceled()) {
                return marked(response, attempt);
            }
            response.close();
            pause(retryAfter.isPresent() ? retryAfter.get() : backoff(attempt));
        }
    }

    /** The wait before attempt {@code failed + 1}: base * 2^(failed-1), scaled by 0.5..1.0. */
    Duration backoff(int failed) {
        long base = limits.backoffBase().toMillis() << Math.min(failed - 1, 20);
        return Duration.ofMillis(Math.round(base * (0.5 + jitter.getAsDouble() / 2)));
    }

    /** Seconds or an HTTP date; empty when absent or unreadable (then backoff applies). */
    Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(clock.instant(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void pause(Duration delay) throws IOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static Response marked(Response response, int attempt) {
        return attempt == 1 ? response
                : response.newBuilder().header(Http.ATTEMPTS_HEADER, Integer.toString(attempt)).build();
    }

    private static String message(IOException e) {
        return IoFailure.describe(e);
    }
}
