package org.criu.status.checkers.recipes;

import static org.criu.status.checkers.recipes.Bundled.fixture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.criu.status.checkers.recipes.FileRecipesTest.Case;
import org.criu.status.checkers.recipes.FileRecipesTest.Read;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.RemovalContract;
import org.criu.status.core.testkit.SourceServer;

/**
 * The shared removal contract (core test kit) over one bundled recipe: every claim its file probes declare (each
 * path's file, and its lines), in a world of two releases from the recipe's tags feed, the newest lacking what the
 * one before had. The other files the recipe reads are there at both; its canaries hold at their own refs (they
 * anchor the history search and are checked before an absence is trusted). A subclass names the recipe.
 */
abstract class RecipeRemovalContract extends RemovalContract {

    private final Case recipe;
    private final RecipeChecker checker;

    RecipeRemovalContract(String id) {
        this.recipe = FileRecipesTest.recipes().filter(c -> c.id().equals(id)).findFirst()
                .or(() -> Optional.of(NVIDIA_CUDA).filter(c -> c.id().equals(id))).orElseThrow();
        this.checker = Bundled.recipe(id);
    }

    /** nvidia-cuda: one file probe (and the cuda-checkpoint repository, stubbed as today). */
    static final Case NVIDIA_CUDA = new Case("nvidia-cuda", "NVIDIA CUDA", "Other", "checkpoint-restore/criu", "v4.2",
            "2025-11-13", null, List.of(new Read("plugins/cuda/cuda_plugin.c", "cuda_plugin.c", 21, "cuda-checkpoint")));

    /** Anything else the recipe reads (a repository's state), as today. */
    void stubOthers(SourceServer server) {
        if (recipe.id().equals("nvidia-cuda")) {
            server.onGet("https://api.github.com/repos/NVIDIA/cuda-checkpoint")
                    .json(fixture("nvidia-cuda", "repository.json"));
        }
    }

    private String previous() {
        return FileRecipesTest.previous(recipe);
    }

    @Override
    protected List<World> worlds() {
        List<World> worlds = new ArrayList<>();
        for (RemovalClaim claim : checker.removalClaims()) {
            Read read = recipe.reads().stream().filter(r -> r.path().equals(claim.subject().path())).findFirst()
                    .orElseThrow();
            worlds.add(world(claim, read));
        }
        return worlds;
    }

    private World world(RemovalClaim claim, Read read) {
        return new World() {
            @Override
            public Checker checker() {
                return checker;
            }

            @Override
            public RemovalClaim claim() {
                return claim;
            }

            @Override
            public Integration entry() {
                return SourceServer.entry(recipe.heading(), "ready",
                        recipe.qualifier() == null ? "" : "(" + recipe.qualifier() + ")");
            }

            @Override
            public String had() {
                return previous();
            }

            @Override
            public String lacks() {
                return recipe.tag();
            }

            @Override
            public Map<String, Boolean> refs() {
                Map<String, Boolean> refs = new LinkedHashMap<>();
                refs.put(recipe.tag(), false);
                refs.put(previous(), true);
                return refs;
            }

            @Override
            public void stub(SourceServer server) {
                server.onGet(recipe.feed()).atom(AtomFixtures.gitHubTags(recipe.repo(), List.of(
                        new AtomFixtures.EntrySpec(recipe.tag(), recipe.day() + "T10:00:00Z"),
                        new AtomFixtures.EntrySpec(previous(), "2025-01-01T10:00:00Z"))));
                for (Read other : recipe.reads()) {
                    if (other != read) {
                        for (String ref : List.of(recipe.tag(), previous())) {
                            server.onGet("https://raw.githubusercontent.com/" + recipe.repo() + "/" + ref + "/"
                                    + other.path()).text(fixture(recipe.id(), other.fixture()));
                        }
                    }
                }
                for (Canary canary : checker.canaries()) {
                    Canary.GitHubFile f = (Canary.GitHubFile) canary.target();
                    Read at = recipe.reads().stream().filter(r -> r.path().equals(f.path())).findFirst().orElseThrow();
                    server.onGet("https://raw.githubusercontent.com/" + f.repo() + "/" + f.ref() + "/" + f.path())
                            .text(fixture(recipe.id(), at.fixture()));
                }
                stubOthers(server);
            }

            @Override
            public String featureText() {
                return fixture(recipe.id(), read.fixture());
            }

            /** With another file still shipping, a deletion cited by its commit does not outweigh it: no status. */
            @Override
            public Optional<Status> statusOnDeletion() {
                return recipe.reads().size() == 1 ? Optional.of(Status.DROPPED) : Optional.empty();
            }
        };
    }
}
