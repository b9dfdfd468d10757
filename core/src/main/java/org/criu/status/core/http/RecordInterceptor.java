package org.criu.status.core.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Saves every exchange of a run into {@code --record DIR}, one readable file each, keyed by the logical URL,
 * each body sealed with its length and digest ({@link Exchange}).
 */
public final class RecordInterceptor implements Interceptor {

    /** Headers worth keeping: what clients read. Cookies and tracing noise stay out of a reviewable recording. */
    private static final Set<String> KEPT = Set.of("date", "content-type", "link", "location", "etag", "last-modified",
            "retry-after", "x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-limit", "x-total-pages",
            "x-next-page");

    private final Path dir;

    public RecordInterceptor(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        byte[] bytes = body.bytes();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.headers().forEach(h -> {
            if (KEPT.contains(h.getFirst().toLowerCase(Locale.ROOT))) {
                headers.add(Map.entry(h.getFirst(), h.getSecond()));
            }
        });
        Exchange exchange = new Exchange(request.method(), request.url().toString(), response.code(), headers,
                new String(bytes, StandardCharsets.UTF_8)).sealed();
        write(exchange);
        return response.newBuilder().body(ResponseBody.create(bytes, type)).build();
    }

    /**
     * Writes atomically: a temp file beside the target, then a rename. The temp file is created the ordinary
     * way, so a recording gets the user's umask (it is meant to be shared and committed), not 0600.
     */
    private void write(Exchange exchange) throws IOException {
        Path target = dir.resolve(fileName(exchange));
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(exchange.toText().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A name a person can read ("api.github.com_repos_file_file_tags-3f2a9c1b.http"), unique per request. */
    static String fileName(Exchange exchange) {
        String url = exchange.url().replaceFirst("^https?://", "");
        String slug = url.replaceAll("[^A-Za-z0-9.-]+", "_");
        if (slug.length() > 90) {
            slug = slug.substring(0, 90);
        }
        String hash = String.format("%08x", exchange.key().hashCode());
        return slug + "-" + hash + ".http";
    }
}
