package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A spent GitHub limit ends GitHub API calls for the run, at once, saying until when; nothing sleeps. */
class GitHubRateLimitInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String RELEASES = "https://api.github.com/repos/containers/podman/releases?per_page=100";
    private static final String REPO = "https://api.github.com/repos/containers/podman";
    private static final Instant RESET = Instant.parse("2026-11-26T12:31:40Z");

    @Test
    void withATokenTheMessageDoesNotSuggestSettingOne() {
        server.env(Map.of("GITHUB_TOKEN", "ghp_x")).onGet(RELEASES).gitHubRateLimited(RESET);

        assertThatThrownBy(() -> server.context().http().get(RELEASES, Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessage("GitHub rate limit exhausted until 12:31 UTC (the GITHUB_TOKEN account's hourly limit)");
    }

    @Test
    void a429WithNothingRemainingIsTheSameStop() {
        server.onGet(RELEASES).respond(aResponse().withStatus(429).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(RESET.getEpochSecond())).withBody("{}"));
        SourceHttp http = server.context().http();

        assertThatThrownBy(() -> http.get(RELEASES, Map.of())).hasMessageStartingWith(
                "GitHub rate limit exhausted until 12:31 UTC");
        assertThatThrownBy(() -> http.get(REPO, Map.of())).hasMessageStartingWith(
                "GitHub rate limit exhausted until 12:31 UTC");
        assertThat(server.requestsFor(RELEASES)).isEqualTo(1);
        assertThat(server.requestsFor(REPO)).isZero();
        assertThat(server.sleeps()).isEmpty();
    }

    @Test
    void aForbiddenThatIsNotTheRateLimitPassesThrough() throws Exception {
        server.onGet(REPO).respond(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "41")
                .withBody("{\"message\":\"Repository access blocked\"}"));
        server.onGet(RELEASES).json("[]");
        SourceHttp http = server.context().http();

        assertThatThrownBy(() -> http.get(REPO, Map.of())).hasMessage("GET " + REPO + " answered HTTP 403");
        assertThat(http.get(RELEASES, Map.of())).isPresent();
    }

    @Test
    void theStopLiftsOnceTheResetTimeHasPassed() throws Exception {
        Instant[] now = {SourceServer.NOW};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        server.onGet(REPO).gitHubRateLimited(RESET);
        server.onGet(RELEASES).json("[]");
        OkHttpClient client = server.client(server.httpOptions().withClock(clock));
        GitHubRateLimitInterceptor limit = (GitHubRateLimitInterceptor) client.networkInterceptors().stream()
                .filter(i -> i instanceof GitHubRateLimitInterceptor).findFirst().orElseThrow();

        assertThatThrownBy(() -> new SourceHttp(client).get(REPO, Map.of())).isInstanceOf(SourceException.class);
        assertThat(limit.exhaustedUntil()).contains(RESET);
        now[0] = RESET.plus(Duration.ofSeconds(1));

        assertThat(limit.exhaustedUntil()).isEmpty();
        try (Response r = client.newCall(new Request.Builder().url(RELEASES).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void aResetInThePastStillStopsForAMinuteSinceTheClockMustBeOff() {
        server.onGet(REPO).gitHubRateLimited(SourceServer.NOW.minus(Duration.ofMinutes(10)));

        assertThatThrownBy(() -> server.context().http().get(REPO, Map.of()))
                .hasMessageStartingWith("GitHub rate limit exhausted until 12:01 UTC");
    }

    @Test
    void aSpentSearchBudgetStopsSearchesOnlyNotTheCoreApi() throws Exception {
        String search = "https://api.github.com/search/issues?per_page=100&q=repo%3Asystemd%2Fsystemd+criu";
        server.onGet(search).respond(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "10").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Resource", "search")
                .withHeader("X-RateLimit-Reset", Long.toString(RESET.getEpochSecond()))
                .withBody("{\"message\":\"API rate limit exceeded for 1.2.3.4.\"}"));
        server.onGet(REPO).json("{\"full_name\":\"containers/podman\"}");
        SourceHttp http = server.context().http();

        assertThatThrownBy(() -> http.get(search, Map.of())).isInstanceOf(SourceException.class)
                .hasMessage("GitHub search rate limit exhausted until 12:31 UTC; set GITHUB_TOKEN for a higher "
                        + "search limit");
        assertThatThrownBy(() -> http.get(search, Map.of())).hasMessageStartingWith("GitHub search rate limit");
        assertThat(http.get(REPO, Map.of())).isPresent();
        assertThat(server.requestsFor(search)).isEqualTo(1);
    }
}
