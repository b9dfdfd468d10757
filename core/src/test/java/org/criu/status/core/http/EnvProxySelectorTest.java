package org.criu.status.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Address;
import okhttp3.Authenticator;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.junit.jupiter.api.Test;

/**
 * The proxy variables read as curl reads them, without touching the process's environment or system properties:
 * both are handed in. (The CLI's ProxyTest runs requests through a WireMock proxy.)
 */
class EnvProxySelectorTest {

    /** Stands for the JVM's default selector: says which URI it was asked about, so delegation shows. */
    private static final Proxy JVM_PROXY = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm.example", 8888));
    private static final ProxySelector JVM = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(JVM_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    private static EnvProxySelector selector(Map<String, String> env) {
        return EnvProxySelector.fromEnv(env, name -> null, JVM);
    }

    private static EnvProxySelector selector(Map<String, String> env, Map<String, String> properties) {
        return EnvProxySelector.fromEnv(env, properties::get, JVM);
    }

    private static Proxy http(String host, int port) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    private static Proxy only(EnvProxySelector selector, String url) {
        List<Proxy> proxies = selector.select(URI.create(url));
        assertThat(proxies).hasSize(1);
        return proxies.get(0);
    }

    @Test
    void httpsUrlsUseHttpsProxyAndHttpUrlsUseHttpProxy() {
        EnvProxySelector selector = selector(Map.of("HTTPS_PROXY", "http://secure.example:3128",
                "HTTP_PROXY", "http://plain.example:8080"));

        assertThat(selector.configured()).isTrue();
        assertThat(only(selector, "https://api.github.com/repos/a/b")).isEqualTo(http("secure.example", 3128));
        assertThat(only(selector, "http://criu.org/api.php")).isEqualTo(http("plain.example", 8080));
    }

    @Test
    void lowerCaseWinsOverUpperCaseAndAllProxyIsTheFallback() {
        EnvProxySelector selector = selector(Map.of("https_proxy", "lower.example:1", "HTTPS_PROXY", "upper.example:2",
                "ALL_PROXY", "all.example:3"));

        assertThat(only(selector, "https://a.example/")).isEqualTo(http("lower.example", 1));
        assertThat(only(selector, "http://a.example/")).as("no http_proxy: ALL_PROXY").isEqualTo(http("all.example", 3));
        assertThat(only(selector(Map.of("all_proxy", "a:1", "ALL_PROXY", "b:2")), "https://x.example/"))
                .isEqualTo(http("a", 1));
    }

    @Test
    void aProxyWithoutSchemeIsHttpAndWithoutPortIsOn1080AsInCurl() {
        assertThat(only(selector(Map.of("HTTPS_PROXY", "proxy.example")), "https://x.example/"))
                .isEqualTo(http("proxy.example", 1080));
        assertThat(only(selector(Map.of("HTTPS_PROXY", "http://[::1]:3128/")), "https://x.example/"))
                .isEqualTo(http("::1", 3128));
        assertThat(only(selector(Map.of("HTTPS_PROXY", "socks5h://socks.example:9050")), "https://x.example/"))
                .isEqualTo(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks.example", 9050)));
    }

    @Test
    void upperCaseHttpProxyIsIgnoredInsideACgiScript() {
        // A CGI request's "Proxy:" header arrives as HTTP_PROXY ("httpoxy"); curl and Go ignore it there too.
        EnvProxySelector selector = selector(Map.of("REQUEST_METHOD", "GET", "HTTP_PROXY", "http://attacker.example:80"));

        assertThat(only(selector, "http://criu.org/")).isEqualTo(JVM_PROXY);
        assertThat(only(selector(Map.of("REQUEST_METHOD", "GET", "http_proxy", "http://ops.example:80")),
                "http://criu.org/")).isEqualTo(http("ops.example", 80));
    }

    @Test
    void noProxyMatchesNamesWithTheirSubdomainsPortsAddressesAndRanges() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy.example:3128", "HTTP_PROXY", "proxy.example:3128",
                "NO_PROXY", " internal.example, .corp.example,*.lan , mirror.example:8443,127.0.0.1,10.0.0.0/8,[::1],"
                        + "fd00::/8");
        EnvProxySelector selector = selector(env);
        Proxy proxy = http("proxy.example", 3128);

        assertThat(only(selector, "https://internal.example/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "https://api.internal.example/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "https://notinternal.example/")).as("a suffix is not a subdomain").isEqualTo(proxy);
        assertThat(only(selector, "https://a.corp.example/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "https://corp.example/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "http://printer.lan/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "https://mirror.example:8443/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "https://mirror.example/")).as("another port").isEqualTo(proxy);
        assertThat(only(selector, "http://127.0.0.1:8089/api.php")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "http://127.0.0.2/")).isEqualTo(proxy);
        assertThat(only(selector, "http://10.200.3.4/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "http://11.0.0.1/")).isEqualTo(proxy);
        assertThat(only(selector, "http://[::1]:8080/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "http://[fd12:3456::1]/")).isEqualTo(Proxy.NO_PROXY);
        assertThat(only(selector, "http://[2001:db8::1]/")).isEqualTo(proxy);
        assertThat(only(selector, "https://API.GITHUB.COM/")).isEqualTo(proxy);
        assertThat(only(selector(Map.of("HTTPS_PROXY", "p:1", "no_proxy", "*")), "https://anything.example/"))
                .isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void theJvmsOwnSettingsWinAndCoverWhatTheEnvironmentLeavesOut() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "env.example:3128");

        assertThat(only(selector(env, Map.of("https.proxyHost", "jvm.example")), "https://x.example/"))
                .isEqualTo(JVM_PROXY);
        assertThat(only(selector(env, Map.of("java.net.useSystemProxies", "true")), "https://x.example/"))
                .isEqualTo(JVM_PROXY);
        assertThat(only(selector(env, Map.of("http.proxyHost", "jvm.example")), "https://x.example/"))
                .as("an http.proxyHost says nothing about https").isEqualTo(http("env.example", 3128));
        assertThat(only(selector(env), "http://x.example/")).as("no HTTP_PROXY: the JVM decides").isEqualTo(JVM_PROXY);
        assertThat(selector(Map.of()).configured()).isFalse();
        assertThat(only(selector(Map.of("HTTPS_PROXY", " ")), "https://x.example/")).isEqualTo(JVM_PROXY);
    }

    @Test
    void badValuesNameTheVariableAndNeverThePassword() {
        assertThatThrownBy(() -> selector(Map.of("HTTPS_PROXY", "https://alice:hunter2@proxy.example:3128")))
                .hasMessage("HTTPS_PROXY=https://***@proxy.example:3128: a TLS connection to the proxy (https://) "
                        + "is not supported; use http://");
        assertThatThrownBy(() -> selector(Map.of("http_proxy", "ftp://proxy.example")))
                .hasMessageContaining("http_proxy=ftp://proxy.example: unsupported proxy scheme 'ftp'");
        assertThatThrownBy(() -> selector(Map.of("HTTPS_PROXY", "http://alice:p@ss@proxy.example:3128")))
                .hasMessageContaining("HTTPS_PROXY=http://***@proxy.example:3128").hasMessageContaining("%40")
                .hasMessageNotContaining("p@ss");
        assertThatThrownBy(() -> selector(Map.of("HTTPS_PROXY", "http://alice:hunter2@proxy example")))
                .hasMessageStartingWith("HTTPS_PROXY=http://***@proxy example: not a proxy URL")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> selector(Map.of("ALL_PROXY", "socks5://bob:pw@socks.example")))
                .hasMessageContaining("credentials for a SOCKS proxy are not supported").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> selector(Map.of("NO_PROXY", "10.0.0.0/33")))
                .hasMessage("NO_PROXY entry '10.0.0.0/33': the prefix length must be 0 to 32");
        assertThatThrownBy(() -> selector(Map.of("no_proxy", "host:http")))
                .hasMessage("no_proxy entry 'host:http': ':http' is not a port");
    }

    @Test
    void credentialsGoToTheirProxyOnlyWhenItAsksAndOnlyOnce() throws IOException {
        EnvProxySelector selector = selector(Map.of("HTTPS_PROXY", "http://alice%40corp:p%3Ass+word@proxy.example:3128",
                "HTTP_PROXY", "http://open.example:8080"));
        Authenticator authenticator = selector.authenticator();
        Route viaProxy = route(http("proxy.example", 3128));
        Request request = new Request.Builder().url("https://api.github.com/repos/a/b").build();

        Request preemptive = authenticator.authenticate(viaProxy, challenge(request, "OkHttp-Preemptive"));
        assertThat(preemptive.header("Proxy-Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("alice@corp", "p:ss+word", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(preemptive.header("Authorization")).isNull();
        assertThat(authenticator.authenticate(viaProxy, challenge(request, "Basic realm=\"squid\""))).isNotNull();

        assertThat(authenticator.authenticate(viaProxy, challenge(preemptive, "Basic realm=\"squid\"")))
                .as("refused once: give up, do not loop").isNull();
        assertThat(authenticator.authenticate(viaProxy, challenge(request, "Negotiate"))).as("not Basic").isNull();
        assertThat(authenticator.authenticate(route(http("open.example", 8080)), challenge(request, "Basic realm=x")))
                .as("a proxy without credentials in its URL").isNull();
        assertThat(authenticator.authenticate(route(JVM_PROXY), challenge(request, "Basic realm=x")))
                .as("another proxy never sees them").isNull();
        assertThat(authenticator.authenticate(null, challenge(request, "Basic realm=x"))).isNull();
    }

    @Test
    void redactHidesUserAndPassword() {
        assertThat(EnvProxySelector.redact("http://u:p@h:1")).isEqualTo("http://***@h:1");
        assertThat(EnvProxySelector.redact("u:p@h:1")).isEqualTo("***@h:1");
        assertThat(EnvProxySelector.redact("http://h:1")).isEqualTo("http://h:1");
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PROXY", null);
        assertThat(selector(env).configured()).isFalse();
    }

    private static Route route(Proxy proxy) {
        Address address = new Address("api.github.com", 443, okhttp3.Dns.SYSTEM, javax.net.SocketFactory.getDefault(),
                null, null, null, Authenticator.NONE, proxy, List.of(Protocol.HTTP_1_1), List.of(okhttp3.ConnectionSpec.MODERN_TLS),
                ProxySelector.getDefault());
        return new Route(address, proxy, InetSocketAddress.createUnresolved("proxy", 1));
    }

    private static Response challenge(Request request, String proxyAuthenticate) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(407)
                .message("Proxy Authentication Required").header("Proxy-Authenticate", proxyAuthenticate).build();
    }
}
