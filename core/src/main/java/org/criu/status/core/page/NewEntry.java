package org.criu.status.core.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Status;

/**
 * An entry the page lacks, ready to paste: a heading in a section, a status line, a one-sentence note
 * citing its sources.
 *
 * @param section   the {@code ==} section to add it to (created at the end when the page has none of that name);
 *                  empty for a page without sections
 * @param heading   the entry's heading
 * @param status    its status
 * @param qualifier a caveat, written as a note under the status like any other
 * @param note      one sentence on what the sources show, plain text (neutralised when written)
 * @param sources   the evidence to cite, main one first (at least one)
 * @param checker   the checker that proposed it
 */
public record NewEntry(Optional<String> section, String heading, Status status, Optional<String> qualifier,
                       String note, List<Citation> sources, Optional<String> checker) {
    public NewEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(checker, "checker");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a new entry cites at least one source");
        }
        if (Wikitext.oneLine(heading).isEmpty()) {
            throw new IllegalArgumentException("a new entry needs a heading");
        }
    }

    /** In an editor's words: "add under Other: ready". */
    public String describe() {
        return "add" + section.map(s -> " under " + s).orElse("") + ": " + status.wikiText()
                + qualifier.map(q -> ", with a note: " + q).orElse("");
    }
}
