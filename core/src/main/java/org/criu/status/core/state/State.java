package org.criu.status.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code --state FILE} remembers between runs (docs/STATE.md describes the file).
 *
 * @param page       the page it is about (source and title): a state file belongs to one page
 * @param runs       runs recorded so far
 * @param lastRun    when the last run was, empty before the first
 * @param entries    per entry heading, the last finding and since when it has stood
 * @param dismissals per entry heading, an editor's dismissal of its suggestion on given evidence
 */
public record State(String page, int runs, Optional<Instant> lastRun, Map<String, Entry> entries,
                    Map<String, History.Dismissal> dismissals) {

    /** The file format's version; a file with a higher one is refused, never overwritten. */
    public static final int VERSION = 1;

    public State {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(lastRun, "lastRun");
        entries = Map.copyOf(entries);
        dismissals = Map.copyOf(dismissals);
    }

    /** A state with no run yet, for {@code page}. */
    public static State empty(String page) {
        return new State(page, 0, Optional.empty(), Map.of(), Map.of());
    }

    /**
     * One entry's last finding.
     *
     * @param checker     the checker that produced it, empty for no-checker
     * @param said        the finding in short ("suggested dropped", "confirmed", "unverified")
     * @param fingerprint digest of the finding and every piece of evidence it rests on
     * @param evidence    per evidence URL its own digest, to say which evidence changed
     * @param firstSeen   when this finding (same {@code said}) was first seen
     * @param lastSeen    when it was last seen
     * @param runs        in how many runs it has been seen
     */
    public record Entry(Optional<String> checker, String said, String fingerprint, List<Piece> evidence,
                        Instant firstSeen, Instant lastSeen, int runs) {
        public Entry {
            Objects.requireNonNull(checker, "checker");
            Objects.requireNonNull(said, "said");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
            evidence = List.copyOf(evidence);
        }
    }

    /** One piece of evidence as remembered: where it was and a digest of what it said. */
    public record Piece(String url, String digest) {
    }
}
