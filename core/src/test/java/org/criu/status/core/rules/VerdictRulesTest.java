package org.criu.status.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.spi.Assessment;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

    private final VerdictRules rules = new VerdictRules(Clock.fixed(SourceServer.NOW, ZoneOffset.UTC));

    @Test
    void workOlderThanTheLimitIsSuggestedAsStalledCitingThatWork() {
        Evidence work = Evidence.of(Signal.IN_DEVELOPMENT, "github", "https://github.com/CRaC/org.crac/releases/tag/1.5.0",
                LocalDate.of(2024, 6, 19), "org.crac 1.5.0");

        Assessment a = rules.assess(SourceServer.entry("OpenJDK", "started"), List.of(work));

        assertThat(a.kind()).isEqualTo(Assessment.Kind.SUGGEST);
        assertThat(a.suggested()).contains(Status.STALLED);
        assertThat(a.evidence().get(0).supports()).contains(Status.STALLED);
        assertThat(a.evidence().get(0).quote()).isEqualTo("org.crac 1.5.0");
    }

    @Test
    void recentWorkIsStarted() {
        Evidence work = Evidence.of(Signal.IN_DEVELOPMENT, "github", "https://example.org/pr/1",
                LocalDate.of(2026, 10, 1), "open pull request");

        Assessment a = rules.assess(SourceServer.entry("X", "started"), List.of(work));

        assertThat(a.kind()).isEqualTo(Assessment.Kind.CONFIRMED);
    }
}
