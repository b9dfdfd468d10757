package org.criu.status.core.recipe;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The summaries a recipe may word itself ({@code says:}): text with {@code {placeholders}} filled per piece of evidence. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private Templates() {
    }

    /** Rejects a placeholder the probe cannot fill, naming the ones it can. */
    static String check(String template, String key, Set<String> allowed) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("'" + key + "' uses {" + m.group(1) + "}, which this probe cannot"
                        + " fill; it can fill " + new TreeSet<>(allowed).stream().map(a -> "{" + a + "}").toList());
            }
        }
        return template;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value.strip();
    }

    /** owner/name, as GitHub spells repositories. */
    static String repo(String value) {
        String repo = require(value, "repo");
        if (!repo.matches("[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("'repo: " + repo + "' is not owner/name (like opencontainers/runc)");
        }
        return repo;
    }
}
