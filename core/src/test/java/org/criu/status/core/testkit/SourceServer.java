package org.criu.status.core.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.criu.status.core.engine.RunContext;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.http.OriginRewrite;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.source.HostHealth;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The checker test kit: a WireMock server on loopback standing in for every public source. Stubs are
 * written with the real, logical URL ({@code https://api.github.com/repos/file/file/tags?per_page=100});
 * the kit maps each known origin to a path prefix on the server, exactly as {@code --origin} does.
 * A request no stub answers fails the test (it would otherwise read as "not found" and hide a gap).
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final SourceServer server = new SourceServer();
 * ...
 * server.onGet("https://api.github.com/repos/file/file/tags?per_page=100").json(fixture("tags-ok.json"));
 * Finding f = server.finding(new FileUtilityChecker(), SourceServer.entry("The file utility", "ready"));
 * </pre>
 *
 * <p>Declared {@code static}, the server starts once for the test class and every test starts clean: its
 * stubs, recorded requests, scenarios, environment, extra origins and recorded sleeps are reset before it, and
 * the clients the kit built for it are shut down after it (their calls cancelled, so nothing a test left
 * running reaches the next one). The unmatched-request check runs after every test. Declared as an instance
 * field it still works, starting and stopping a server for every test (slower). A test may stop the server
 * (a source that went away); the next test gets it started again, on a new port.
 */
public final class SourceServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Origins every test gets mapped; add others with {@link #origin(String)}. */
    public static final List<String> ORIGINS = List.of("https://api.github.com", "https://raw.githubusercontent.com",
            "https://github.com", "https://gitlab.freedesktop.org", "https://repology.org", "https://api.azul.com",
            "https://criu.org", "https://docs.docker.com");

    /**
     * The kit's request timeout. A guard against a test hanging, not a speed limit: on a machine shared by many
     * builds a first request to a fresh server has been seen to take over 5 seconds.
     */
    public static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(60);

    /** How long {@link Stub#stall()} keeps a source silent: far past any timeout a test sets. */
    private static final int STALL_MILLIS = 60_000;

    /** "Today" in tests: fixed so age rules give the same answer every day. */
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    // No response templating: no stub uses it, and it is most of what a first request costs (class loading).
    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .templatingEnabled(false));
    private final List<String> extraOrigins = new ArrayList<>();
    private final List<java.time.Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<OkHttpClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Trickle> trickles = new java.util.LinkedHashMap<>();
    private Map<String, String> env = Map.of();
    private boolean allowUnmatched;
    /** Started for the whole class ({@code static} field), so the tests share it. */
    private boolean perClass;

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
        perClass = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!server.isRunning()) {
            server.start();
        }
        server.resetAll();
        extraOrigins.clear();
        sleeps.clear();
        env = Map.of();
        allowUnmatched = false;
        ORIGINS.forEach(this::stubKnownPresent);
    }

    /**
     * Forgets every stub and request of this test so far, as at its start: every host again answers its health
     * probe normally. For a test that tells several stories against one server.
     */
    public void reset() {
        server.resetAll();
        ORIGINS.forEach(this::stubKnownPresent);
    }

    /**
     * Every host answers normally unless a test says otherwise: the resource the run probes on a host's first 404
     * ({@link HostHealth}) answers HEAD with 200 and its type, at a priority any test stub overrides. To make a
     * whole host answer 404, see {@link #everythingNotFoundOn}.
     */
    private void stubKnownPresent(String origin) {
        HostHealth.KnownPresent known = HostHealth.knownPresentFor(HttpUrl.get(origin).host());
        String type = switch (known.shape()) {
            case JSON -> "application/json; charset=utf-8";
            case ATOM -> "application/atom+xml; charset=utf-8";
            case WEB_PAGE -> "text/html; charset=utf-8";
            case RAW_FILE, ANY -> "text/plain; charset=utf-8";
        };
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.head(urlEqualTo(pathFor(known.url())))
                .atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)));
    }

    /**
     * Makes every request to {@code origin} answer 404, the known-present resource too: an API that moved, a
     * mirror that lost its data.
     */
    public void everythingNotFoundOn(String origin) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlMatching(
                                "/" + java.util.regex.Pattern.quote(HttpUrl.get(origin).host()) + "/.*"))
                .atPriority(1).willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("404: Not Found")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            releaseClients();
            trickles.values().forEach(Trickle::close);
            trickles.clear();
            List<LoggedRequest> unmatched = server.findAllUnmatchedRequests();
            if (!allowUnmatched && !unmatched.isEmpty() && context.getExecutionException().isEmpty()) {
                throw new AssertionError("requests no stub answered (add a stub, or they read as 404):\n  "
                        + String.join("\n  ", unmatched.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList()));
            }
        } finally {
            if (!perClass) {
                server.stop();
            }
        }
    }

    /** Ends the clients this test got from the kit: calls still running are cancelled, threads let go. */
    private void releaseClients() {
        for (OkHttpClient client : clients) {
            client.dispatcher().cancelAll();
            Http.release(client);
        }
        clients.clear();
    }

    /** The WireMock server, for verifications and unusual stubs. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Adds an origin to map (before {@link #context()} or {@link #client()} is called). */
    public SourceServer origin(String origin) {
        extraOrigins.add(origin);
        stubKnownPresent(origin);
        return this;
    }

    /** Environment the client sees (tokens). */
    public SourceServer env(Map<String, String> env) {
        this.env = Map.copyOf(env);
        return this;
    }

    /** For tests that expect requests to go unanswered (a "not found" case written without stubs). */
    public SourceServer allowUnmatchedRequests() {
        this.allowUnmatched = true;
        return this;
    }

    /**
     * Sends every request for {@code origin} to a loopback socket that answers with status 200, a JSON
     * Content-Type, the full Content-Length of {@code body} and its first half, and then says nothing more
     * until the test ends: a body trickling in slower than any timeout, whatever the machine's load. (WireMock
     * cannot send headers before its first delayed chunk, so this is not a stub.) Call it before
     * {@link #context()} or {@link #client()}.
     */
    public SourceServer trickling(String origin, String body) {
        trickles.put(origin, new Trickle(body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** The path on the server standing in for a logical URL: {@code /api.github.com/repos/...}. */
    public String pathFor(String logicalUrl) {
        HttpUrl url = HttpUrl.get(logicalUrl);
        String query = url.encodedQuery();
        return "/" + url.host() + url.encodedPath() + (query == null ? "" : "?" + query);
    }

    /** The base URL on the server standing in for an origin: {@code http://127.0.0.1:PORT/api.github.com}. */
    public String baseFor(String origin) {
        return server.baseUrl() + "/" + HttpUrl.get(origin).host();
    }

    /** The {@code --origin} rules that send every known origin to this server. */
    public OriginRewrite origins() {
        List<OriginRewrite.Rule> rules = new ArrayList<>();
        List<String> all = new ArrayList<>(ORIGINS);
        all.addAll(extraOrigins);
        for (String origin : all) {
            Trickle trickle = trickles.get(origin);
            rules.add(new OriginRewrite.Rule(origin, trickle != null ? trickle.base() : baseFor(origin)));
        }
        return new OriginRewrite(rules);
    }

    /**
     * The HTTP options of a test run: rewrites to this server, the kit's environment, the clock at {@link #NOW},
     * and a sleeper that records instead of waiting (retry backoff, Retry-After and per-host spacing cost no test
     * time; {@link #sleeps()} tells what was asked for). The timeout is {@link #TIMEOUT}: only a guard against a
     * hang, never what a test measures; a test of timeouts sets a short one and makes the source
     * {@linkplain Stub#stall() stall}, so no answer can beat the timer however loaded the machine is.
     */
    public HttpOptions httpOptions() {
        return HttpOptions.defaults().withOrigins(origins()).withEnv(env).withTimeout(TIMEOUT)
                .withSleeper(sleeps::add).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The waits the HTTP layer asked for since the test began (backoff, Retry-After, spacing), in order. */
    public List<java.time.Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    /** A client as the CLI builds it, pointed at this server. */
    public OkHttpClient client() {
        return client(httpOptions());
    }

    /** A client built from options (usually {@link #httpOptions()} with something changed). */
    public OkHttpClient client(HttpOptions options) {
        try {
            OkHttpClient client = Http.client(options);
            clients.add(client);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A check context as a run has it, over this server, with the clock fixed at {@link #NOW}. */
    public RunContext context() {
        return new RunContext(client(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Runs {@code checker} on {@code entry} the way a real run does (through the engine, with its timeout
     * and failure isolation) and returns the finding: a source failure becomes {@code unverified}.
     */
    public org.criu.status.core.model.Finding finding(org.criu.status.core.spi.Checker checker, Integration entry) {
        try {
            var registry = org.criu.status.core.engine.CheckerRegistry.of(List.of(checker));
            // The check's deadline is a guard against a hang too, never reached by a check that works.
            var engine = new org.criu.status.core.engine.Engine(registry, context(), java.time.Duration.ofMinutes(5),
                    Optional.empty());
            var page = new org.criu.status.core.model.WikiPage("Integration", "test", Optional.empty(),
                    Optional.empty(), "");
            return engine.run(page, List.of(entry)).findings().get(0);
        } catch (org.criu.status.core.engine.CheckerRegistry.RegistryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code checker} as a run does for an integration the page lacks: on the entry it proposes
     * ({@link org.criu.status.core.spi.Checker#newEntry()}, no status), through the engine, and returns that
     * "not on the page" finding.
     */
    public org.criu.status.core.model.Finding notOnPage(org.criu.status.core.spi.Checker checker) {
        try {
            var registry = org.criu.status.core.engine.CheckerRegistry.of(List.of(checker));
            var engine = new org.criu.status.core.engine.Engine(registry, context(), java.time.Duration.ofSeconds(30),
                    Optional.empty(), 1, true);
            var page = new org.criu.status.core.model.WikiPage("Integration", "test", Optional.empty(),
                    Optional.empty(), "");
            List<org.criu.status.core.model.Finding> found = engine.run(page, List.of()).notOnPage();
            if (found.size() != 1) {
                throw new IllegalArgumentException(checker.id() + " proposes no entry for the page");
            }
            return found.get(0);
        } catch (org.criu.status.core.engine.CheckerRegistry.RegistryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Serves every exchange of a recording folder (the {@code --record} format) at its logical URL, so a
     * test or benchmark can run against real-shaped data over real HTTP. Returns how many were loaded.
     */
    public int serveRecording(java.nio.file.Path dir) {
        int count = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
                var exchange = org.criu.status.core.http.Exchange.read(file);
                ResponseDefinitionBuilder response = aResponse().withStatus(exchange.status())
                        .withBody(exchange.body());
                // The server answers now, as a live origin would: the recorded Date is when it was recorded. The
                // recording's seal is about the file; the server frames the body itself.
                exchange.headers().stream().filter(h -> !h.getKey().equalsIgnoreCase("Date")
                                && !h.getKey().equalsIgnoreCase("Content-Length")
                                && !h.getKey().equalsIgnoreCase("Content-Digest"))
                        .forEach(h -> response.withHeader(h.getKey(), h.getValue()));
                server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(exchange.method(),
                        urlEqualTo(pathFor(exchange.url()))).willReturn(response));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** The {@code --origin} arguments a CLI run needs to reach this server instead of the real origins. */
    public List<String> originArgs() {
        List<String> args = new ArrayList<>();
        for (OriginRewrite.Rule rule : origins().rules()) {
            args.add("--origin");
            args.add(rule.from() + "=" + rule.to());
        }
        return args;
    }

    /** Starts a stub for GET of a logical URL (exact path and query). */
    public Stub onGet(String logicalUrl) {
        return new Stub(get(urlEqualTo(pathFor(logicalUrl))));
    }

    /**
     * Starts a stub for a conditional GET: it matches only when the request carries
     * {@code If-None-Match: etag}, and wins over a plain {@link #onGet} stub for the same URL.
     */
    public Stub onConditionalGet(String logicalUrl, String etag) {
        return new Stub(get(urlEqualTo(pathFor(logicalUrl)))
                .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo(etag))
                .atPriority(1));
    }

    /** How many requests reached the server for a logical URL. */
    public int requestsFor(String logicalUrl) {
        return server.countRequestsMatching(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(pathFor(logicalUrl)))
                        .build()).getCount();
    }

    /** All requests the server received, in order. */
    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    /** The response side of a stub. */
    public final class Stub {
        private final MappingBuilder mapping;

        private Stub(MappingBuilder mapping) {
            this.mapping = mapping;
        }

        public void json(String body) {
            respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(body));
        }

        public void json(String body, Map<String, String> headers) {
            ResponseDefinitionBuilder r = aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
            headers.forEach(r::withHeader);
            respond(r);
        }

        public void text(String body) {
            respond(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body));
        }

        /** An Atom feed, with the Content-Type GitHub sends for tags.atom. */
        public void atom(String body) {
            respond(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                    .withBody(body));
        }

        public void html(String body) {
            respond(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(body));
        }

        /** GitHub's 404 body. */
        public void notFound() {
            respond(aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\","
                            + "\"status\":\"404\"}"));
        }

        public void status(int status) {
            respond(aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withBody("error " + status));
        }

        /** GitHub's 403 for a spent hourly limit, real body and headers, resetting at {@code reset}. */
        public void gitHubRateLimited(Instant reset) {
            respond(aResponse().withStatus(403).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Used", "60").withHeader("X-RateLimit-Resource", "core")
                    .withHeader("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                    .withBody("{\"message\":\"API rate limit exceeded for 1.2.3.4. (But here's the good news: "
                            + "Authenticated requests get a higher rate limit. Check out the documentation for more "
                            + "details.)\",\"documentation_url\":\"https://docs.github.com/rest/overview/"
                            + "resources-in-the-rest-api#rate-limiting\"}"));
        }

        /** A 304 Not Modified carrying the same ETag (the answer to a matching conditional request). */
        public void notModified(String etag) {
            respond(aResponse().withStatus(304).withHeader("ETag", etag));
        }

        /**
         * A source that takes the request and then says nothing: no status line within a minute, far past any
         * timeout a test sets, so the client's timeout is what ends the exchange, whatever the machine's load.
         * (The server lets go of the request when it stops.)
         */
        public void stall() {
            respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")
                    .withFixedDelay(STALL_MILLIS));
        }

        public void fault(Fault fault) {
            respond(aResponse().withFault(fault));
        }

        public void respond(ResponseDefinitionBuilder response) {
            server.stubFor(mapping.willReturn(response));
        }
    }

    /** A loopback origin that sends headers and half a body, then stays silent until closed. */
    private static final class Trickle implements AutoCloseable {
        private final java.net.ServerSocket socket;
        private final List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        Trickle(byte[] body) {
            try {
                socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> serve(body), "trickle-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String base() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void serve(byte[] body) {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket connection = socket.accept();
                    accepted.add(connection);
                    InputStream in = connection.getInputStream();
                    // Read the request head, then answer with the head and half the body, and go silent.
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    var out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, body.length / 2);
                    out.flush();
                } catch (IOException e) {
                    // Closed at the end of the test, or the client gave up: nothing more to serve.
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (java.net.Socket connection : accepted) {
                    connection.close();
                }
            } catch (IOException e) {
                // Closing at the end of a test: nothing to do.
            }
        }
    }

    /** Reads a fixture that sits next to {@code testClass} (same package, in src/test/resources). */
    public static String fixture(Class<?> testClass, String name) {
        try (InputStream in = testClass.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture '" + name + "' next to " + testClass.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page entry as the parser would give it. */
    public static Integration entry(String heading, String status, String... notes) {
        return new Integration(heading, Optional.of("Other"), status, Status.fromWikiText(status), List.of(notes),
                List.of(), -1, -1);
    }
}
