package org.criu.status.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Names the tool on every request: Repology and GitHub ask for a descriptive User-Agent. */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    public UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
