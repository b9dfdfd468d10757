package org.criu.status.core.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.criu.status.core.source.SourceException;

/**
 * Watches GitHub's {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset} on api.github.com responses. Once
 * the limit is spent (remaining 0, or a 403/429 saying so), every further api.github.com request of the run
 * fails at once with the reset time, instead of sleeping for up to an hour or burning requests on 403s.
 * raw.githubusercontent.com has no such limit and is not affected. A network interceptor: only real
 * exchanges carry fresh counts, and a cached answer needs no budget.
 */
public final class GitHubRateLimitInterceptor implements Interceptor {

    public static final String HOST = "api.github.com";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final boolean authenticated;
    private final AtomicReference<Instant> exhaustedUntil = new AtomicReference<>();

    /**
     * @param authenticated whether requests carry GITHUB_TOKEN (the message then does not suggest setting one)
     */
    public GitHubRateLimitInterceptor(Clock clock, boolean authenticated) {
        this.clock = clock;
        this.authenticated = authenticated;
    }

    /** When the spent limit resets, while it is spent. */
    public Optional<Instant> exhaustedUntil() {
        Instant until = exhaustedUntil.get();
        return until != null && clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl logical = LogicalUrl.of(chain.request());
        if (!HOST.equals(logical.host())) {
            return chain.proceed(chain.request());
        }
        Optional<Instant> spent = exhaustedUntil();
        if (spent.isPresent()) {
            throw exhausted(logical, spent.get());
        }
        Response response = chain.proceed(chain.request());
        String remaining = response.header("X-RateLimit-Remaining");
        if (remaining != null && remaining.strip().equals("0")) {
            Instant until = reset(response.header("X-RateLimit-Reset"));
            exhaustedUntil.set(until);
            if (response.code() == 403 || response.code() == 429) {
                response.close();
                throw exhausted(logical, until);
            }
        }
        return response;
    }

    /** The reset instant; at least a minute ahead, since "0 left" with a past reset means our clock is off. */
    private Instant reset(String header) {
        Instant now = clock.instant();
        Instant floor = now.plus(Duration.ofMinutes(1));
        if (header != null && header.strip().matches("\\d{1,12}")) {
            Instant reset = Instant.ofEpochSecond(Long.parseLong(header.strip()));
            return reset.isAfter(floor) ? reset : floor;
        }
        return now.plus(Duration.ofHours(1));
    }

    private SourceException exhausted(HttpUrl url, Instant until) {
        String advice = authenticated ? " (the GITHUB_TOKEN account's hourly limit)"
                : "; set GITHUB_TOKEN for 5,000 requests an hour";
        return new SourceException(url.toString(),
                "GitHub rate limit exhausted until " + HH_MM.format(until) + " UTC" + advice);
    }
}
