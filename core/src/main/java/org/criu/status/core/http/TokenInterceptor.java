package org.criu.status.core.http;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds a token to requests for its own origin only: {@code GITHUB_TOKEN} to api.github.com,
 * {@code GITLAB_TOKEN} to the GitLab host. It decides on the logical URL, so a token reaches an
 * {@code --origin} mirror of its own host and nothing else; redirects come back through here per hop.
 */
final class TokenInterceptor implements Interceptor {

    private final Map<String, String> headerByHost;
    private final Map<String, String> valueByHost;

    /**
     * @param tokens host -> (header name, header value), e.g. "api.github.com" -> ("Authorization", "Bearer x")
     */
    public TokenInterceptor(Map<String, Map.Entry<String, String>> tokens) {
        this.headerByHost = new java.util.HashMap<>();
        this.valueByHost = new java.util.HashMap<>();
        tokens.forEach((host, header) -> {
            headerByHost.put(host, header.getKey());
            valueByHost.put(host, header.getValue());
        });
    }

    /** Tokens from the environment: GITHUB_TOKEN for api.github.com, GITLAB_TOKEN for gitlab.freedesktop.org. */
    public static TokenInterceptor fromEnv(Map<String, String> env) {
        Map<String, Map.Entry<String, String>> tokens = new java.util.HashMap<>();
        String github = env.get("GITHUB_TOKEN");
        if (github != null && !github.isBlank()) {
            tokens.put("api.github.com", Map.entry("Authorization", "Bearer " + github.strip()));
        }
        String gitlab = env.get("GITLAB_TOKEN");
        if (gitlab != null && !gitlab.isBlank()) {
            String host = env.getOrDefault("GITLAB_HOST", "gitlab.freedesktop.org");
            tokens.put(host, Map.entry("PRIVATE-TOKEN", gitlab.strip()));
        }
        return new TokenInterceptor(tokens);
    }

    /** Whether a token is configured for {@code host}. */
    public boolean hasToken(String host) {
        return headerByHost.containsKey(host);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String host = request.url().host();
        Request.Builder clean = request.newBuilder().removeHeader("Authorization").removeHeader("PRIVATE-TOKEN");
        String header = headerByHost.get(host);
        if (header != null && request.url().isHttps()) {
            clean.header(header, valueByHost.get(host));
        }
        return chain.proceed(clean.build());
    }
}
