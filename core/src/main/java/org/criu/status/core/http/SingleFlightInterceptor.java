package org.criu.status.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.criu.status.core.model.SourceException;

/**
 * One request per URL per run. Checkers often want the same resource (a repository's tags, a wiki page);
 * concurrent identical GETs share one exchange, and a later one is answered from memory. The key is method,
 * logical URL and Accept (one URL can be asked for as JSON and as raw text). Bodies are kept in memory for
 * the run; each caller gets its own copy. A failure is shared with those waiting on it but not remembered:
 * a later caller tries again.
 */
public final class SingleFlightInterceptor implements Interceptor {

    private record Key(String method, String url, String accept) {
    }

    /**
     * A complete response whose body has been read; rebuilt for each caller. Its request stays the one that
     * produced it (after redirects, the last hop), so callers can tell where the answer came from.
     */
    private record Stored(Response response, byte[] body, MediaType type) {
        Response toResponse(String answeredBy) {
            Response.Builder copy = response.newBuilder().body(ResponseBody.create(body, type));
            if (answeredBy != null) {
                copy.header(Http.SOURCE_HEADER, answeredBy);
            }
            return copy.build();
        }
    }

    private final ConcurrentHashMap<Key, CompletableFuture<Stored>> flights = new ConcurrentHashMap<>();
    private final long maxBodyBytes;

    public SingleFlightInterceptor(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return chain.proceed(request);
        }
        Key key = new Key(request.method(), request.url().toString(), request.header("Accept"));
        while (true) {
            CompletableFuture<Stored> mine = new CompletableFuture<>();
            CompletableFuture<Stored> existing = flights.putIfAbsent(key, mine);
            if (existing == null) {
                return fetch(chain, request, key, mine);
            }
            boolean finished = existing.isDone();
            try {
                return existing.get().toResponse(finished ? "memory" : "shared");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the same request from another check");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                // The owner's checker was cancelled (its deadline, not the source's fault): ask again ourselves.
                if (cause.getClass() == InterruptedIOException.class && !Thread.currentThread().isInterrupted()) {
                    continue;
                }
                throw copy(cause);
            }
        }
    }

    private Response fetch(Chain chain, Request request, Key key, CompletableFuture<Stored> mine) throws IOException {
        Stored stored;
        try {
            Response response = chain.proceed(request);
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            byte[] bytes = ResponseSizeLimitInterceptor.read(body, maxBodyBytes, request.url().toString(), response);
            stored = new Stored(response, bytes, type);
        } catch (IOException | RuntimeException | Error e) {
            flights.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(stored);
        return stored.toResponse(null);
    }

    /** A fresh exception per waiting thread (a shared instance would carry the wrong stack to each). */
    private static IOException copy(Throwable cause) {
        if (cause instanceof SourceException s) {
            return new SourceException(s.url(), s.getMessage(), s);
        }
        if (cause instanceof InterruptedIOException i) {
            InterruptedIOException copy = new InterruptedIOException(i.getMessage());
            copy.initCause(i);
            return copy;
        }
        return new IOException(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(),
                cause);
    }
}
