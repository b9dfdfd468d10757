package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens go to their own host (also behind --origin) and nowhere else, on the wire only over https or to a
 * loopback address (every test here sends plain http to WireMock on 127.0.0.1), and are never printed.
 */
class TokenInterceptorTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String GITHUB_TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String GITLAB_TOKEN = "glpat-Xq3vR8sT2uW4yZ6aB8cD";
    private static final String API = "https://api.github.com/repos/containers/podman";
    private static final String RAW = "https://raw.githubusercontent.com/containers/podman/v5.6.0/RELEASE_NOTES.md";
    private static final String GITLAB = "https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston";
    private static final String REPOLOGY = "https://repology.org/api/v1/project/criu";

    private SourceHttp http(Map<String, String> env) {
        return new SourceHttp(server.client(server.env(env).httpOptions()));
    }

    private void stubAll() {
        server.onGet(API).json("{\"full_name\":\"containers/podman\"}");
        server.onGet(RAW).text("## 5.6.0\n");
        server.onGet(GITLAB).json("{\"id\":166}");
        server.onGet(REPOLOGY).json("[]");
    }

    @Test
    void theGitHubTokenGoesOnlyToTheRewrittenApiHost() throws Exception {
        stubAll();
        SourceHttp http = http(Map.of("GITHUB_TOKEN", GITHUB_TOKEN));

        for (String url : new String[] {API, RAW, GITLAB, REPOLOGY}) {
            http.get(url, Map.of());
        }

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(API)))
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN)));
        for (String url : new String[] {RAW, GITLAB, REPOLOGY}) {
            server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(url)))
                    .withHeader("Authorization", absent()).withHeader("PRIVATE-TOKEN", absent()));
        }
    }

    @Test
    void theGitLabTokenGoesOnlyToTheGitLabHost() throws Exception {
        stubAll();
        SourceHttp http = http(Map.of("GITLAB_TOKEN", GITLAB_TOKEN));

        for (String url : new String[] {API, RAW, GITLAB, REPOLOGY}) {
            http.get(url, Map.of());
        }

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(GITLAB)))
                .withHeader("PRIVATE-TOKEN", equalTo(GITLAB_TOKEN)).withHeader("Authorization", absent()));
        for (String url : new String[] {API, RAW, REPOLOGY}) {
            server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(url)))
                    .withHeader("Authorization", absent()).withHeader("PRIVATE-TOKEN", absent()));
        }
    }

    @Test
    void aCallersOwnAuthorizationHeaderIsDroppedForOtherHosts() throws Exception {
        stubAll();
        SourceHttp http = http(Map.of("GITHUB_TOKEN", GITHUB_TOKEN));

        http.get(RAW, Map.of("Authorization", "Bearer " + GITHUB_TOKEN));

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(RAW))).withHeader("Authorization", absent()));
    }

    @Test
    void theTokenDoesNotFollowARedirectToAnotherHostButDoesWithinItsOwn() throws Exception {
        String moved = "https://api.github.com/repositories/109145553";
        String readme = "https://api.github.com/repos/containers/podman/readme";
        server.onGet(API).respond(aResponse().withStatus(301).withHeader("Location", moved));
        server.onGet(moved).json("{\"full_name\":\"containers/podman\"}");
        server.onGet(readme).respond(aResponse().withStatus(302).withHeader("Location", RAW));
        server.onGet(RAW).text("## 5.6.0\n");
        SourceHttp http = http(Map.of("GITHUB_TOKEN", GITHUB_TOKEN));

        http.get(API, Map.of());
        http.get(readme, Map.of());

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(moved)))
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN)));
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(RAW))).withHeader("Authorization", absent()));
    }

    @Test
    void plainHttpToTheApiHostGetsNoToken() throws Exception {
        server.origin("http://api.github.com");
        String insecure = "http://api.github.com/repos/containers/podman";
        server.onGet(insecure).json("{}");

        http(Map.of("GITHUB_TOKEN", GITHUB_TOKEN)).get(insecure, Map.of());

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(insecure)))
                .withHeader("Authorization", absent()));
    }

    @Test
    void tokensNeverAppearInTheVerboseLogOrInFailureMessages() {
        server.onGet(API).status(500);
        server.onGet(GITLAB).respond(aResponse().withStatus(401)
                .withBody("{\"message\":\"401 Unauthorized\"}"));
        server.onGet(RAW).stall();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SourceHttp http = new SourceHttp(server.client(server.env(Map.of("GITHUB_TOKEN", GITHUB_TOKEN,
                        "GITLAB_TOKEN", GITLAB_TOKEN)).httpOptions().withTimeout(Duration.ofMillis(200))
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8))));

        StringBuilder messages = new StringBuilder();
        for (String url : new String[] {API, GITLAB, RAW}) {
            assertThatThrownBy(() -> http.get(url, Map.of())).isInstanceOf(SourceException.class)
                    .satisfies(e -> messages.append(e.getMessage()).append('\n')
                            .append(e.getCause() == null ? "" : e.getCause().toString()).append('\n'));
        }

        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(3);
        assertThat(printed + messages).doesNotContain(GITHUB_TOKEN).doesNotContain(GITLAB_TOKEN)
                .doesNotContain("Bearer");
    }

    @Test
    void tellsWhichHostsHaveATokenWithoutRevealingIt() {
        TokenInterceptor tokens = TokenInterceptor.fromEnv(Map.of("GITHUB_TOKEN", " " + GITHUB_TOKEN + "\n",
                "GITLAB_TOKEN", "  ", "GITLAB_HOST", "gitlab.example.org"));

        assertThat(tokens.hasToken("api.github.com")).isTrue();
        assertThat(tokens.hasToken("gitlab.example.org")).isFalse();
        assertThat(tokens.hasToken("github.com")).isFalse();
        assertThat(tokens.toString()).doesNotContain(GITHUB_TOKEN);
    }

    @Test
    void theTokenIsNeverSentOverPlainHttpToAMirrorOnAnotherMachine() throws Exception {
        // The mirror's name resolves to this machine for the test, but the decision is made on the URL sent:
        // http to a host that is not a loopback address.
        String mirror = "http://mirror.example:" + server.wireMock().port() + "/api.github.com";
        server.onGet(API).json("{\"full_name\":\"containers/podman\"}");
        server.onGet(API + "/tags").json("[]");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HttpOptions options = server.env(Map.of("GITHUB_TOKEN", GITHUB_TOKEN)).httpOptions()
                .withOrigins(new OriginRewrite(java.util.List.of(new OriginRewrite.Rule("https://api.github.com",
                        mirror))))
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8));
        okhttp3.OkHttpClient client = server.client(options).newBuilder()
                .dns(host -> java.util.List.of(java.net.InetAddress.getLoopbackAddress())).build();
        SourceHttp http = new SourceHttp(client);

        http.get(API, Map.of());
        http.get(API + "/tags", Map.of());

        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(API)))
                .withHeader("Authorization", absent()));
        assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "integration-status: warning: not sending the token for api.github.com to http://mirror.example:"
                        + server.wireMock().port() + ": tokens go only over https or to a loopback address");
    }

    @Test
    void loopbackIsDecidedOnTheAddressWrittenInTheUrl() {
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1"}) {
            assertThat(CredentialInterceptor.isLoopback(host)).as(host).isTrue();
        }
        for (String host : new String[] {"128.0.0.1", "127.0.0.1.example.org", "mirror.example", "10.0.0.1",
                "127.0.0.256", "::2", "localhost.example.org"}) {
            assertThat(CredentialInterceptor.isLoopback(host)).as(host).isFalse();
        }
        assertThat(CredentialInterceptor.mayCarryToken(okhttp3.HttpUrl.get("https://mirror.example/x"))).isTrue();
        assertThat(CredentialInterceptor.mayCarryToken(okhttp3.HttpUrl.get("http://mirror.example/x"))).isFalse();
    }
}
