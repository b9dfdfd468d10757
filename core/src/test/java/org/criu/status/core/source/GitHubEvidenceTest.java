package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.source.GitHubClient.Repository;
import org.junit.jupiter.api.Test;

class GitHubEvidenceTest {

    private static Repository vzcriu(boolean archived, Optional<Instant> pushedAt) {
        return new Repository("OpenVZ/vzcriu", "https://github.com/OpenVZ/vzcriu", "vz7", archived, pushedAt,
                Optional.of("Virtuozzo's CRIU"));
    }

    @Test
    void anArchivedRepositoryEndedTheProjectOnItsLastPush() {
        assertThat(GitHubEvidence.archived(vzcriu(true, Optional.of(Instant.parse("2024-03-25T23:30:00Z")))))
                .hasValueSatisfying(e -> {
                    assertThat(e.signal()).isEqualTo(Signal.PROJECT_ENDED);
                    assertThat(e.supports()).contains(Status.DROPPED);
                    assertThat(e.source()).isEqualTo("github");
                    assertThat(e.url()).isEqualTo("https://github.com/OpenVZ/vzcriu");
                    assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2024-03-25"));
                    assertThat(e.quote()).isEqualTo("OpenVZ/vzcriu is archived (read-only) on GitHub");
                });
    }

    @Test
    void anArchivedRepositoryNeverPushedToIsUndated() {
        assertThat(GitHubEvidence.archived(vzcriu(true, Optional.empty())))
                .hasValueSatisfying(e -> assertThat(e.date()).isEmpty());
    }

    @Test
    void aLiveRepositoryIsNoEvidence() {
        assertThat(GitHubEvidence.archived(vzcriu(false, Optional.of(Instant.parse("2024-03-25T10:00:00Z")))))
                .isEmpty();
    }
}
