package org.criu.status.core.http;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: one line per request a checker makes: method, logical URL, status, what answered it,
 * and milliseconds. It sits outermost, so it also sees answers that never reach the network: "memory" (the
 * run already fetched it), "shared" (another checker's identical request in flight), "replay", "cache" (fresh
 * on disk), "304" (revalidated: the server said unchanged) and "network". Headers are never printed, so
 * tokens (which travel only in headers) cannot appear; query parameters that look like secrets are masked.
 */
final class VerboseLogInterceptor implements Interceptor {

    private static final Pattern SECRET_PARAM = Pattern.compile("(?i).*(token|secret|password|key|sig).*");

    private final PrintStream log;

    public VerboseLogInterceptor(PrintStream log) {
        this.log = log;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            StringBuilder line = new StringBuilder();
            line.append(request.method()).append(' ').append(redact(request.url())).append(' ')
                    .append(response.code()).append(' ').append(origin(response)).append(' ').append(ms).append("ms");
            String attempts = response.header(Http.ATTEMPTS_HEADER);
            if (attempts != null) {
                line.append(" (").append(attempts).append(" attempts)");
            }
            if (!response.request().url().equals(request.url())) {
                line.append(" (redirected to ").append(redact(response.request().url())).append(')');
            }
            log.println(line);
            return response;
        } catch (IOException | RuntimeException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String reason = e instanceof IOException io ? IoFailure.describe(io) : e.toString();
            log.printf("%s %s failed (%s) %dms%n", request.method(), redact(request.url()), reason, ms);
            throw e;
        }
    }

    /** "memory", "shared", "replay", "cache" (answered from disk), "304" (revalidated), or "network". */
    static String origin(Response response) {
        String marked = response.header(Http.SOURCE_HEADER);
        if (marked != null) {
            return marked;
        }
        Response network = response.networkResponse();
        if (response.cacheResponse() != null && network == null) {
            return "cache";
        }
        // OkHttp keeps the stale cached response beside a conditional request's 200 too: only a 304 is a hit.
        if (network != null && network.code() == 304) {
            return "304";
        }
        return "network";
    }

    /** The URL with secret-looking query values and any user info masked. */
    static String redact(HttpUrl url) {
        HttpUrl.Builder clean = url.newBuilder().username("").password("");
        String query = url.encodedQuery();
        if (query != null) {
            // Work on the encoded text, so the printed URL is byte for byte the one requested.
            StringBuilder masked = new StringBuilder();
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                boolean secret = eq >= 0 && SECRET_PARAM.matcher(name.toLowerCase(Locale.ROOT)).matches();
                masked.append(masked.length() > 0 ? "&" : "").append(secret ? name + "=REDACTED" : pair);
            }
            clean.encodedQuery(masked.toString());
        }
        return clean.build().toString();
    }
}
