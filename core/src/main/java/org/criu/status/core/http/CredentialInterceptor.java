package org.criu.status.core.http;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the token on the wire, the last thing before the network: the outermost network interceptor swaps the
 * {@link Credential} stand-in for the token, and only when the URL actually sent (after {@code --origin}) is
 * https or a loopback address; over plain http to any other host the header is dropped, with one warning per
 * host. The response it hands back names the request with the stand-in, so OkHttp's cache, which stores the
 * request headers an answer varies on, never sees the token.
 */
public final class CredentialInterceptor implements Interceptor {

    private final PrintStream warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** @param warnings where the one-line "token withheld" warning goes */
    public CredentialInterceptor(PrintStream warnings) {
        this.warnings = warnings;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Credential credential = request.tag(Credential.class);
        if (credential == null) {
            return chain.proceed(request.newBuilder().removeHeader("Authorization").removeHeader("PRIVATE-TOKEN")
                    .build());
        }
        HttpUrl wire = request.url();
        Request.Builder sent = request.newBuilder().removeHeader(credential.header());
        if (mayCarryToken(wire)) {
            sent.header(credential.header(), credential.value());
        } else if (warned.add(wire.host())) {
            warnings.println("integration-status: warning: not sending the token for " + LogicalUrl.of(request).host()
                    + " to " + wire.scheme() + "://" + wire.host() + ":" + wire.port()
                    + ": tokens go only over https or to a loopback address");
        }
        Response response = chain.proceed(sent.build());
        return response.newBuilder().request(request).build();
    }

    /**
     * Whether a secret (a token, a wiki password or session) may travel over {@code wire}: https anywhere, or plain
     * http to this machine (tests, a local mirror). Decided on the URL, never on DNS. The one rule for every secret:
     * {@code MediaWikiEditor} refuses a login the same way.
     */
    public static boolean mayCarryToken(HttpUrl wire) {
        return wire.isHttps() || isLoopback(wire.host());
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
