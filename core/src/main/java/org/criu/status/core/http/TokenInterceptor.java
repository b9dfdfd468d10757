package org.criu.status.core.http;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Chooses which requests carry a token: {@code GITHUB_TOKEN} for https://api.github.com, {@code GITLAB_TOKEN}
 * for the GitLab host, nothing for any other origin. It decides on the logical URL (before {@code --origin}),
 * so a token reaches a mirror of its own origin and nothing else; redirects come back through here per hop.
 *
 * <p>It does not put the token itself on the request: everything above the network sees a stand-in, a keyed
 * hash of the token ({@link Credential#standIn}), and the token travels as a request tag. OkHttp's cache
 * stores the request headers its answer varies on (GitHub sends {@code Vary: Authorization}), so it stores the
 * stand-in, and a later run with the same token matches it while another token does not. Only
 * {@link CredentialInterceptor}, the outermost network interceptor, swaps the token in, and only on a wire URL
 * that is https or loopback.
 */
final class TokenInterceptor implements Interceptor {

    private final Map<String, Credential> byOrigin;

    /**
     * @param tokens origin ("https://api.github.com") -> (header name, header value), e.g. ("Authorization",
     *               "Bearer x")
     * @param key    the key of the stand-ins' hash: the cache folder's, so stand-ins match from run to run
     */
    public TokenInterceptor(Map<String, Map.Entry<String, String>> tokens, byte[] key) {
        java.util.HashMap<String, Credential> credentials = new java.util.HashMap<>();
        tokens.forEach((origin, header) -> credentials.put(origin,
                Credential.of(header.getKey(), header.getValue(), key)));
        this.byOrigin = Map.copyOf(credentials);
    }

    /** Tokens from the environment, with a key of this run only (no cache to match across runs). */
    public static TokenInterceptor fromEnv(Map<String, String> env) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return fromEnv(env, key);
    }

    /**
     * Tokens from the environment: GITHUB_TOKEN for https://api.github.com, GITLAB_TOKEN for
     * https://gitlab.freedesktop.org (or https://$GITLAB_HOST).
     */
    public static TokenInterceptor fromEnv(Map<String, String> env, byte[] key) {
        Map<String, Map.Entry<String, String>> tokens = new java.util.HashMap<>();
        String github = env.get("GITHUB_TOKEN");
        if (github != null && !github.isBlank()) {
            tokens.put("https://api.github.com", Map.entry("Authorization", "Bearer " + github.strip()));
        }
        String gitlab = env.get("GITLAB_TOKEN");
        if (gitlab != null && !gitlab.isBlank()) {
            String host = env.getOrDefault("GITLAB_HOST", "gitlab.freedesktop.org");
            tokens.put("https://" + host.strip(), Map.entry("PRIVATE-TOKEN", gitlab.strip()));
        }
        return new TokenInterceptor(tokens, key);
    }

    /** Whether a token is configured for {@code host} (over https). */
    public boolean hasToken(String host) {
        return byOrigin.containsKey("https://" + host);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder clean = request.newBuilder().removeHeader("Authorization").removeHeader("PRIVATE-TOKEN")
                .tag(Credential.class, null);
        Credential credential = byOrigin.get(origin(request.url()));
        if (credential != null) {
            clean.header(credential.header(), credential.standIn()).tag(Credential.class, credential);
        }
        return chain.proceed(clean.build());
    }

    private static String origin(HttpUrl url) {
        int port = url.port();
        return url.scheme() + "://" + url.host() + (port == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "TokenInterceptor" + byOrigin.keySet();
    }
}
