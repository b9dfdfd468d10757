package org.criu.status.core.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends each logical request to its {@code --origin} target and maps URLs in Link/Location headers back. The
 * wire request carries its logical URL as a {@link LogicalUrl} tag, so network interceptors (per-host limits,
 * GitHub's rate limit) decide on the real host even when every origin points at one mirror.
 */
final class OriginRewriteInterceptor implements Interceptor {

    private final OriginRewrite origins;

    public OriginRewriteInterceptor(OriginRewrite origins) {
        this.origins = origins;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String logical = request.url().toString();
        String wire = origins.toWire(logical);
        if (wire.equals(logical)) {
            return chain.proceed(request);
        }
        Response response = chain.proceed(request.newBuilder().url(HttpUrl.get(wire))
                .tag(LogicalUrl.class, new LogicalUrl(request.url())).build());
        Response.Builder back = response.newBuilder().request(request);
        String link = response.header("Link");
        if (link != null) {
            back.header("Link", origins.linkHeaderToLogical(link));
        }
        String location = response.header("Location");
        if (location != null) {
            HttpUrl resolved = HttpUrl.get(wire).resolve(location);
            if (resolved != null) {
                back.header("Location", origins.toLogical(resolved.toString()));
            }
        }
        return back.build();
    }
}
