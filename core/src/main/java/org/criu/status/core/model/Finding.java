package org.criu.status.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result for one page entry.
 *
 * @param integration     the entry as parsed
 * @param verdict         confirmed, suggested, unverified or no-checker
 * @param suggestedStatus the status to write instead, present only for {@link Verdict#SUGGESTED}
 * @param qualifier       a caveat to write next to the status ("experimental")
 * @param confidence      how sure the verdict is, empty for unverified and no-checker
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
    }

    public static Finding noChecker(Integration integration) {
        return new Finding(integration, Verdict.NO_CHECKER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    public static Finding unverified(Integration integration, String checker, String reason) {
        return new Finding(integration, Verdict.UNVERIFIED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(checker), List.of(), Optional.of(reason));
    }
}
