package org.criu.status.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the Integration page as parsed: its heading, the section it sits in, the status text
 * exactly as written, and where that text lies in the page so an edit can change just those characters.
 *
 * @param heading      the entry's heading text, e.g. "SLURM workload manager" (never null)
 * @param section      the enclosing {@code ==} section, empty for the flat layout
 * @param rawStatus    the status text verbatim ("ready", "in progress", "unclear"), empty when the entry has none
 * @param status       the normalised status, empty when the text is no known status word
 * @param notes        bullet and paragraph text under the heading, wiki markup stripped
 * @param links        targets of {@code [[links]]} under the heading ("See also")
 * @param statusStart  offset of the first character of {@code rawStatus} in the page, -1 when absent
 * @param statusEnd    offset just past {@code rawStatus}, -1 when absent
 * @param statusConflict what is wrong when the entry has two status lines that disagree (the first is
 *                     {@code rawStatus}); such an entry is reported unverified until an editor fixes the page
 */
public record Integration(
        String heading,
        Optional<String> section,
        String rawStatus,
        Optional<Status> status,
        List<String> notes,
        List<String> links,
        int statusStart,
        int statusEnd,
        Optional<String> statusConflict) {

    public Integration {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(status, "status");
        notes = List.copyOf(notes);
        links = List.copyOf(links);
        Objects.requireNonNull(statusConflict, "statusConflict");
    }

    /** An entry whose status lines agree (or that has one, or none). */
    public Integration(String heading, Optional<String> section, String rawStatus, Optional<Status> status,
                       List<String> notes, List<String> links, int statusStart, int statusEnd) {
        this(heading, section, rawStatus, status, notes, links, statusStart, statusEnd, Optional.empty());
    }

    /** The status as a reader of the page sees it: the normalised word when known, the verbatim text otherwise. */
    public String wikiStatus() {
        return status.map(Status::wikiText).orElse(rawStatus);
    }

    /** All text under the heading (notes joined), for checkers and rules that look for a word the editors wrote. */
    public String notesText() {
        return String.join("\n", notes);
    }
}
