package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Repository;

/**
 * A GitHub repository's state (one REST request): archived gives {@code archived} (default
 * {@code project-ended}); a move (GitHub answers the old name with the new one) and the last push are context,
 * and with {@code inactive-after} (an ISO period, {@code P2Y}) a last push older than that is {@code inactive}.
 */
public record RepositoryProbe(String repo, SignalSpec archived, Optional<Period> inactiveAfter) implements Probe {

    public RepositoryProbe {
        repo = Templates.repo(repo);
        Objects.requireNonNull(archived, "archived");
        Objects.requireNonNull(inactiveAfter, "inactiveAfter");
        if (archived.signal() != Signal.PROJECT_ENDED && archived.signal() != Signal.INACTIVE
                && archived.signal() != Signal.CONTEXT) {
            throw new IllegalArgumentException("'archived: " + archived + "': an archived repository means the"
                    + " project ended, went inactive, or is context; nothing else");
        }
    }

    @JsonCreator
    static RepositoryProbe bind(@JsonProperty("repo") String repo, @JsonProperty("archived") SignalSpec archived,
                                @JsonProperty("inactive-after") String inactiveAfter) {
        Optional<Period> period = Optional.empty();
        if (inactiveAfter != null) {
            try {
                period = Optional.of(Period.parse(inactiveAfter));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'inactive-after: " + inactiveAfter + "' is no ISO period (P2Y is"
                        + " two years, P18M eighteen months)");
            }
        }
        return new RepositoryProbe(repo, archived == null ? new SignalSpec(Signal.PROJECT_ENDED, Optional.empty())
                : archived, period);
    }

    @Override
    public String describe() {
        return "GitHub " + repo + " repository: archived, moved, last push";
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        Optional<Repository> found = run.context().github().repository(repo);
        if (found.isEmpty()) {
            return ProbeResult.couldNotLook("GitHub knows no repository " + repo);
        }
        Repository r = found.get();
        Optional<LocalDate> pushed = r.pushedAt().map(p -> p.atZone(ZoneOffset.UTC).toLocalDate());
        List<Evidence> evidence = new ArrayList<>();
        if (r.archived()) {
            evidence.add(archived.qualify(Evidence.of(archived.signal(), "github", r.htmlUrl(), pushed,
                    r.fullName() + " is archived (read-only) on GitHub")));
        }
        if (!r.fullName().equalsIgnoreCase(repo)) {
            evidence.add(Evidence.undated(Signal.CONTEXT, "github", r.htmlUrl(), repo + " moved to " + r.fullName()));
        }
        if (pushed.isPresent()) {
            boolean stale = inactiveAfter.isPresent()
                    && pushed.get().plus(inactiveAfter.get()).isBefore(LocalDate.now(run.context().clock()));
            evidence.add(Evidence.dated(stale ? Signal.INACTIVE : Signal.CONTEXT, "github", r.htmlUrl(), pushed.get(),
                    r.fullName() + ": last push " + pushed.get()));
        }
        return ProbeResult.of(evidence);
    }
}
