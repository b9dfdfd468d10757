package org.criu.status.cli.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.criu.status.core.http.Exchange;
import org.criu.status.core.testkit.SourceServer;

/**
 * Serves a replay recording ({@code examples/criu-2026-11}) from WireMock on loopback the way the live
 * sources would: each exchange under {@code /<host>/<path>}, with a fixed latency, GitHub's caching headers
 * and an ETag per body, and a 304 for a request that sends that ETag back. The CLI reaches it through
 * {@code --origin} rewrites, exactly as a run against a mirror.
 */
public final class RecordingServer implements AutoCloseable {

    /**
     * The caching headers each origin really sends: GitHub's API lets a private cache keep answers a minute,
     * raw.githubusercontent.com five, MediaWiki's API asks to revalidate every time; others are treated alike.
     */
    static String cacheControl(String host) {
        return switch (host) {
            case "api.github.com" -> "private, max-age=60, s-maxage=60";
            case "raw.githubusercontent.com" -> "max-age=300";
            default -> "private, must-revalidate, max-age=0";
        };
    }

    private static final Set<String> REPLACED = Set.of("etag", "cache-control", "date", "last-modified",
            "content-length", "content-digest");

    private final WireMockServer server;
    private final List<Exchange> exchanges;
    private final Set<String> origins = new TreeSet<>();

    /**
     * Starts serving every {@code .http} file in {@code dir}.
     *
     * @param latency added to every answer, 200 or 304 (a round trip to a distant API)
     * @param age     how old answers claim to be ({@code Date}); past an origin's max-age (10 minutes is past
     *                all of them) a later run revalidates instead of reading its disk cache
     */
    public RecordingServer(Path dir, Duration latency, Duration age) throws IOException {
        this.exchanges = read(dir);
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).asynchronousResponseEnabled(true).asynchronousResponseThreads(32));
        server.start();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minus(age));
        int delay = (int) latency.toMillis();
        for (Exchange exchange : exchanges) {
            HttpUrl url = HttpUrl.get(exchange.url());
            origins.add(url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
                    : ":" + url.port()));
            String path = "/" + url.host() + url.encodedPath() + (url.encodedQuery() == null ? ""
                    : "?" + url.encodedQuery());
            ResponseDefinitionBuilder full = aResponse().withStatus(exchange.status()).withFixedDelay(delay)
                    .withHeader("Date", date).withBody(exchange.body().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> h : exchange.headers()) {
                if (!REPLACED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    full.withHeader(h.getKey(), h.getValue());
                }
            }
            if (exchange.status() == 200 && exchange.method().equals("GET")) {
                String etag = "W/\"" + sha1(exchange.body()) + "\"";
                String cacheControl = cacheControl(url.host());
                full.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl);
                server.stubFor(get(urlEqualTo(path)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                        .willReturn(aResponse().withStatus(304).withFixedDelay(delay).withHeader("Date", date)
                                .withHeader("ETag", etag).withHeader("Cache-Control", cacheControl)));
            }
            // By method: a recording also holds HEADs (the runs' checks that a host answers normally).
            server.stubFor(request(exchange.method(), urlEqualTo(path)).atPriority(5).willReturn(full));
        }
    }

    private static List<Exchange> read(Path dir) throws IOException {
        List<Exchange> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
                all.add(Exchange.read(file));
            }
        }
        if (all.isEmpty()) {
            throw new IOException(dir + ": no .http exchanges");
        }
        return all;
    }

    /** How many exchanges the recording holds. */
    public int exchanges() {
        return exchanges.size();
    }

    /**
     * {@code --origin} arguments sending every origin of the recording, and every origin the test kit knows
     * (so a checker asking for something unrecorded gets this server's 404, never the internet), here.
     */
    public List<String> originArgs() {
        Set<String> all = new TreeSet<>(origins);
        all.addAll(SourceServer.ORIGINS);
        List<String> args = new ArrayList<>();
        for (String origin : all) {
            args.add("--origin");
            args.add(origin + "=" + server.baseUrl() + "/" + HttpUrl.get(origin).host());
        }
        return args;
    }

    /** Requests received since the last {@link #reset()}. */
    public List<ServeEvent> served() {
        return server.getAllServeEvents();
    }

    /** Requests no exchange of the recording answered (the checker asked for something unrecorded). */
    public int unmatched() {
        return server.findAllUnmatchedRequests().size();
    }

    /** Forgets the requests received so far. */
    public void reset() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String sha1(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
