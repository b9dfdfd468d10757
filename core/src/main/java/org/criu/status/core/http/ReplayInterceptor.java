package org.criu.status.core.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.criu.status.core.model.SourceException;

/** Answers every request from a recording ({@code --replay DIR}); nothing reaches the network. */
public final class ReplayInterceptor implements Interceptor {

    private final Path dir;
    private final Map<String, Exchange> exchanges;

    private ReplayInterceptor(Path dir, Map<String, Exchange> exchanges) {
        this.dir = dir;
        this.exchanges = exchanges;
    }

    /**
     * Loads every exchange file in {@code dir}.
     *
     * @throws IOException naming the folder or the file that cannot be read
     */
    public static ReplayInterceptor load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("--replay " + dir + ": not a folder");
        }
        Map<String, Exchange> map = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".http")).sorted().toList()) {
                Exchange exchange = Exchange.read(file);
                map.put(exchange.key(), exchange);
            }
        }
        if (map.isEmpty()) {
            throw new IOException("--replay " + dir + ": no recorded exchanges (*.http files)");
        }
        return new ReplayInterceptor(dir, map);
    }

    public int size() {
        return exchanges.size();
    }

    /**
     * When the recording was made: the newest {@code Date} header among its answers (servers send one with every
     * response, and {@code --record} keeps it); empty when none carries one. A replayed run reads the world as it
     * was then, so "now" for its age rules and "seen" dates is this instant.
     */
    public java.util.Optional<java.time.Instant> recordedAt() {
        return exchanges.values().stream()
                .flatMap(e -> e.headers().stream())
                .filter(h -> h.getKey().equalsIgnoreCase("Date"))
                .map(h -> okhttp3.Headers.of("Date", h.getValue()).getDate("Date"))
                .filter(java.util.Objects::nonNull)
                .map(java.util.Date::toInstant)
                .max(java.util.Comparator.naturalOrder());
    }

    /** The replay interceptor of a client built by {@link Http#client}, if it replays. */
    public static java.util.Optional<ReplayInterceptor> of(okhttp3.OkHttpClient client) {
        return client.interceptors().stream().filter(ReplayInterceptor.class::isInstance)
                .map(ReplayInterceptor.class::cast).findFirst();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String url = request.url().toString();
        Exchange exchange = exchanges.get(Exchange.key(request.method(), url));
        if (exchange == null) {
            throw new SourceException(url, "no recording for " + request.method() + " " + url + " in " + dir);
        }
        Response.Builder response = new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(exchange.status())
                .message(exchange.status() < 400 ? "OK" : "Error");
        String contentType = null;
        for (Map.Entry<String, String> h : exchange.headers()) {
            response.addHeader(h.getKey(), h.getValue());
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue();
            }
        }
        response.addHeader(Http.SOURCE_HEADER, "replay");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        return response.body(ResponseBody.create(exchange.body(), type)).build();
    }
}
