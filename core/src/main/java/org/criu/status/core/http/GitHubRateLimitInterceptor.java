package org.criu.status.core.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;

/**
 * Watches GitHub's {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset} on api.github.com responses. Once
 * the limit is spent (remaining 0, or a 403/429 saying so), every further api.github.com request of the run
 * fails at once with the reset time, instead of sleeping for up to an hour or burning requests on 403s.
 * raw.githubusercontent.com has no such limit and is not affected. GitHub counts separate budgets
 * ({@code X-RateLimit-Resource}: "core" 60 an hour unauthenticated, "search" 10 a minute), so a spent
 * search budget stops only searches. A network interceptor: only real exchanges carry fresh counts, and a
 * cached answer needs no budget.
 */
final class GitHubRateLimitInterceptor implements Interceptor {

    public static final String HOST = "api.github.com";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final boolean authenticated;
    private final Map<String, Instant> exhaustedUntil = new ConcurrentHashMap<>();

    /**
     * @param authenticated whether requests carry GITHUB_TOKEN (the message then does not suggest setting one)
     */
    public GitHubRateLimitInterceptor(Clock clock, boolean authenticated) {
        this.clock = clock;
        this.authenticated = authenticated;
    }

    /** When the spent core limit resets, while it is spent. */
    public Optional<Instant> exhaustedUntil() {
        return exhaustedUntil("core");
    }

    /** When a spent budget ("core", "search") resets, while it is spent. */
    public Optional<Instant> exhaustedUntil(String resource) {
        Instant until = exhaustedUntil.get(resource);
        return until != null && clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** The budget a request draws on, as GitHub names it; known before sending, from the path. */
    static String resourceOf(HttpUrl url) {
        String path = url.encodedPath();
        if (path.startsWith("/search/code")) {
            return "code_search";
        }
        if (path.startsWith("/search/")) {
            return "search";
        }
        return path.startsWith("/graphql") ? "graphql" : "core";
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl logical = LogicalUrl.of(chain.request());
        if (!HOST.equals(logical.host())) {
            return chain.proceed(chain.request());
        }
        String resource = resourceOf(logical);
        Optional<Instant> spent = exhaustedUntil(resource);
        if (spent.isPresent()) {
            throw exhausted(logical, resource, spent.get());
        }
        Response response = chain.proceed(chain.request());
        String remaining = response.header("X-RateLimit-Remaining");
        if (remaining != null && remaining.strip().equals("0")) {
            String named = response.header("X-RateLimit-Resource");
            String spentResource = named == null || named.isBlank() ? resource : named.strip();
            Instant until = reset(response.header("X-RateLimit-Reset"));
            exhaustedUntil.put(spentResource, until);
            if (response.code() == 403 || response.code() == 429) {
                response.close();
                throw exhausted(logical, spentResource, until);
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

    private SourceException exhausted(HttpUrl url, String resource, Instant until) {
        boolean core = resource.equals("core");
        String advice = authenticated ? " (the GITHUB_TOKEN account's " + (core ? "hourly" : resource) + " limit)"
                : core ? "; set GITHUB_TOKEN for 5,000 requests an hour"
                : "; set GITHUB_TOKEN for a higher " + resource + " limit";
        return new SourceException(url.toString(), "GitHub " + (core ? "" : resource + " ")
                + "rate limit exhausted until " + HH_MM.format(until) + " UTC" + advice);
    }
}
