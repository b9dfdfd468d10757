package org.criu.status.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The statuses the wiki page uses, plus {@code dropped} for support removed upstream or a project that ended. */
public enum Status {
    NOT_STARTED("not started"),
    STARTED("started"),
    STALLED("stalled"),
    READY("ready"),
    DROPPED("dropped");

    /** Words editors have used for a status, mapped to the status they mean (lower case, single spaces). */
    private static final Map<String, Status> SYNONYMS = Map.ofEntries(
            Map.entry("not started", NOT_STARTED),
            Map.entry("not yet started", NOT_STARTED),
            Map.entry("none", NOT_STARTED),
            Map.entry("started", STARTED),
            Map.entry("in progress", STARTED),
            Map.entry("in development", STARTED),
            Map.entry("wip", STARTED),
            Map.entry("stalled", STALLED),
            Map.entry("stopped", STALLED),
            Map.entry("paused", STALLED),
            Map.entry("ready", READY),
            Map.entry("done", READY),
            Map.entry("supported", READY),
            Map.entry("dropped", DROPPED),
            Map.entry("removed", DROPPED),
            Map.entry("abandoned", DROPPED));

    private final String wikiText;

    Status(String wikiText) {
        this.wikiText = wikiText;
    }

    /** The status as written on the wiki, lower case ("not started"). */
    public String wikiText() {
        return wikiText;
    }

    /** The status a word on the page means, or empty when the word is not a known status. */
    public static Optional<Status> fromWikiText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // By hand, not with regular expressions: the parser calls this for every status line of a page anyone
        // can edit, and a pattern anchored at the end backtracks over a long run of punctuation.
        String lower = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        boolean inSeparators = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean separator = " \t\n\u000B\f\r_-".indexOf(c) >= 0;
            if (!separator) {
                key.append(c);
            } else if (!inSeparators) {
                key.append(' ');
            }
            inSeparators = separator;
        }
        int end = key.length();
        while (end > 0 && ".!;:,".indexOf(key.charAt(end - 1)) >= 0) {
            end--;
        }
        return Optional.ofNullable(SYNONYMS.get(key.substring(0, end)));
    }

    /** The longest known status phrases first, so "not started" wins over "started" when scanning a line. */
    public static java.util.List<String> knownPhrasesLongestFirst() {
        return SYNONYMS.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                .toList();
    }

    @Override
    public String toString() {
        return wikiText;
    }
}
