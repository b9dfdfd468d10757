package org.criu.status.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.criu.status.core.http.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies from the environment, end to end through the CLI: a WireMock on loopback acts as the HTTP proxy (it
 * receives the absolute-form requests a proxy gets, Host header naming the real origin), and a small loopback
 * server stands in for a proxy's CONNECT, where an https request's headers never show. The origins' names are
 * never resolved here: the proxy is asked for them, so no test touches the network.
 */
class ProxyTest {

    private static final String WIKI = "http://wiki.example.test/api.php";
    private static final String PASSWORD = "s3cret!pw";
    private static final String PROXY_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final WireMockServer origin = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        proxy.start();
        origin.start();
    }

    @AfterEach
    void stop() {
        proxy.stop();
        origin.stop();
    }

    /** The wiki's answer for the page, as recorded from criu.org for the offline demo. */
    private static String pageAnswer() throws IOException {
        try (Stream<Path> files = Files.list(CheckCommandTest.RECORDING)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("criu.org_api.php")).findFirst()
                    .orElseThrow();
            return Exchange.read(file).body();
        }
    }

    private String proxyUrl(boolean withCredentials) {
        return "http://" + (withCredentials ? "alice:s3cret%21pw@" : "") + "127.0.0.1:" + proxy.port();
    }

    /** The proxy asks for credentials (407) until a request carries the right ones, then serves the wiki. */
    private void proxyServesTheWikiBehindBasicAuth() throws IOException {
        proxy.stubFor(get(urlPathEqualTo("/api.php")).withHost(equalTo("wiki.example.test"))
                .withHeader("Proxy-Authorization", equalTo(PROXY_AUTHORIZATION))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(pageAnswer())));
        proxy.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
    }

    @Test
    void httpRequestsGoThroughHttpProxyWithItsCredentialsAndThePasswordIsNeverPrinted() throws IOException {
        proxyServesTheWikiBehindBasicAuth();

        CliRun run = CliRun.of(Map.of("HTTP_PROXY", proxyUrl(true)),
                args("parse", "--no-cache", "--verbose", "--wiki", WIKI));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Integration (" + WIKI + ", revision");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("s3cret").doesNotContain("alice");
        List<LoggedRequest> seen = proxy.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(seen).as("asked, then answered with the credentials").hasSize(2);
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.getHeader("Host")).isEqualTo("wiki.example.test");
            assertThat(r.containsHeader("Authorization")).isFalse();
        });
        assertThat(seen).filteredOn(r -> r.containsHeader("Proxy-Authorization")).hasSize(1);
    }

    @Test
    void lowerCaseHttpProxyIsHonouredAndWrongCredentialsEndInA407NotALoop() throws IOException {
        proxyServesTheWikiBehindBasicAuth();

        CliRun run = CliRun.of(Map.of("http_proxy", "http://alice:wrong@127.0.0.1:" + proxy.port()),
                args("parse", "--no-cache", "--wiki", WIKI));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("answered HTTP 407").doesNotContain("wrong");
        assertThat(proxy.getAllServeEvents()).as("one ask, one try with the credentials").hasSize(2);
    }

    @Test
    void noProxyHostsAreReachedDirectlyAndSeeNoProxyCredentials() throws IOException {
        origin.stubFor(get(urlPathEqualTo("/api.php")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(pageAnswer())));
        String direct = "http://127.0.0.1:" + origin.port() + "/api.php";

        CliRun run = CliRun.of(Map.of("HTTP_PROXY", proxyUrl(true), "NO_PROXY", "localhost,127.0.0.1"),
                args("parse", "--no-cache", "--wiki", direct));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(origin.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().containsHeader("Proxy-Authorization")).isFalse());
    }

    @Test
    void httpsGoesThroughAConnectTunnelThatCarriesTheProxyCredentialsButNeverTheToken() throws Exception {
        try (ConnectRecorder tunnel = new ConnectRecorder()) {
            // The token is for api.github.com, so this request carries it: inside the tunnel, never on the CONNECT.
            CliRun run = CliRun.of(Map.of("HTTPS_PROXY", "http://alice:s3cret%21pw@127.0.0.1:" + tunnel.port(),
                            "GITHUB_TOKEN", "ghp_tokenForGitHubOnly"),
                    args("parse", "--no-cache", "--wiki", "https://api.github.com/api.php"));

            assertThat(run.exitCode()).as("the proxy refused the tunnel").isEqualTo(2);
            assertThat(run.err()).contains("Unexpected response code for CONNECT: 403");
            assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("s3cret")
                    .doesNotContain("ghp_tokenForGitHubOnly");
            List<String> heads = tunnel.heads();
            assertThat(heads).as("one CONNECT per attempt").hasSize(3).allSatisfy(head -> {
                assertThat(head).startsWith("CONNECT api.github.com:443 HTTP/1.1\r\n");
                assertThat(head).contains("Proxy-Authorization: " + PROXY_AUTHORIZATION + "\r\n");
                assertThat(head).doesNotContain("ghp_tokenForGitHubOnly").doesNotContainIgnoringCase("\nAuthorization:");
            });
        }
    }

    @Test
    void aBadProxySettingIsAUsageErrorNamingTheVariableWithoutThePassword() {
        CliRun run = CliRun.of(Map.of("HTTPS_PROXY", "https://alice:" + PASSWORD + "@proxy.example:3128"),
                args("parse", "--no-cache"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("integration-status: HTTPS_PROXY=https://***@proxy.example:3128: "
                + "a TLS connection to the proxy (https://) is not supported; use http://").doesNotContain(PASSWORD);
        assertThat(CliRun.of(Map.of("HTTPS_PROXY", "https://x@proxy.example"),
                args("check", "--replay", CheckCommandTest.RECORDING)).exitCode())
                .as("a replayed run needs no proxy and ignores the setting").isEqualTo(1);
    }

    /**
     * A proxy's listening end as far as a CONNECT goes: records each request head, refuses the tunnel (403) and
     * closes. Connections are served one at a time on one thread; {@link #heads()} is read after the run.
     */
    private static final class ConnectRecorder implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> heads = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread = new Thread(this::serve, "connect-recorder");

        ConnectRecorder() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> heads() {
            synchronized (heads) {
                return List.copyOf(heads);
            }
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    heads.add(readHead(socket.getInputStream()));
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed: the test is over
                }
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
