package org.criu.status.core.recipe;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.PathHistory;

/**
 * What the history says about something a probe found missing at the ref it read (a file gone, or its lines),
 * asked of {@link PathHistory} between the last release that had it and the first without: the same proof the
 * Java checkers give before an absence becomes a removal. The last ref that had it is looked for among the
 * releases the probe's tag pattern lists and the refs of the recipe's canaries (facts about the past, so a
 * canary's ref anchors the search when the feed's releases do not reach back that far).
 */
final class AbsenceProof {

    private AbsenceProof() {
    }

    /** The history's answer, in what a probe does next. */
    sealed interface Outcome permits Follow, Deleted, NeverThere, NotProven {
    }

    /** Renamed or moved: read {@code path} at the same ref instead; {@code how} cites the change, as context. */
    record Follow(String path, Evidence how) implements Outcome {
    }

    /** Deleted: {@code had} was the last ref with it; {@code proof} cites the deleting commit ({@code REMOVED}). */
    record Deleted(String had, List<Evidence> proof) implements Outcome {
        Deleted {
            proof = List.copyOf(proof);
        }
    }

    /** No release listed, nor any canary's ref, had it: nothing went missing, the absence stands as mapped. */
    record NeverThere() implements Outcome {
    }

    /** The history does not say (a failing or cut comparison, no deleting commit found): no absence may stand. */
    record NotProven(String reason) implements Outcome {
    }

    /**
     * A recipe's pattern as a history marker: recipes match line by line, while the history also looks for the
     * marker in a whole file's text, so {@code ^} and {@code $} must mean a line's start and end there too.
     */
    static Pattern marker(Regex pattern) {
        Pattern p = pattern.pattern();
        return Pattern.compile(p.pattern(), p.flags() | Pattern.MULTILINE);
    }

    /**
     * Asks what happened to {@code subject} in {@code repo} before {@code ref}. {@code what} names the feature in
     * the cited evidence. Requests: raw reads to find the boundary (no API budget), then 1 to 3 GitHub API requests
     * ({@link PathHistory}); none to the API when nothing listed ever had the subject.
     */
    static Outcome ask(ProbeRun run, String repo, Ref ref, PathHistory.Subject subject, String what)
            throws SourceException {
        PathHistory history = PathHistory.github(run.context().github(), repo);
        Optional<PathHistory.Boundary> range = history.range(subject, ref.newestFirst(),
                run.knownRefs(repo, subject.path()));
        if (range.isEmpty()) {
            return new NeverThere();
        }
        String had = range.get().lastWith();
        PathHistory.Answer answer = history.whatHappened(subject, had, range.get().firstWithout());
        if (answer instanceof PathHistory.Renamed renamed) {
            return new Follow(renamed.follow(subject.path()), renamed.context("github"));
        }
        if (answer instanceof PathHistory.Moved moved) {
            return new Follow(moved.to(), moved.context("github", what));
        }
        if (answer instanceof PathHistory.Deleted deleted) {
            return new Deleted(had, deleted.evidence("github", what + " (" + subject.describe() + ")"));
        }
        return new NotProven(ref.label() + " lacks " + subject.describe() + ", which " + had + " had, and its history"
                + " does not show it removed: " + ((PathHistory.Unknown) answer).reason());
    }
}
