package org.criu.status.core.page;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a report's suggestions an editor accepts: all of them, or only some entries ({@code --only}, by
 * checker id or heading), never the dismissed ones, and with or without the entries the page lacks
 * ({@code --no-missing}). Unverified findings are never a change, whatever is selected.
 *
 * @param only      when present, just the entries named here (checker id or heading, any case)
 * @param dismissed headings of entries whose suggestion an editor dismissed (any case)
 * @param missing   whether entries the page lacks are added
 */
public record Selection(Optional<Set<String>> only, Set<String> dismissed, boolean missing) {

    public Selection {
        only = only.map(Selection::lower);
        dismissed = lower(dismissed);
    }

    /** Every suggestion, new entries included. */
    public static Selection all() {
        return new Selection(Optional.empty(), Set.of(), true);
    }

    /** Only these entries (checker ids or headings). */
    public Selection only(Set<String> keys) {
        return new Selection(Optional.of(keys), dismissed, missing);
    }

    /** Without these entries (headings), which an editor dismissed. */
    public Selection without(Set<String> dismissedHeadings) {
        Set<String> all = new java.util.HashSet<>(dismissed);
        all.addAll(dismissedHeadings);
        return new Selection(only, all, missing);
    }

    /** With or without the entries the page lacks. */
    public Selection withMissing(boolean addMissing) {
        return new Selection(only, dismissed, addMissing);
    }

    /** Whether the entry with this heading, checked by this checker (if any), is accepted. */
    public boolean accepts(String heading, Optional<String> checker) {
        String h = heading.toLowerCase(Locale.ROOT);
        if (dismissed.contains(h)) {
            return false;
        }
        return only.map(keys -> keys.contains(h)
                || checker.map(c -> keys.contains(c.toLowerCase(Locale.ROOT))).orElse(false)).orElse(true);
    }

    private static Set<String> lower(Set<String> keys) {
        return keys.stream().map(k -> k.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
