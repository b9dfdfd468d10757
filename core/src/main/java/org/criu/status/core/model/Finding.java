package org.criu.status.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result for one page entry. The canonical constructor holds every verdict to what makes it trustworthy:
 * a confirmation or a suggestion cites evidence, a suggestion cites at least one piece that supports the
 * suggested status (nothing is suggested without evidence), and an unverified entry says why.
 *
 * @param integration     the entry as parsed
 * @param verdict         confirmed, suggested, unverified or no-checker
 * @param suggestedStatus the status to write instead, present only for {@link Verdict#SUGGESTED}
 * @param qualifier       a caveat to write next to the status ("experimental"), only for a suggestion
 * @param confidence      how sure the verdict is, present only for confirmed and suggested
 * @param checker         id of the checker that ran, empty for no-checker
 * @param evidence        cited facts, most telling first
 * @param error           why the check could not decide, present only for {@link Verdict#UNVERIFIED}
 */
public record Finding(Integration integration, Verdict verdict, Optional<Status> suggestedStatus,
                      Optional<String> qualifier, Optional<Confidence> confidence, Optional<String> checker,
                      List<Evidence> evidence, Optional<String> error) {
    public Finding {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(suggestedStatus, "suggestedStatus");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(error, "error");
        evidence = List.copyOf(evidence);
        if (suggestedStatus.isPresent() != (verdict == Verdict.SUGGESTED)) {
            throw new IllegalArgumentException("a suggested status goes with, and only with, a suggestion");
        }
        if (qualifier.isPresent() && verdict != Verdict.SUGGESTED) {
            throw new IllegalArgumentException("a qualifier is part of a suggestion");
        }
        if (confidence.isPresent() != (verdict == Verdict.CONFIRMED || verdict == Verdict.SUGGESTED)) {
            throw new IllegalArgumentException("confirmed and suggested verdicts, and only they, carry a confidence");
        }
        if (error.isPresent() != (verdict == Verdict.UNVERIFIED)) {
            throw new IllegalArgumentException("an unverified verdict, and only it, carries a reason");
        }
        error.filter(String::isBlank).ifPresent(e -> {
            throw new IllegalArgumentException("an unverified verdict needs a reason");
        });
        if ((verdict == Verdict.CONFIRMED || verdict == Verdict.SUGGESTED) && evidence.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs at least one piece of evidence");
        }
        Optional<Status> suggested = suggestedStatus;
        if (suggested.isPresent()
                && evidence.stream().noneMatch(e -> e.supports().equals(suggested))) {
            throw new IllegalArgumentException("no evidence supports the suggested status '" + suggested.get() + "'");
        }
        if (verdict == Verdict.NO_CHECKER && checker.isPresent()) {
            throw new IllegalArgumentException("a no-checker finding names no checker");
        }
    }

    /** The page's status holds. */
    public static Finding confirmed(Integration integration, String checker, Confidence confidence,
                                    List<Evidence> evidence) {
        return new Finding(integration, Verdict.CONFIRMED, Optional.empty(), Optional.empty(),
                Optional.of(confidence), Optional.of(checker), evidence, Optional.empty());
    }

    /** The page should say {@code status}, with an optional qualifier; some evidence must support it. */
    public static Finding suggested(Integration integration, String checker, Status status,
                                    Optional<String> qualifier, Confidence confidence, List<Evidence> evidence) {
        return new Finding(integration, Verdict.SUGGESTED, Optional.of(status), qualifier, Optional.of(confidence),
                Optional.of(checker), evidence, Optional.empty());
    }

    public static Finding noChecker(Integration integration) {
        return new Finding(integration, Verdict.NO_CHECKER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    public static Finding unverified(Integration integration, String checker, String reason) {
        return unverified(integration, checker, reason, List.of());
    }

    /** The check could not decide; what it found so far is kept for the report, never acted on. */
    public static Finding unverified(Integration integration, String checker, String reason, List<Evidence> evidence) {
        return new Finding(integration, Verdict.UNVERIFIED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(checker), evidence, Optional.of(reason));
    }
}
