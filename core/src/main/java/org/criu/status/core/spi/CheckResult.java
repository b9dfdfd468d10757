package org.criu.status.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Evidence;

/**
 * What a checker found for one entry: the evidence it read, or the reason it could not look. Built only by the
 * named factories. A checker never names a verdict: the engine applies the shared verdict rules to the evidence
 * ({@code docs/VERDICTS.md}), once, for every checker alike.
 */
public final class CheckResult {

    private final List<Evidence> evidence;
    private final Optional<String> couldNotLook;

    private CheckResult(List<Evidence> evidence, Optional<String> couldNotLook) {
        this.evidence = List.copyOf(evidence);
        this.couldNotLook = couldNotLook;
    }

    /**
     * The evidence found, most telling first; it may be empty or only context, and the rules then say the entry
     * is unverified.
     */
    public static CheckResult evidence(List<Evidence> evidence) {
        return new CheckResult(Objects.requireNonNull(evidence, "evidence"), Optional.empty());
    }

    /** Convenience for {@link #evidence(List)}. */
    public static CheckResult evidence(Evidence... evidence) {
        return evidence(List.of(evidence));
    }

    /**
     * The checker could not look (its source's layout changed, a probe is out of date); {@code reason} goes into
     * the report. Nothing is suggested, whatever {@code found} holds: it is kept for the report only.
     */
    public static CheckResult couldNotLook(String reason, List<Evidence> found) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a check that could not look needs a reason");
        }
        return new CheckResult(Objects.requireNonNull(found, "found"), Optional.of(reason));
    }

    public static CheckResult couldNotLook(String reason) {
        return couldNotLook(reason, List.of());
    }

    /** The evidence found (for a check that could not look: what it found before it stopped). */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** Why the checker could not look; empty when it did. */
    public Optional<String> couldNotLook() {
        return couldNotLook;
    }

    @Override
    public String toString() {
        return couldNotLook.map(r -> "could not look: " + r + " ").orElse("") + evidence;
    }
}
