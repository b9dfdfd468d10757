package org.criu.status.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The page entry an editor would add for an integration the page does not list yet: its heading, the {@code ==}
 * section it belongs in, and an optional one-sentence note. A checker that declares one
 * ({@link Checker#newEntry()}) is run even when no entry of the page covers it, and its finding is reported
 * under "Not on the page".
 *
 * @param heading the {@code ===} heading to add ("Kubernetes"); one of the headings the checker covers
 * @param section the {@code ==} section it goes in, as the page spells it ("Container platforms")
 * @param note    one sentence for under the status line, in the page's own voice; empty for none
 */
public record NewEntry(String heading, String section, Optional<String> note) {
    public NewEntry {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(note, "note");
        if (heading.isBlank() || section.isBlank()) {
            throw new IllegalArgumentException("a new entry needs a heading and a section");
        }
        note = note.map(String::strip).filter(n -> !n.isEmpty());
    }

    public NewEntry(String heading, String section) {
        this(heading, section, Optional.empty());
    }
}
