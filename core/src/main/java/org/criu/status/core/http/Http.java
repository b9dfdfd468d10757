package org.criu.status.core.http;

import java.io.IOException;
import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * Builds the run's one OkHttp client. Interceptor order matters:
 * redirects (each hop goes through the rest again) -> User-Agent -> verbose log -> replay (answers and
 * stops) -> record -> token (decides on the logical URL) -> origin rewrite (only the wire sees the mirror)
 * -> OkHttp's cache and network.
 */
public final class Http {

    /** Internal response header marking where an answer came from ("replay"); never sent. */
    public static final String SOURCE_HEADER = "X-Integration-Status-Source";

    public static final String VERSION = "0.1.0";
    public static final String USER_AGENT =
            "integration-status/" + VERSION + " (+https://criu.org/Integration; checks the CRIU wiki page)";

    private static final long CACHE_BYTES = 50L * 1024 * 1024;

    private Http() {
    }

    /**
     * Builds the client.
     *
     * @throws IOException when the replay or record folder cannot be used (the message names it)
     */
    public static OkHttpClient client(HttpOptions options) throws IOException {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(options.timeout())
                .readTimeout(options.timeout())
                .callTimeout(options.timeout().multipliedBy(3))
                .addInterceptor(new FollowRedirectsInterceptor())
                .addInterceptor(new UserAgentInterceptor(USER_AGENT));
        if (options.verbose()) {
            builder.addInterceptor(new VerboseLogInterceptor(options.log()));
        }
        if (options.replay().isPresent()) {
            builder.addInterceptor(ReplayInterceptor.load(options.replay().get()));
        }
        if (options.record().isPresent()) {
            builder.addInterceptor(new RecordInterceptor(options.record().get()));
        }
        builder.addInterceptor(TokenInterceptor.fromEnv(options.env()));
        builder.addInterceptor(new OriginRewriteInterceptor(options.origins()));
        if (options.cache().isPresent() && options.replay().isEmpty()) {
            builder.cache(new Cache(options.cache().get().toFile(), CACHE_BYTES));
        }
        return builder.build();
    }
}
