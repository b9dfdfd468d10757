package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --verbose}: one line per request with the logical URL, status, what answered, and time. */
class VerboseLogInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/SchedMD/slurm/tags?per_page=100";
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SourceHttp http() {
        return new SourceHttp(server.client(server.httpOptions()
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8))));
    }

    private List<String> lines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String q(String s) {
        return Pattern.quote(s);
    }

    @Test
    void printsOneLinePerRequestWithTheLogicalUrlAndWhatAnsweredIt() throws Exception {
        server.onGet(TAGS).json("[]");
        SourceHttp http = http();

        http.get(TAGS, Map.of());
        http.get(TAGS, Map.of());

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).matches("GET " + q(TAGS) + " 200 network \\d+ms");
        assertThat(lines().get(1)).matches("GET " + q(TAGS) + " 200 memory \\d+ms");
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("127.0.0.1");
    }

    @Test
    void saysHowManyAttemptsARequestTook() {
        server.onGet(TAGS).status(503);

        assertThatThrownBy(() -> http().get(TAGS, Map.of())).isInstanceOf(SourceException.class);

        assertThat(lines()).singleElement().asString().matches("GET " + q(TAGS) + " 503 network \\d+ms \\(3 attempts\\)");
    }

    @Test
    void showsWhereARedirectLed() throws Exception {
        String old = "https://api.github.com/repos/SchedMD/slurm-old";
        String moved = "https://api.github.com/repositories/6390543";
        server.onGet(old).respond(aResponse().withStatus(301).withHeader("Location", moved));
        server.onGet(moved).json("{}");

        http().get(old, Map.of());

        assertThat(lines()).singleElement().asString()
                .matches("GET " + q(old) + " 200 network \\d+ms \\(redirected to " + q(moved) + "\\)");
    }

    @Test
    void printsFailuresWithTheirReason() {
        server.onGet(TAGS).stall();
        SourceHttp http = new SourceHttp(server.client(server.httpOptions().withTimeout(Duration.ofMillis(200))
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8))));

        // Which of OkHttp's timers fires first (the socket's read timeout or the call's deadline) is a race under
        // load; the cause is a timeout either way, and --verbose words both alike.
        assertThatThrownBy(() -> http.get(TAGS, Map.of())).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(IoFailure.isTimeout((java.io.IOException) e.getCause())).isTrue());

        assertThat(lines()).singleElement().asString().matches("GET " + q(TAGS) + " failed \\(timed out\\) \\d+ms");
    }

    @Test
    void masksSecretLookingQueryParametersAndUserInfo() {
        HttpUrl url = HttpUrl.get("https://user:pw@example.org/api?private_token=abc&per_page=100&api_key=k&q=criu");
        String search = "https://api.github.com/search/issues?per_page=100&q=repo%3Asystemd%2Fsystemd+criu";

        assertThat(VerboseLogInterceptor.redact(url)).isEqualTo(
                "https://example.org/api?private_token=REDACTED&per_page=100&api_key=REDACTED&q=criu");
        assertThat(VerboseLogInterceptor.redact(HttpUrl.get(search))).isEqualTo(search);
    }
}
