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
        String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ")
                .replaceAll("[.!;:,]+$", "");
        return Optional.ofNullable(SYNONYMS.get(key));
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
