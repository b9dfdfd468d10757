package org.criu.status.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run's findings are next to the last run's (from {@code --state FILE}): per entry new, changed or the
 * same, since when a suggestion has stood, which suggestions an editor dismissed, and what is gone.
 *
 * @param previousRun when the last run was, empty on the first run with this state file
 * @param runs        how many runs the state file has seen, this one included
 * @param entries     per entry heading (as on the page) its history; entries outside the run ({@code --only}) absent
 * @param gone        what the last run reported that this run no longer does (entry removed, suggestion settled)
 */
public record History(Optional<Instant> previousRun, int runs, Map<String, EntryHistory> entries, List<Gone> gone) {

    public History {
        Objects.requireNonNull(previousRun, "previousRun");
        entries = Map.copyOf(entries);
        gone = List.copyOf(gone);
    }

    /** This entry's history, empty when the run did not look at it. */
    public Optional<EntryHistory> of(String heading) {
        return Optional.ofNullable(entries.get(heading));
    }

    public boolean firstRun() {
        return previousRun.isEmpty();
    }

    /** Nothing new, changed or gone since the last run (always false on the first run). */
    public boolean noChange() {
        return !firstRun() && gone.isEmpty() && entries.values().stream().allMatch(e -> e.change() == Change.SAME);
    }

    /** Whether the entry's current finding is news to a maintainer: new or changed, and not dismissed. */
    public boolean isNews(String heading) {
        return of(heading).map(e -> e.change() != Change.SAME && e.dismissal().isEmpty()).orElse(false);
    }

    /** How an entry's finding compares with the last run's. */
    public enum Change {
        /** The last run had no finding of this kind for the entry (or there was no last run). */
        NEW("new"),
        /** The last run said something else, or the same on different evidence. */
        CHANGED("changed"),
        /** The same finding on the same evidence. */
        SAME("same");

        private final String word;

        Change(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One entry's history.
     *
     * @param change    new, changed or the same as the last run
     * @param before    for {@link Change#CHANGED} with another verdict: what the last run said ("suggested dropped",
     *                  "confirmed")
     * @param evidence  for {@link Change#CHANGED} with the same verdict: how the evidence changed ("changed URL, new
     *                  URL, gone URL")
     * @param since     when the current finding was first seen (the suggestion has stood since then)
     * @param runs      in how many runs it has been seen, this one included
     * @param dismissal the editor's dismissal in force for this finding, if any
     */
    public record EntryHistory(Change change, Optional<String> before, Optional<String> evidence, Instant since,
                               int runs, Optional<Dismissal> dismissal) {
        public EntryHistory {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(dismissal, "dismissal");
        }
    }

    /** What the last run said about an entry this run no longer reports so. */
    public record Gone(String heading, String lastSaid) {
    }

    /** An editor's decision not to act on a suggestion while its evidence stays as it was. */
    public record Dismissal(String reason, Instant at, String fingerprint) {
        public Dismissal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
