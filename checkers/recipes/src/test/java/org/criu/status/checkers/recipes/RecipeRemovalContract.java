package org.criu.status.checkers.recipes;

import static org.criu.status.checkers.recipes.Bundled.fixture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.criu.status.checkers.recipes.FileRecipesTest.Case;
import org.criu.status.checkers.recipes.FileRecipesTest.Read;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.recipe.FileProbe;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.recipe.ReleaseNotesProbe;
import org.criu.status.core.recipe.ReleaseSpec;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.RemovalContract;
import org.criu.status.core.testkit.SourceServer;

/**
 * The shared removal contract (core test kit) over one bundled recipe: every claim its file and release-notes
 * probes declare (each path's file, and its lines), in a world of two releases, the newest lacking what the one
 * before had. The releases come the way the recipe reads them: its tags feed ({@code tags.atom}), or the tags API
 * with the newest tag dated by its commit ({@code from: api}). The other files the recipe reads are there at both;
 * its canaries hold at their own refs (they anchor the history search and are checked before an absence is
 * trusted). A subclass names the recipe: {@code super("<id>")}, which the CLI's coverage test looks for.
 */
abstract class RecipeRemovalContract extends RemovalContract {

    private final Case recipe;
    private final RecipeChecker checker;
    private final ReleaseSpec.From from;

    RecipeRemovalContract(String id) {
        this.recipe = Stream.concat(FileRecipesTest.recipes(), Stream.of(NVIDIA_CUDA, SHELL, SCREEN_TMUX))
                .filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no world describes recipe " + id + ": add its Case here"));
        this.checker = Bundled.recipe(id);
        List<ReleaseSpec.From> froms = checker.probes().stream().map(RecipeRemovalContract::release)
                .flatMap(Optional::stream).map(ReleaseSpec::from).distinct().toList();
        if (froms.size() != 1) {
            throw new AssertionError(id + ": the kit builds one release list, from a feed or the tags API; the"
                    + " recipe reads " + froms);
        }
        this.from = froms.get(0);
    }

    /** nvidia-cuda: one file probe (and the cuda-checkpoint repository, stubbed as today). */
    static final Case NVIDIA_CUDA = new Case("nvidia-cuda", "NVIDIA CUDA", "Other", "checkpoint-restore/criu", "v4.2",
            "2025-11-13", null, List.of(new Read("plugins/cuda/cuda_plugin.c", "cuda_plugin.c", 21, "cuda-checkpoint")));

    /** shell: bash's NEWS and CHANGES at its newest release from the tags API (bash-5.3, dated by its commit). */
    static final Case SHELL = new Case("shell", "Shell", "Other", "bminor/bash", "bash-5.3", "2025-07-03", null,
            List.of(new Read("NEWS", "news-bash-5.3-with-criu.txt", 7, "CRIU"),
                    new Read("CHANGES", "changes-bash-5.3-with-restore-sibling.txt", 8, "restore-sibling")));

    /** screen-tmux: tmux's CHANGES at its newest release from the tags API (3.7c, dated by its commit). */
    static final Case SCREEN_TMUX = new Case("screen-tmux", "Screen/TMUX", "Other", "tmux/tmux", "3.7c",
            "2026-08-17", null, List.of(new Read("CHANGES", "changes-3.7c-with-criu.txt", 3, "CRIU")));

    /** The tag commits of the API worlds: the real ones of these tags (their tags-ok.json fixtures). */
    private static final Map<String, String> SHAS = Map.of(
            "bminor/bash bash-5.3", "b8c60bc9ca365f8261fa97900b6fa939f6ebc303",
            "bminor/bash bash-5.1", "8868edaf2250e09c4e9a1c75ffe3274f28f38581",
            "tmux/tmux 3.7c", "e476c1230b958df0cb12977517d24b3dc931375b",
            "tmux/tmux 3.7b", "e802909de06012a4df6209d55e86487c56223163");

    /** The canaries whose file is not the one a read's fixture holds: their own fixtures (the file's head there). */
    private static final Map<String, String> CANARY_FIXTURES = Map.of(
            "bminor/bash bash-5.2 NEWS", "news-5.2-head.txt",
            "tmux/tmux 3.0 CHANGES", "changes-3.0-head.txt");

    private static Optional<ReleaseSpec> release(Object probe) {
        if (probe instanceof FileProbe file) {
            return file.release();
        }
        if (probe instanceof ReleaseNotesProbe notes) {
            return notes.release();
        }
        return Optional.empty();
    }

    /** Anything else the recipe reads (a repository's state, an issue search), as today. */
    void stubOthers(SourceServer server) {
        if (recipe.id().equals("nvidia-cuda")) {
            server.onGet("https://api.github.com/repos/NVIDIA/cuda-checkpoint")
                    .json(fixture("nvidia-cuda", "repository.json"));
        }
        if (recipe.id().equals("screen-tmux")) {
            server.onGet("https://api.github.com/search/issues?per_page=100&q=repo%3Atmux-plugins%2Ftmux-resurrect+criu")
                    .json(fixture("screen-tmux", "search-issues-resurrect-criu.json"));
        }
    }

    /** The release before the newest: a fake one of the same shape for a feed; a real tag before it for the API. */
    private String previous() {
        return switch (recipe.id()) {
            // Not bash-5.2 nor tmux 3.0: those are the canaries' refs, where the files hold what the canaries find.
            case "shell" -> "bash-5.1";
            case "screen-tmux" -> "3.7b";
            default -> FileRecipesTest.previous(recipe);
        };
    }

    @Override
    protected List<World> worlds() {
        List<World> worlds = new ArrayList<>();
        for (RemovalClaim claim : checker.removalClaims()) {
            Read read = recipe.reads().stream().filter(r -> r.path().equals(claim.subject().path())).findFirst()
                    .orElseThrow(() -> new AssertionError(recipe.id() + ": no read of " + claim.subject().path()));
            worlds.add(world(claim, read));
        }
        return worlds;
    }

    /** The releases, newest first, as the recipe reads them. */
    private void stubReleases(SourceServer server) {
        if (from == ReleaseSpec.From.FEED) {
            server.onGet(recipe.feed()).atom(AtomFixtures.gitHubTags(recipe.repo(), List.of(
                    new AtomFixtures.EntrySpec(recipe.tag(), recipe.day() + "T10:00:00Z"),
                    new AtomFixtures.EntrySpec(previous(), "2025-01-01T10:00:00Z"))));
            return;
        }
        String repo = recipe.repo();
        String newest = sha(recipe.tag());
        server.onGet("https://api.github.com/repos/" + repo + "/tags?per_page=100").json(GitHubFixtures.tags(repo,
                List.of(new GitHubFixtures.TagSpec(recipe.tag(), newest),
                        new GitHubFixtures.TagSpec(previous(), sha(previous())))));
        server.onGet("https://api.github.com/repos/" + repo + "/commits/" + newest).json(GitHubFixtures.commit(repo,
                newest, recipe.day() + "T10:00:00+00:00", recipe.tag()));
    }

    private String sha(String tag) {
        return Optional.ofNullable(SHAS.get(recipe.repo() + " " + tag)).orElseThrow();
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
                stubReleases(server);
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
                    server.onGet(raw(f.repo(), f.ref(), f.path())).text(fixture(recipe.id(), Optional.ofNullable(
                            CANARY_FIXTURES.get(f.repo() + " " + f.ref() + " " + f.path())).orElse(at.fixture())));
                    // The history search starts from every canary's ref: a file other than the canary's is read there
                    // too. Where no canary of its own stands, it is there without the feature (bash-5.2's CHANGES).
                    for (Read other : recipe.reads()) {
                        boolean ownCanary = checker.canaries().stream().map(c -> (Canary.GitHubFile) c.target())
                                .anyMatch(g -> g.ref().equals(f.ref()) && g.path().equals(other.path()));
                        if (!ownCanary && !refs().containsKey(f.ref())) {
                            server.onGet(raw(f.repo(), f.ref(), other.path())).text(without(other));
                        }
                    }
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

    private static String raw(String repo, String ref, String path) {
        return "https://raw.githubusercontent.com/" + repo + "/" + ref + "/" + path;
    }

    /** A read's file without the lines its probe looks for. */
    private String without(Read read) {
        RemovalClaim claim = checker.removalClaims().stream().filter(c -> c.subject().path().equals(read.path()))
                .findFirst().orElseThrow();
        return fixture(recipe.id(), read.fixture()).lines().filter(l -> !claim.subject().marker().matcher(l).find())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
