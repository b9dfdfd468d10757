package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One request per URL per run, however many checkers ask and when. */
class SingleFlightInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/lxc/incus/tags?per_page=100";
    private static final String BODY = GitHubFixtures.tags("lxc/incus",
            List.of(new GitHubFixtures.TagSpec("v6.15.0", "e4b1b1c3a7f0c2d8a9e6f5b4c3d2e1f0a9b8c7d6")));

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SourceHttp http() {
        return server.context().http();
    }

    @Test
    void concurrentIdenticalGetsShareOneExchange() throws Exception {
        server.onGet(TAGS).respond(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(BODY).withFixedDelay(300));
        SourceHttp http = new SourceHttp(Http.client(server.httpOptions()
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8))));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                bodies.add(pool.submit(() -> {
                    start.await();
                    return http.get(TAGS, Map.of("Accept", "application/vnd.github+json")).orElseThrow().body();
                }));
            }
            start.countDown();
            for (Future<String> body : bodies) {
                assertThat(body.get()).isEqualTo(BODY);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(server.requestsFor(TAGS)).isEqualTo(1);
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(threads);
        assertThat(lines).filteredOn(l -> l.contains(" 200 network ")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains(" 200 shared ") || l.contains(" 200 memory "))
                .hasSize(threads - 1);
    }

    @Test
    void aLaterIdenticalGetIsAnsweredFromMemoryWithItsOwnBody() throws Exception {
        server.onGet(TAGS).json(BODY, Map.of("Link", "<https://api.github.com/repositories/1/tags?page=2>; rel=\"next\""));
        SourceHttp http = http();

        SourceHttp.Page first = http.get(TAGS, Map.of()).orElseThrow();
        SourceHttp.Page second = http.get(TAGS, Map.of()).orElseThrow();

        assertThat(second.body()).isEqualTo(first.body()).isEqualTo(BODY);
        assertThat(second.headers().get("Link")).isEqualTo(first.headers().get("Link"));
        assertThat(second.headers().get(Http.SOURCE_HEADER)).isEqualTo("memory");
        assertThat(server.requestsFor(TAGS)).isEqualTo(1);
    }

    @Test
    void notFoundIsRememberedToo() throws Exception {
        server.onGet(TAGS).notFound();
        SourceHttp http = http();

        assertThat(http.get(TAGS, Map.of())).isEmpty();
        assertThat(http.get(TAGS, Map.of())).isEmpty();
        assertThat(server.requestsFor(TAGS)).isEqualTo(1);
    }

    @Test
    void aDifferentAcceptIsADifferentRequest() throws Exception {
        server.onGet(TAGS).json(BODY);
        SourceHttp http = http();

        http.get(TAGS, Map.of("Accept", "application/vnd.github+json"));
        http.get(TAGS, Map.of("Accept", "application/vnd.github.raw+json"));
        http.get(TAGS, Map.of("Accept", "application/vnd.github+json"));

        assertThat(server.requestsFor(TAGS)).isEqualTo(2);
    }

    @Test
    void eachRunHasItsOwnMemory() throws Exception {
        server.onGet(TAGS).json(BODY);

        server.context().http().get(TAGS, Map.of());
        server.context().http().get(TAGS, Map.of());

        assertThat(server.requestsFor(TAGS)).isEqualTo(2);
    }

    @Test
    void aFailureIsNotRememberedSoALaterCallerTriesAgain() throws Exception {
        server.onGet(TAGS).fault(Fault.CONNECTION_RESET_BY_PEER);
        SourceHttp http = http();
        assertThatThrownBy(() -> http.get(TAGS, Map.of())).isInstanceOf(SourceException.class);

        server.onGet(TAGS).json(BODY);

        assertThat(http.get(TAGS, Map.of())).hasValueSatisfying(p -> assertThat(p.body()).isEqualTo(BODY));
    }

    @Test
    void otherMethodsAreNeverShared() throws Exception {
        String graphql = "https://api.github.com/graphql";
        server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(server.pathFor(graphql)))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        OkHttpClient client = server.client();

        for (int i = 0; i < 2; i++) {
            try (Response r = client.newCall(new Request.Builder().url(graphql)
                    .post(RequestBody.create("{\"query\":\"{viewer{login}}\"}", null)).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
        }

        assertThat(server.wireMock().getAllServeEvents()).hasSize(2);
    }
}
