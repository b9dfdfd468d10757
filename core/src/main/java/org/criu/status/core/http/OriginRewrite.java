package org.criu.status.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --origin FROM=TO} mapping: a request for a URL under FROM goes to the same path under TO.
 * Everything inside the tool works with the logical URL (the FROM one); only the wire sees TO. Responses
 * that carry URLs under TO (a mirror's Link header) are mapped back, so they too stay logical.
 */
public final class OriginRewrite {

    /** One FROM=TO pair; both are URL prefixes without a trailing slash. */
    public record Rule(String from, String to) {
        public Rule {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final List<Rule> rules;

    public OriginRewrite(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static OriginRewrite none() {
        return new OriginRewrite(List.of());
    }

    /**
     * Parses {@code FROM=TO}; both sides must be absolute http(s) URLs.
     *
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    public static Rule parseRule(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--origin '" + spec + "': expected FROM=TO, e.g. "
                    + "https://api.github.com=http://127.0.0.1:8089/gh");
        }
        String from = trimSlash(spec.substring(0, eq).strip());
        String to = trimSlash(spec.substring(eq + 1).strip());
        for (String side : List.of(from, to)) {
            if (okhttp3.HttpUrl.parse(side) == null) {
                throw new IllegalArgumentException("--origin '" + spec + "': '" + side
                        + "' is not an absolute http(s) URL");
            }
        }
        return new Rule(from, to);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The URL to put on the wire for a logical URL. */
    public String toWire(String logical) {
        return map(logical, true).orElse(logical);
    }

    /** The logical URL for one seen on the wire (a Link header from a mirror). */
    public String toLogical(String wire) {
        return map(wire, false).orElse(wire);
    }

    private Optional<String> map(String url, boolean forward) {
        for (Rule rule : rules) {
            String from = forward ? rule.from() : rule.to();
            String to = forward ? rule.to() : rule.from();
            if (url.equals(from)) {
                return Optional.of(to);
            }
            if (url.startsWith(from) && "/?#".indexOf(url.charAt(from.length())) >= 0) {
                return Optional.of(to + url.substring(from.length()));
            }
        }
        return Optional.empty();
    }

    /** Rewrites every {@code <url>} inside a Link header value. */
    public String linkHeaderToLogical(String header) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < header.length()) {
            int open = header.indexOf('<', i);
            int close = open < 0 ? -1 : header.indexOf('>', open);
            if (open < 0 || close < 0) {
                out.append(header, i, header.length());
                break;
            }
            out.append(header, i, open + 1).append(toLogical(header.substring(open + 1, close))).append('>');
            i = close + 1;
        }
        return out.toString();
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        rules.forEach(r -> parts.add(r.from() + "=" + r.to()));
        return String.join(", ", parts);
    }
}
