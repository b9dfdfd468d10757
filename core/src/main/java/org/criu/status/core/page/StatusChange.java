package org.criu.status.core.page;

import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Status;

/**
 * One accepted suggestion for an entry already on the page.
 *
 * @param heading     the entry's heading as the report saw it
 * @param from        the status text the report saw on the page ("" when the entry had none); the edit is
 *                    skipped when the page says something else by now
 * @param to          the status to write
 * @param qualifier   a caveat to write as a note under the status, with {@code qualifierSource} cited
 * @param source      the main evidence for the change (cited in the edit summary)
 * @param qualifierSource the evidence the qualifier comes from (the main evidence when none is more specific)
 * @param checker     the checker that suggested it
 */
public record StatusChange(String heading, String from, Status to, Optional<String> qualifier, Citation source,
                           Citation qualifierSource, Optional<String> checker) {
    public StatusChange {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(qualifierSource, "qualifierSource");
        Objects.requireNonNull(checker, "checker");
        qualifier = qualifier.map(Wikitext::oneLine).filter(q -> !q.isEmpty());
    }

    /** Whether the status word itself changes (not only a note added under it). */
    public boolean changesStatus() {
        return !Status.fromWikiText(from).equals(Optional.of(to));
    }

    /** In an editor's words: "change ready -> dropped", "keep ready, add a note: experimental". */
    public String describe() {
        return describe(from, to, qualifier);
    }

    /**
     * A suggestion in an editor's words: "change ready -> dropped", "keep ready, add a note: experimental",
     * "change started -> ready, add a note: ...", "set ready" for an entry with no status.
     */
    public static String describe(String fromRaw, Status to, Optional<String> qualifier) {
        Optional<Status> from = Status.fromWikiText(fromRaw);
        StringBuilder out = new StringBuilder();
        if (from.equals(Optional.of(to))) {
            out.append("keep ").append(to.wikiText());
        } else if (fromRaw.isBlank()) {
            out.append("set ").append(to.wikiText());
        } else {
            out.append("change ").append(from.map(Status::wikiText).orElse(fromRaw.strip())).append(" -> ")
                    .append(to.wikiText());
        }
        qualifier.map(Wikitext::oneLine).filter(q -> !q.isEmpty()).ifPresent(q -> out.append(", add a note: ").append(q));
        return out.toString();
    }
}
