package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is retried, how often, and how long the waits asked for are (no test waits them out). */
class RetryInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String URL = "https://api.azul.com/metadata/v1/zulu/packages/?java_version=17&crac_supported=true";
    private static final Clock NOW = Clock.fixed(SourceServer.NOW, ZoneOffset.UTC);

    @Test
    void backoffDoublesPerAttemptAndJitterScalesItByHalfToWhole() {
        HttpLimits limits = HttpLimits.defaults();
        RetryInterceptor low = new RetryInterceptor(limits, d -> { }, NOW, () -> 0.0);
        RetryInterceptor high = new RetryInterceptor(limits, d -> { }, NOW, () -> 0.999_999);

        assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(low.backoff(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(low.backoff(3)).isEqualTo(Duration.ofMillis(1000));
        assertThat(high.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.backoff(2)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        RetryInterceptor retry = new RetryInterceptor(HttpLimits.defaults(), d -> { }, NOW);

        assertThat(retry.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(retry.retryAfter("Thu, 26 Nov 2026 12:00:08 GMT")).contains(Duration.ofSeconds(8));
        assertThat(retry.retryAfter("Thu, 26 Nov 2026 11:00:00 GMT")).contains(Duration.ZERO);
        assertThat(retry.retryAfter("soon")).isEmpty();
        assertThat(retry.retryAfter(null)).isEmpty();
    }

    @Test
    void a503WithAnHttpDateRetryAfterWaitsUntilThen() {
        server.onGet(URL).respond(aResponse().withStatus(503).withHeader("Retry-After", "Thu, 26 Nov 2026 12:00:04 GMT"));

        assertThatThrownBy(() -> server.context().http().get(URL, Map.of())).isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " answered HTTP 503 (Retry-After: Thu, 26 Nov 2026 12:00:04 GMT) "
                        + "(after 3 attempts)");

        assertThat(server.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422, 501})
    void answersThatWillNotChangeAreNotRetried(int status) {
        server.onGet(URL).status(status);

        try {
            server.context().http().get(URL, Map.of());
        } catch (SourceException expected) {
            // 4xx other than 404/410 are failures; only the request count matters here
        }

        assertThat(server.requestsFor(URL)).isEqualTo(1);
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void gitHubsSecondaryLimitOn403WithALongRetryAfterFailsAtOnce() {
        server.onGet(URL).respond(aResponse().withStatus(403).withHeader("Retry-After", "60")
                .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));

        assertThatThrownBy(() -> server.context().http().get(URL, Map.of())).isInstanceOf(SourceException.class)
                .hasMessage("GET " + URL + " answered HTTP 403 asking to retry after 60 s (Retry-After), "
                        + "longer than the 10 s a run waits");
    }

    @Test
    void theRetryAfterBoundIsConfigurable() throws Exception {
        server.onGet(URL).respond(aResponse().withStatus(429).withHeader("Retry-After", "30"));
        OkHttpClient client = server.client(server.httpOptions()
                .withLimits(HttpLimits.defaults().withMaxRetryAfter(Duration.ofMinutes(1)).withMaxAttempts(2)));

        try (Response r = client.newCall(new Request.Builder().url(URL).build()).execute()) {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.header(Http.ATTEMPTS_HEADER)).isEqualTo("2");
        }
        assertThat(server.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        server.onGet(URL).status(500);
        OkHttpClient client = server.client(server.httpOptions().withLimits(HttpLimits.defaults().withMaxAttempts(1)));

        assertThatThrownBy(() -> new org.criu.status.core.source.SourceHttp(client).get(URL, Map.of()))
                .hasMessage("GET " + URL + " answered HTTP 500");
        assertThat(server.requestsFor(URL)).isEqualTo(1);
    }

    @Test
    void requestsThatAreNotIdempotentAreNeverRetried() throws Exception {
        server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(server.pathFor(URL)))
                .willReturn(aResponse().withStatus(502)));

        try (Response r = server.client().newCall(new Request.Builder().url(URL)
                .post(RequestBody.create("{}", null)).build()).execute()) {
            assertThat(r.code()).isEqualTo(502);
        }
        assertThat(server.wireMock().getAllServeEvents()).hasSize(1);
        assertThat(server.sleeps()).isEmpty();
    }
}
