package org.criu.status.core.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.NewEntry;
import org.criu.status.core.spi.RemovalClaim;

/**
 * A checker written as a recipe (a YAML file of probes, see docs/RECIPES.md), run like any other: its probes'
 * evidence goes to the shared verdict rules. Built by {@link RecipeLoader}, which has validated it.
 * The first probe that could not look (no release tag matching, a file gone from the tree) makes the whole
 * entry unverified, with what the earlier probes found kept for the report, and the later probes' answers are not
 * used (they could not change that): a recipe that no longer fits its sources must say so rather than decide on half
 * its evidence. The probes are asked at once (a recipe costs its deepest probe in round trips, not the sum), so when
 * one could not look the later ones may already have made their requests.
 */
public final class RecipeChecker implements Checker {

    private final String id;
    private final List<String> covers;
    private final List<String> sources;
    private final Optional<NewEntry> entry;
    private final List<Probe> probes;
    private final List<Canary> canaries;
    private final String origin;
    private final List<RemovalClaim> removalClaims;

    RecipeChecker(String id, List<String> covers, List<String> sources, Optional<NewEntry> entry, List<Probe> probes,
                  List<Canary> canaries, String origin) {
        this.id = Objects.requireNonNull(id, "id");
        this.covers = List.copyOf(covers);
        this.sources = List.copyOf(sources);
        this.entry = Objects.requireNonNull(entry, "entry");
        this.probes = List.copyOf(probes);
        this.canaries = List.copyOf(canaries);
        this.origin = Objects.requireNonNull(origin, "origin");
        // Built once: a claim's subject holds a Pattern, which compares by identity.
        this.removalClaims = this.probes.stream().flatMap(p -> p instanceof FileProbe file
                ? file.removalClaims().stream() : p instanceof ReleaseNotesProbe notes
                ? notes.removalClaims().stream() : java.util.stream.Stream.<RemovalClaim>empty()).toList();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> covers() {
        return covers;
    }

    @Override
    public List<String> sources() {
        return sources.isEmpty() ? probes.stream().map(Probe::describe).toList() : sources;
    }

    @Override
    public Optional<NewEntry> newEntry() {
        return entry;
    }

    /** The recipe's {@code canaries:}, known facts about the past its probes must keep seeing. */
    @Override
    public List<Canary> canaries() {
        return canaries;
    }

    /**
     * The absences the recipe's file and release-notes probes may report as removals once the history proves them
     * ({@code missing: removed} or {@code absent}); the test kit's removal contract runs over them.
     */
    @Override
    public List<RemovalClaim> removalClaims() {
        return removalClaims;
    }

    /** The probes, in the order they run. */
    public List<Probe> probes() {
        return probes;
    }

    /** Where the recipe was read: "checkers/recipes/runc.yaml" for a bundled one, the file for a plugin. */
    public String origin() {
        return origin;
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        ProbeRun run = new ProbeRun(context, integration, canaries);
        List<Evidence> evidence = new ArrayList<>();
        // The probes ask their questions at once (they share only the release they resolve, once); their answers
        // are taken in order, up to the first that could not look, exactly as if they had run one after another.
        List<ProbeResult> results = context.parallel().readAhead(probes, Math.max(1, probes.size()), p -> p.run(run),
                r -> r.couldNotLook().isPresent());
        for (ProbeResult result : results) {
            evidence.addAll(result.evidence());
            if (result.couldNotLook().isPresent()) {
                return CheckResult.couldNotLook(result.couldNotLook().get(), evidence);
            }
        }
        return CheckResult.evidence(evidence);
    }

    /** Resolving the release (or branch head), then the probes' reads, asked at once (measured: 2 after the page). */
    @Override
    public int expectedDepth() {
        return 2;
    }

    @Override
    public String toString() {
        return "recipe " + id + " (" + origin + ")";
    }
}
