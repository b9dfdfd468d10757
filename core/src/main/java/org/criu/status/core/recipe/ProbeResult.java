package org.criu.status.core.recipe;

import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Evidence;

/** What one probe found: evidence, or why it could not look (with whatever it found first). */
record ProbeResult(List<Evidence> evidence, Optional<String> couldNotLook) {

    ProbeResult {
        evidence = List.copyOf(evidence);
    }

    static ProbeResult of(List<Evidence> evidence) {
        return new ProbeResult(evidence, Optional.empty());
    }

    static ProbeResult of(Evidence evidence) {
        return of(List.of(evidence));
    }

    static ProbeResult couldNotLook(String reason) {
        return new ProbeResult(List.of(), Optional.of(reason));
    }
}
