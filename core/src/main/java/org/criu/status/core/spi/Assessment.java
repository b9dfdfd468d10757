package org.criu.status.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Status;

/**
 * What a checker concluded for one entry. Built only through the named factories, each of which demands
 * what makes the conclusion trustworthy: evidence for a verdict, a reason for giving up.
 * Checkers normally get one from {@link org.criu.status.core.rules.VerdictRules#assess}.
 */
public final class Assessment {

    /** The three kinds of assessment. */
    public enum Kind { CONFIRMED, SUGGEST, UNVERIFIED }

    private final Kind kind;
    private final Optional<Status> suggested;
    private final Optional<String> qualifier;
    private final Optional<Confidence> confidence;
    private final List<Evidence> evidence;
    private final Optional<String> reason;

    private Assessment(Kind kind, Optional<Status> suggested, Optional<String> qualifier,
                       Optional<Confidence> confidence, List<Evidence> evidence, Optional<String> reason) {
        this.kind = kind;
        this.suggested = suggested;
        this.qualifier = qualifier;
        this.confidence = confidence;
        this.evidence = List.copyOf(evidence);
        this.reason = reason;
    }

    /** The page's status holds; {@code evidence} must cite at least one fact. */
    public static Assessment confirmed(Confidence confidence, List<Evidence> evidence) {
        requireEvidence(evidence);
        return new Assessment(Kind.CONFIRMED, Optional.empty(), Optional.empty(),
                Optional.of(Objects.requireNonNull(confidence, "confidence")), evidence, Optional.empty());
    }

    /**
     * The page should say {@code status} (with an optional qualifier); at least one piece of evidence must
     * support that status: nothing is suggested without evidence.
     */
    public static Assessment suggest(Status status, Optional<String> qualifier, Confidence confidence,
                                     List<Evidence> evidence) {
        Objects.requireNonNull(status, "status");
        requireEvidence(evidence);
        if (evidence.stream().noneMatch(e -> e.supports().filter(status::equals).isPresent())) {
            throw new IllegalArgumentException("no evidence supports the suggested status '" + status + "'");
        }
        return new Assessment(Kind.SUGGEST, Optional.of(status), Objects.requireNonNull(qualifier, "qualifier"),
                Optional.of(Objects.requireNonNull(confidence, "confidence")), evidence, Optional.empty());
    }

    /** The checker could not decide; {@code reason} says why, for the report. Evidence found so far may be kept. */
    public static Assessment unverified(String reason, List<Evidence> evidence) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unverified assessment needs a reason");
        }
        return new Assessment(Kind.UNVERIFIED, Optional.empty(), Optional.empty(), Optional.empty(), evidence,
                Optional.of(reason));
    }

    public static Assessment unverified(String reason) {
        return unverified(reason, List.of());
    }

    private static void requireEvidence(List<Evidence> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs at least one piece of evidence");
        }
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Status> suggested() {
        return suggested;
    }

    public Optional<String> qualifier() {
        return qualifier;
    }

    public Optional<Confidence> confidence() {
        return confidence;
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    public Optional<String> reason() {
        return reason;
    }

    @Override
    public String toString() {
        return kind + suggested.map(s -> " " + s).orElse("") + qualifier.map(q -> " (" + q + ")").orElse("")
                + reason.map(r -> ": " + r).orElse("") + " " + evidence;
    }
}
