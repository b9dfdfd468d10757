package org.criu.status.core.spi;

import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Integration;

/**
 * A checker reads public sources at run time and reports the evidence they give about one page entry. It never
 * names a verdict: the engine applies the shared verdict rules to what it returns.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/org.criu.status.core.spi.Checker}). ServiceLoader instantiates every checker
 * even for commands that never run one, so constructors must be cheap: no I/O, no clients. All HTTP goes
 * through the clients the {@link CheckContext} hands out.
 */
public interface Checker {

    /** Kebab-case id, equal to the checker's module folder ("file-utility"); never null. */
    String id();

    /**
     * Headings this checker covers, as editors have written them ("The file utility", "file"). Matching
     * ignores case, punctuation and filler words; see {@link HeadingMatcher}. Never null or empty.
     */
    List<String> covers();

    /** Short descriptions of the sources read, for {@code integration-status checkers}; never null. */
    default List<String> sources() {
        return List.of();
    }

    /**
     * Known facts about the past this checker's probe must keep seeing (a release that shipped the file it looks
     * for, a release note it quotes); none by default. {@code selftest} checks them; {@code check} checks them
     * before it trusts an absence this checker reports ({@code REMOVED} or {@code ABSENT}), and a failing one makes
     * the entry {@code unverified} ("probe out of date: ..."). Prefer facts the checker reads anyway, or files on
     * raw.githubusercontent.com: they cost no API request. Cheap to call: build the list, fetch nothing.
     */
    default List<Canary> canaries() {
        return List.of();
    }

    /**
     * What this checker may report as removed because it went missing (a file, lines, a directory), each proven
     * with {@link org.criu.status.core.source.PathHistory} first; none by default. The test kit's removal contract
     * runs over every checker that declares one.
     */
    default List<RemovalClaim> removalClaims() {
        return List.of();
    }

    /**
     * The entry an editor would add when the page has none this checker covers, or empty (the default) when the
     * checker only checks entries the page already has. When present, the engine runs the checker on this entry
     * (no status) if no page entry covers it, and reports the finding under "Not on the page". Its heading must
     * be one {@link #covers()} matches.
     */
    default Optional<NewEntry> newEntry() {
        return Optional.empty();
    }

    /**
     * How many round trips in a row a check of this checker expects after the page (its longest chain of requests
     * where each needs the answer before: tags, then the file at the newest tag, then ...; requests asked together
     * count once). The engine starts the deepest checks first and serves their requests first where a host has a
     * queue, so the run ends with its deepest chain. A hint, never a limit; 2 by default.
     */
    default int expectedDepth() {
        return 2;
    }

    /**
     * Checks one entry: returns the evidence found, or why the checker could not look, never null.
     * Throwing {@link org.criu.status.core.model.SourceException} (a source failed; or anything else, a bug)
     * makes the entry {@code unverified} with the message as the reason; the run goes on.
     *
     * @param integration the entry as parsed, never null
     * @param context     source clients and the clock, never null
     */
    CheckResult check(Integration integration, CheckContext context) throws Exception;
}
