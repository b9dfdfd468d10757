package org.criu.status.core.http;

import java.io.IOException;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;

/**
 * Follows redirects itself (OkHttp's own following is off). It sits first among the application
 * interceptors, so each hop passes through all the others again: the origin rewrite applies to the new
 * URL, record/replay sees every hop, and the token rules decide afresh for the new host, so a token never
 * follows a redirect to another host.
 */
final class FollowRedirectsInterceptor implements Interceptor {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 5;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        int hops = 0;
        while (REDIRECTS.contains(response.code())) {
            String location = response.header("Location");
            if (location == null || !("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
                return response;
            }
            HttpUrl next = request.url().resolve(location);
            response.close();
            if (next == null) {
                throw new SourceException(request.url().toString(),
                        "redirect to an unusable Location '" + location + "' from " + request.url());
            }
            if (++hops > MAX_HOPS) {
                throw new SourceException(chain.request().url().toString(),
                        "more than " + MAX_HOPS + " redirects from " + chain.request().url());
            }
            Request.Builder nextRequest = request.newBuilder().url(next);
            if (!next.host().equals(request.url().host())) {
                nextRequest.removeHeader("Authorization");
            }
            request = nextRequest.build();
            try {
                response = chain.proceed(request);
            } catch (SourceException | java.io.InterruptedIOException e) {
                // Already names its URL (a replay gap), or a deadline/cancellation others must recognise as such.
                throw e;
            } catch (IOException e) {
                // Name the hop that failed: "failed to connect" alone would blame the host first asked.
                throw new SourceException(chain.request().url().toString(), "GET " + chain.request().url()
                        + " was redirected to " + next + ", which failed: " + IoFailure.describe(e), e);
            }
        }
        return response;
    }
}
