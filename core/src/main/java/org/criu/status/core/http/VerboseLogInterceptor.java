package org.criu.status.core.http;

import java.io.IOException;
import java.io.PrintStream;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: one line per exchange, method, logical URL, status, where the answer came from, and
 * milliseconds. URLs carry no secrets (tokens travel in headers), and headers are never printed.
 */
public final class VerboseLogInterceptor implements Interceptor {

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
            log.printf("%s %s %d %s %dms%n", request.method(), request.url(), response.code(), origin(response), ms);
            return response;
        } catch (IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.printf("%s %s failed (%s) %dms%n", request.method(), request.url(), e.getMessage(), ms);
            throw e;
        }
    }

    /** "replay", "cache" (answered from disk), "304" (revalidated), or "network". */
    static String origin(Response response) {
        String replay = response.header(Http.SOURCE_HEADER);
        if (replay != null) {
            return replay;
        }
        if (response.cacheResponse() != null && response.networkResponse() == null) {
            return "cache";
        }
        if (response.cacheResponse() != null) {
            return "304";
        }
        return "network";
    }
}
