package org.criu.status.core.http;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Iterator;
import okhttp3.Cache;
import okhttp3.CacheControl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Checks every body OkHttp's cache hands back (fresh from disk, or kept after a 304) against the length and
 * digest sealed into the entry when it was stored ({@link BodyDigestInterceptor}). A body that changed on disk
 * (cut short, edited, bit rot) or an entry without a seal is evicted and the request asked again over the
 * network, with one {@code --verbose} line. The innermost application interceptor: it sees exactly what the
 * cache answered for the URL on the wire.
 */
public final class CacheIntegrityInterceptor implements Interceptor {

    private final Cache cache;
    private final long maxBodyBytes;
    private final PrintStream verbose;

    /** @param verbose where the eviction line goes; null when not {@code --verbose} */
    public CacheIntegrityInterceptor(Cache cache, long maxBodyBytes, PrintStream verbose) {
        this.cache = cache;
        this.maxBodyBytes = maxBodyBytes;
        this.verbose = verbose;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (!"GET".equals(request.method()) || !fromCache(response)) {
            return response;
        }
        String expected = response.header(Http.BODY_DIGEST_HEADER);
        ResponseBody body = response.body();
        byte[] bytes;
        String problem;
        try {
            bytes = ResponseSizeLimitInterceptor.read(body, maxBodyBytes, request.url().toString(), response);
            problem = expected == null ? "no length and digest stored with it" : mismatch(expected, bytes);
        } catch (IOException e) {
            bytes = null;
            problem = "cannot be read (" + IoFailure.describe(e) + ")";
        }
        if (problem == null) {
            return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
        }
        evict(request);
        if (verbose != null) {
            verbose.println("cache entry for " + VerboseLogInterceptor.redact(LogicalUrl.of(request))
                    + " is damaged (" + problem + "): evicted, asking the network again");
        }
        return chain.proceed(request.newBuilder().cacheControl(CacheControl.FORCE_NETWORK).build());
    }

    /** How {@code body} differs from the seal it was stored with, or null when it matches. */
    static String mismatch(String seal, byte[] body) {
        if (seal.equals(BodyDigestInterceptor.seal(body))) {
            return null;
        }
        String stored = seal.contains(" ") ? seal.substring(0, seal.indexOf(' ')) : seal;
        return stored.equals(Integer.toString(body.length)) ? "body differs from the one stored (SHA-256)"
                : "body is " + body.length + " bytes, stored as " + stored;
    }

    /** Whether the body came from the disk cache: a hit without asking, or a 304 that kept the stored body. */
    private static boolean fromCache(Response response) {
        if (response.cacheResponse() == null) {
            return false;
        }
        Response network = response.networkResponse();
        return network == null || network.code() == 304;
    }

    private void evict(Request request) {
        String url = request.url().toString();
        try {
            for (Iterator<String> urls = cache.urls(); urls.hasNext(); ) {
                if (urls.next().equals(url)) {
                    urls.remove();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The forced network request below replaces the entry anyway.
        }
    }
}
