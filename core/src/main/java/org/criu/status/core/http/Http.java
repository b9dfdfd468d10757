package org.criu.status.core.http;

import java.io.IOException;
import java.util.Optional;
import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * Builds the run's one OkHttp client. Order matters; application interceptors, outermost first:
 * <ol>
 *   <li>{@link VerboseLogInterceptor}: one line per request, whatever answered it (so it is outermost);</li>
 *   <li>{@link SingleFlightInterceptor}: identical GETs of the run share one exchange, keyed on the logical
 *       URL before any redirect;</li>
 *   <li>{@link FollowRedirectsInterceptor}: each hop goes through everything below again (rewrite, record,
 *       retries, and the token rules, so a token never follows a redirect to another host);</li>
 *   <li>{@link UserAgentInterceptor};</li>
 *   <li>{@link ReplayInterceptor} (answers and stops: nothing below runs) or {@link RecordInterceptor}
 *       (saves what comes back after retries);</li>
 *   <li>{@link RetryInterceptor}: above the token and rewrite, so every attempt is built afresh;</li>
 *   <li>{@link TokenInterceptor}: decides on the logical origin which token a request gets, and gives it a
 *       stand-in (a keyed hash) to carry, never the token;</li>
 *   <li>{@link OriginRewriteInterceptor}: only the wire sees the mirror; tags the request with its
 *       {@link LogicalUrl};</li>
 *   <li>{@link CacheIntegrityInterceptor} (with a cache): checks every body the cache hands back against the
 *       length and digest stored with it; a damaged entry is evicted and asked again.</li>
 * </ol>
 * Then OkHttp's own cache (conditional requests: ETag / Last-Modified, 304s; opened by {@link HttpCache}), and
 * network interceptors, which run only for real exchanges: {@link CredentialInterceptor} (outermost: swaps the
 * token stand-in for the token on an https or loopback wire URL, and hands the cache the stand-in only),
 * {@link HostLimitInterceptor} (per-host permits and spacing), {@link GitHubRateLimitInterceptor} (inside the
 * permit, so it sees the latest count), {@link BodyDigestInterceptor} (decodes gzip and seals the body the cache
 * stores), {@link ResponseSizeLimitInterceptor} (reads the body while the permit is held).
 * Proxies come from the environment ({@link EnvProxySelector}: {@code HTTPS_PROXY}, {@code NO_PROXY}, ...).
 *
 * <p>Warnings about the setup (an unusable or damaged cache, a token withheld from plain http) go to
 * {@link HttpOptions#log()}, one line each.
 */
public final class Http {

    /** Internal response header marking where an answer came from ("replay", "memory", "shared"); never sent. */
    public static final String SOURCE_HEADER = "X-Integration-Status-Source";

    /**
     * Internal response header sealing a body before the disk cache stores it: "LENGTH sha-256:HEX" of the
     * decoded body ({@link BodyDigestInterceptor}); never sent.
     */
    public static final String BODY_DIGEST_HEADER = "X-Integration-Status-Body-Digest";

    /** Internal response header: how many attempts the answer took, when more than one; never sent. */
    public static final String ATTEMPTS_HEADER = "X-Integration-Status-Attempts";

    public static final String VERSION = "0.1.0";
    public static final String USER_AGENT =
            "integration-status/" + VERSION + " (+https://criu.org/Integration; checks the CRIU wiki page)";

    private Http() {
    }

    /**
     * Builds the client.
     *
     * @throws IOException when the replay or record folder cannot be used, or a proxy variable is not a usable
     *                     proxy (the message names it, never a password)
     */
    public static OkHttpClient client(HttpOptions options) throws IOException {
        HttpLimits limits = options.limits();
        // A recording is the truth in replay: a cached answer from an earlier live run must not shadow it.
        Optional<HttpCache.Opened> cache = options.cache().isPresent() && options.replay().isEmpty()
                ? HttpCache.open(options.cache().get(), options.log()) : Optional.empty();
        TokenInterceptor tokens = cache.map(c -> TokenInterceptor.fromEnv(options.env(), c.credentialKey()))
                .orElseGet(() -> TokenInterceptor.fromEnv(options.env()));
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(options.timeout())
                .readTimeout(options.timeout())
                .callTimeout(options.timeout().multipliedBy(3));
        if (options.verbose()) {
            builder.addInterceptor(new VerboseLogInterceptor(options.log()));
        }
        builder.addInterceptor(new SingleFlightInterceptor(limits.maxBodyBytes()))
                .addInterceptor(new FollowRedirectsInterceptor())
                .addInterceptor(new UserAgentInterceptor(USER_AGENT));
        if (options.replay().isPresent()) {
            builder.addInterceptor(ReplayInterceptor.load(options.replay().get()));
        } else {
            proxies(builder, options);
        }
        if (options.record().isPresent()) {
            builder.addInterceptor(new RecordInterceptor(options.record().get()));
        }
        builder.addInterceptor(new RetryInterceptor(limits, options.sleeper(), options.clock()))
                .addInterceptor(tokens)
                .addInterceptor(new OriginRewriteInterceptor(options.origins()));
        cache.ifPresent(c -> builder.cache(c.cache()).addInterceptor(new CacheIntegrityInterceptor(c.cache(),
                limits.maxBodyBytes(), options.verbose() ? options.log() : null)));
        builder.addNetworkInterceptor(new CredentialInterceptor(options.log()))
                .addNetworkInterceptor(new HostLimitInterceptor(limits, options.sleeper(), options.clock()))
                .addNetworkInterceptor(new GitHubRateLimitInterceptor(options.clock(),
                        tokens.hasToken(GitHubRateLimitInterceptor.HOST)))
                .addNetworkInterceptor(new BodyDigestInterceptor(limits.maxBodyBytes()))
                .addNetworkInterceptor(new ResponseSizeLimitInterceptor(limits.maxBodyBytes()));
        return builder.build();
    }

    /** Proxies from the environment ({@link EnvProxySelector}); a replayed run touches no network, needs none. */
    private static void proxies(OkHttpClient.Builder builder, HttpOptions options) throws IOException {
        try {
            EnvProxySelector proxies = EnvProxySelector.fromEnv(options.env());
            builder.proxySelector(proxies).proxyAuthenticator(proxies.authenticator());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Ends a run's client: closes the disk cache (its journal is complete for the next run) and lets the
     * client's threads and connections go.
     */
    public static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        Cache cache = client.cache();
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException e) {
                // Nothing to do: the next run rebuilds a damaged journal.
            }
        }
    }
}
