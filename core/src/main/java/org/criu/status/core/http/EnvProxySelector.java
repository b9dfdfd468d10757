package org.criu.status.core.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Request;

/**
 * Proxies from the environment, read the way curl reads them:
 * <ul>
 *   <li>{@code https://} URLs use {@code https_proxy}, else {@code HTTPS_PROXY}, else {@code all_proxy} /
 *       {@code ALL_PROXY};</li>
 *   <li>{@code http://} URLs use {@code http_proxy}, else {@code HTTP_PROXY} (ignored when {@code REQUEST_METHOD}
 *       is set, that is inside a CGI script, where a request's {@code Proxy:} header would arrive as
 *       {@code HTTP_PROXY}: "httpoxy"), else {@code all_proxy} / {@code ALL_PROXY};</li>
 *   <li>{@code no_proxy} / {@code NO_PROXY}: comma-separated hosts that go direct; a name matches itself and its
 *       subdomains ({@code example.org} and {@code .example.org} both match {@code api.example.org}), an entry
 *       may carry a port ({@code host:8080}), IP addresses and CIDR ranges ({@code 10.0.0.0/8}) match IP
 *       hosts, and {@code *} sends everything direct.</li>
 * </ul>
 * A proxy is {@code [http://][user:password@]host[:port]} (port 1080 when left out, as in curl) or
 * {@code socks5://host[:port]} / {@code socks5h://} (names are resolved by the SOCKS proxy either way).
 * Credentials in the URL (percent-encoded as in any URL) are sent to that proxy only, as
 * {@code Proxy-Authorization: Basic}, when it asks for them (407) or before a CONNECT tunnel; they never
 * appear in a message: {@link #redact} hides them.
 *
 * <p>The JVM's own settings still work and win when given, as they were set for this run: {@code
 * -Dhttps.proxyHost} (with {@code -Dhttps.proxyPort}, {@code -Dhttp.nonProxyHosts}), {@code -Dhttp.proxyHost},
 * {@code -DsocksProxyHost}, {@code -Djava.net.useSystemProxies=true}. A URL the environment says nothing about
 * also goes to the JVM's default selector (direct, unless configured).
 */
public final class EnvProxySelector extends ProxySelector {

    /** The header value OkHttp puts in the made-up 407 it hands the authenticator before opening a tunnel. */
    private static final String PREEMPTIVE = "OkHttp-Preemptive";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]*:[0-9a-f:.]*");

    /** One configured proxy: where it is and its credentials, if any. */
    private record Configured(Proxy proxy, Optional<Credentials> credentials) {
    }

    private record Credentials(String user, String password) {
    }

    private final Map<String, Configured> byScheme;
    private final List<NoProxyRule> noProxy;
    private final boolean directForAll;
    private final ProxySelector jvm;
    private final UnaryOperator<String> systemProperty;

    private EnvProxySelector(Map<String, Configured> byScheme, List<NoProxyRule> noProxy, boolean directForAll,
                             ProxySelector jvm, UnaryOperator<String> systemProperty) {
        this.byScheme = Map.copyOf(byScheme);
        this.noProxy = List.copyOf(noProxy);
        this.directForAll = directForAll;
        this.jvm = jvm;
        this.systemProperty = systemProperty;
    }

    /**
     * Reads the proxy variables of {@code env}; the JVM's settings come from {@link System#getProperty} and
     * {@link ProxySelector#getDefault()}.
     *
     * @throws IllegalArgumentException naming the variable (with any password hidden) when a value is not a
     *                                  usable proxy
     */
    public static EnvProxySelector fromEnv(Map<String, String> env) {
        return fromEnv(env, System::getProperty, ProxySelector.getDefault());
    }

    /** As {@link #fromEnv(Map)}, with the JVM's side given (tests must not change the process's properties). */
    static EnvProxySelector fromEnv(Map<String, String> env, UnaryOperator<String> systemProperty,
                                    ProxySelector jvm) {
        Map<String, Configured> byScheme = new HashMap<>();
        boolean cgi = present(env, "REQUEST_METHOD");
        first(env, "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                .ifPresent(name -> byScheme.put("https", parse(name, env.get(name))));
        (cgi ? first(env, "http_proxy", "all_proxy", "ALL_PROXY")
                : first(env, "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"))
                .ifPresent(name -> byScheme.put("http", parse(name, env.get(name))));
        List<NoProxyRule> rules = new ArrayList<>();
        boolean all = false;
        Optional<String> noProxyName = first(env, "no_proxy", "NO_PROXY");
        if (noProxyName.isPresent()) {
            for (String entry : env.get(noProxyName.get()).split("[,\\s]+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.equals("*")) {
                    all = true;
                } else {
                    rules.add(NoProxyRule.parse(noProxyName.get(), entry));
                }
            }
        }
        return new EnvProxySelector(byScheme, rules, all, jvm, systemProperty);
    }

    /** Whether the environment names a proxy for any scheme. */
    public boolean configured() {
        return !byScheme.isEmpty();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Configured configured = byScheme.get(scheme);
        if (jvmConfigured(scheme) || configured == null) {
            return jvm != null ? jvm.select(uri) : List.of(Proxy.NO_PROXY);
        }
        if (bypasses(uri)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(configured.proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (jvm != null && byScheme.values().stream().noneMatch(c -> c.proxy().address().equals(address))) {
            jvm.connectFailed(uri, address, e);
        }
    }

    /**
     * Answers a proxy's request for credentials (407, or OkHttp's pre-emptive ask before a CONNECT tunnel) with
     * the credentials of that proxy's URL, once; never for any other proxy or for a server's own 401.
     */
    public Authenticator authenticator() {
        return (route, response) -> {
            if (route == null) {
                return null;
            }
            Optional<Credentials> credentials = byScheme.values().stream()
                    .filter(c -> c.proxy().equals(route.proxy()))
                    .map(Configured::credentials).flatMap(Optional::stream).findFirst();
            if (credentials.isEmpty() || response.request().header("Proxy-Authorization") != null) {
                return null; // nothing to offer, or the proxy refused what was offered: do not loop
            }
            boolean asked = PREEMPTIVE.equals(response.header("Proxy-Authenticate"))
                    || response.challenges().stream().map(Challenge::scheme).anyMatch("Basic"::equalsIgnoreCase);
            if (!asked) {
                return null;
            }
            Request request = response.request();
            return request.newBuilder().header("Proxy-Authorization", okhttp3.Credentials.basic(
                    credentials.get().user(), credentials.get().password(), StandardCharsets.UTF_8)).build();
        };
    }

    /** A proxy setting as it may be printed: any {@code user:password@} becomes {@code ***@}. */
    public static String redact(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return value.substring(0, start) + "***" + value.substring(at);
    }

    private boolean jvmConfigured(String scheme) {
        return set(systemProperty.apply(scheme + ".proxyHost")) || set(systemProperty.apply("socksProxyHost"))
                || "true".equalsIgnoreCase(systemProperty.apply("java.net.useSystemProxies"));
    }

    private boolean bypasses(URI uri) {
        if (directForAll) {
            return true;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        for (NoProxyRule rule : noProxy) {
            if (rule.matches(host, port)) {
                return true;
            }
        }
        return false;
    }

    private static Configured parse(String variable, String raw) {
        String value = raw.strip();
        String shown = variable + "=" + redact(value);
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(shown + ": not a proxy URL (" + redact(e.getReason()) + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h" -> Proxy.Type.SOCKS;
            case "https" -> throw new IllegalArgumentException(shown
                    + ": a TLS connection to the proxy (https://) is not supported; use http://");
            default -> throw new IllegalArgumentException(shown + ": unsupported proxy scheme '" + scheme
                    + "' (use http://, socks5:// or socks5h://)");
        };
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(shown + ": no proxy host in it (expected http://host:port"
                    + (value.indexOf('@') != value.lastIndexOf('@') ? "; write an @ in the password as %40" : "")
                    + ")");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? 1080 : uri.getPort();
        Optional<Credentials> credentials = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            if (type == Proxy.Type.SOCKS) {
                throw new IllegalArgumentException(shown + ": credentials for a SOCKS proxy are not supported");
            }
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String password = colon < 0 ? "" : userInfo.substring(colon + 1);
            try {
                credentials = Optional.of(new Credentials(URLDecoder.decode(user.replace("+", "%2B"),
                        StandardCharsets.UTF_8), URLDecoder.decode(password.replace("+", "%2B"),
                        StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(shown + ": the user or password has a bad %-escape");
            }
        }
        return new Configured(new Proxy(type, InetSocketAddress.createUnresolved(host, port)), credentials);
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            if (present(env, name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean present(Map<String, String> env, String name) {
        return set(env.get(name));
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** One {@code NO_PROXY} entry: a domain (and its subdomains), an IP address, or a CIDR range; maybe a port. */
    private record NoProxyRule(Optional<String> domain, Optional<byte[]> network, int prefixBits, int port) {

        static NoProxyRule parse(String variable, String raw) {
            String entry = raw.toLowerCase(Locale.ROOT);
            String shown = variable + " entry '" + raw + "'";
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                byte[] address = ipLiteral(entry.substring(0, slash))
                        .orElseThrow(() -> new IllegalArgumentException(shown + ": not an IP range (like 10.0.0.0/8)"));
                int bits;
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException(shown + ": the prefix length must be 0 to " + address.length * 8);
                }
                return new NoProxyRule(Optional.empty(), Optional.of(address), bits, -1);
            }
            int port = -1;
            String host = entry;
            if (host.startsWith("[")) { // [::1] or [::1]:8080
                int close = host.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(shown + ": unbalanced [");
                }
                port = port(shown, host.substring(close + 1));
                host = host.substring(1, close);
            } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) { // host:port
                port = port(shown, host.substring(host.indexOf(':')));
                host = host.substring(0, host.indexOf(':'));
            }
            Optional<byte[]> ip = ipLiteral(host);
            if (ip.isPresent()) {
                return new NoProxyRule(Optional.empty(), ip, ip.get().length * 8, port);
            }
            while (host.startsWith("*.") || host.startsWith(".")) {
                host = host.substring(host.startsWith("*.") ? 2 : 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException(shown + ": no host in it");
            }
            return new NoProxyRule(Optional.of(host), Optional.empty(), 0, port);
        }

        boolean matches(String host, int hostPort) {
            if (port != -1 && port != hostPort) {
                return false;
            }
            if (domain.isPresent()) {
                return host.equals(domain.get()) || host.endsWith("." + domain.get());
            }
            Optional<byte[]> address = ipLiteral(host);
            if (address.isEmpty() || address.get().length != network.get().length) {
                return false;
            }
            byte[] a = address.get();
            byte[] n = network.get();
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != n[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (n[full] & mask);
        }

        private static int port(String shown, String suffix) {
            if (suffix.isEmpty()) {
                return -1;
            }
            try {
                int port = Integer.parseInt(suffix.substring(1));
                if (suffix.charAt(0) == ':' && port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException(shown + ": '" + suffix + "' is not a port");
        }

        /** The bytes of an IPv4 or IPv6 literal; never a name lookup (a name gives empty). */
        private static Optional<byte[]> ipLiteral(String host) {
            if (IPV4.matcher(host).matches()) {
                String[] parts = host.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(bytes);
            }
            if (!IPV6.matcher(host).matches()) {
                return Optional.empty();
            }
            try {
                // Only hex digits, colons and dots: InetAddress parses it as a literal and never asks DNS.
                return Optional.of(InetAddress.getByName(host).getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }
}
