package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.checkers.recipes.Bundled.fixture;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import java.util.stream.Stream;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recipes that read files at the newest release tag, each against its fixtures (real lines at their real
 * line numbers, from the projects' public history): today they ship; with the line gone they do not; a failing
 * source leaves the entry unverified. WireMock stands in for every origin (the kit rewrites them).
 */
class FileRecipesTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    /** One file a recipe reads: its path at the tag, the fixture, the line cited, a word whose loss flips it. */
    record Read(String path, String fixture, int line, String flip) {
    }

    /** A recipe, the heading it proposes, its repository and newest tag (with date), what it reads. */
    record Case(String id, String heading, String section, String repo, String tag, String day, String qualifier,
                List<Read> reads) {
        String feed() {
            return "https://github.com/" + repo + "/tags.atom";
        }

        String raw(Read read) {
            return "https://raw.githubusercontent.com/" + repo + "/" + tag + "/" + read.path();
        }

        String cited(Read read) {
            return "https://github.com/" + repo + "/blob/" + tag + "/" + read.path() + "#L" + read.line();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> recipes() {
        return Stream.of(
                new Case("cri-o", "CRI-O", "Container platforms", "cri-o/cri-o", "v1.36.3", "2026-08-04", null, List.of(
                        new Read("server/container_checkpoint.go", "container_checkpoint.go", 17, "CheckpointContainer"),
                        new Read("internal/lib/checkpoint.go", "checkpoint.go", 12, "go-criu"))),
                new Case("containerd", "containerd", "Container platforms", "containerd/containerd", "v2.3.4",
                        "2026-08-12", null, List.of(
                        new Read("cmd/ctr/commands/containers/checkpoint.go", "ctr-checkpoint.go", 30, "\"checkpoint\""),
                        new Read("internal/cri/server/container_checkpoint_linux.go", "container_checkpoint_linux.go",
                                601, "CheckpointContainer"))),
                new Case("runc", "runc", "Container platforms", "opencontainers/runc", "v1.5.1", "2026-07-14", null,
                        List.of(new Read("checkpoint.go", "checkpoint.go", 21, "\"checkpoint\""),
                                new Read("restore.go", "restore.go", 12, "\"restore\""))),
                new Case("crun", "crun", "Container platforms", "containers/crun", "1.29.1", "2026-08-13",
                        "built with libcriu", List.of(
                        new Read("crun.1.md", "crun.1.md", 69, "using CRIU"),
                        new Read("src/libcrun/criu.c", "criu.c", 549, "libcrun_container_checkpoint_linux_criu"))),
                new Case("incus", "Incus", "Container platforms", "lxc/incus", "v7.3.0", "2026-07-30",
                        "limited live migration", List.of(
                        new Read("doc/howto/move_instances.md", "move_instances.md", 56, "limited support"))),
                new Case("openj9", "Eclipse OpenJ9", "Other", "eclipse-openj9/openj9", "openj9-0.60.0", "2026-07-28",
                        null, List.of(
                        new Read("runtime/oti/jvminit.h", "jvminit.h", 430, "EnableCRIUSupport\""),
                        new Read("jcl/src/java.base/share/classes/openj9/internal/criu/InternalCRIUSupport.java",
                                "InternalCRIUSupport.java", 72, "class InternalCRIUSupport"))),
                new Case("amd-gpu", "AMD GPUs", "Other", "checkpoint-restore/criu", "v4.2", "2025-11-13", null, List.of(
                        new Read("plugins/amdgpu/amdgpu_plugin.c", "amdgpu_plugin.c", 394, "CR_PLUGIN_REGISTER("),
                        new Read("Documentation/criu-amdgpu-plugin.txt", "criu-amdgpu-plugin.txt", 6,
                                "plugin extension"))));
    }

    private void asToday(Case c) {
        server.onGet(c.feed()).atom(fixture(c.id(), "tags.atom"));
        for (Read read : c.reads()) {
            server.onGet(c.raw(read)).text(fixture(c.id(), read.fixture()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void todayTheNewestReleaseShipsItAndTheEntryToAddSaysReady(Case c) {
        asToday(c);
        RecipeChecker recipe = Bundled.recipe(c.id());

        Finding finding = server.notOnPage(recipe);

        assertThat(finding.integration().heading()).isEqualTo(c.heading());
        assertThat(finding.integration().section()).contains(c.section());
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).isEqualTo(java.util.Optional.ofNullable(c.qualifier()));
        assertThat(finding.evidence()).extracting(Evidence::url)
                .containsExactlyElementsOf(c.reads().stream().map(c::cited).toList());
        for (int i = 0; i < c.reads().size(); i++) {
            Evidence e = finding.evidence().get(i);
            assertThat(e.signal()).isEqualTo(Signal.RELEASED);
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString(c.day()));
            String flip = c.reads().get(i).flip();
            assertThat(e.excerpt()).as("the source's own line").hasValueSatisfying(x -> assertThat(x).contains(flip));
        }
        assertThat(server.requests()).as("tags feed and raw files only: no REST budget spent")
                .noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void anEntryOnThePageSayingReadyIsConfirmedUnderItsOwnHeading(Case c) {
        asToday(c);

        Finding finding = server.finding(Bundled.recipe(c.id()), entry(c.heading(), "ready",
                c.qualifier() == null ? "" : "(" + c.qualifier() + ")"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
    }

    /** A release before {@code c.tag()}, of the same tag shape, for two-release feeds. */
    static String previous(Case c) {
        return c.tag().startsWith("openj9-") ? "openj9-0.0.1" : c.tag().startsWith("v") ? "v0.0.1" : "0.0.1";
    }

    /** Every canary of the recipe, read at its ref: the file the probe reads there (the fixture stands in). */
    private void canariesHold(Case c) {
        for (Canary canary : Bundled.recipe(c.id()).canaries()) {
            Canary.GitHubFile f = (Canary.GitHubFile) canary.target();
            Read read = c.reads().stream().filter(r -> r.path().equals(f.path())).findFirst().orElseThrow();
            server.onGet("https://raw.githubusercontent.com/" + f.repo() + "/" + f.ref() + "/" + f.path())
                    .text(fixture(c.id(), read.fixture()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void everyFileProbeHasACanaryItsHistorySearchCanStartFrom(Case c) {
        RecipeChecker recipe = Bundled.recipe(c.id());

        for (Read read : c.reads()) {
            assertThat(recipe.canaries()).as(c.id() + " " + read.path()).anySatisfy(canary -> {
                Canary.GitHubFile f = (Canary.GitHubFile) canary.target();
                assertThat(f.repo()).isEqualTo(c.repo());
                assertThat(f.path()).isEqualTo(read.path());
                assertThat(f.ref()).isNotEqualTo(c.tag());
            });
        }
        assertThat(recipe.removalClaims()).hasSize(2 * c.reads().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void withTheLinesGoneAndAFailingHistoryNothingClaimsARemovalNorAnAbsence(Case c) {
        String previous = previous(c);
        server.onGet(c.feed()).atom(org.criu.status.core.testkit.AtomFixtures.gitHubTags(c.repo(), List.of(
                new org.criu.status.core.testkit.AtomFixtures.EntrySpec(c.tag(), c.day() + "T10:00:00Z"),
                new org.criu.status.core.testkit.AtomFixtures.EntrySpec(previous, "2025-01-01T10:00:00Z"))));
        canariesHold(c);
        Read first = c.reads().get(0);
        String text = fixture(c.id(), first.fixture());
        assertThat(text).as("the fixture has the line the flip removes").contains(first.flip());
        server.onGet(c.raw(first)).text(text.replace(first.flip(), "gone"));
        server.onGet(c.raw(first).replace("/" + c.tag() + "/", "/" + previous + "/")).text(text);
        server.onGet("https://api.github.com/repos/" + c.repo() + "/compare/" + previous + "..." + c.tag()).status(502);
        c.reads().stream().skip(1).forEach(r -> server.onGet(c.raw(r)).text(fixture(c.id(), r.fixture())));

        Finding finding = server.finding(Bundled.recipe(c.id()), entry(c.heading(), "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.evidence()).extracting(Evidence::signal).doesNotContain(Signal.ABSENT, Signal.REMOVED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .contains(c.tag() + " lacks the lines of " + first.path(), "which " + previous + " had", "502"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void aFailingSourceLeavesTheEntryUnverifiedNamingIt(Case c) {
        server.onGet(c.feed()).atom(fixture(c.id(), "tags.atom"));
        Read first = c.reads().get(0);
        server.onGet(c.raw(first)).status(500);
        c.reads().stream().skip(1).forEach(r -> server.onGet(c.raw(r)).text(fixture(c.id(), r.fixture())));

        Finding finding = server.notOnPage(Bundled.recipe(c.id()));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(c.raw(first)).contains("500"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void aNewerReleaseIsReadAtItsOwnTag(Case c) {
        String next = c.tag().replaceFirst("(\\d+)$", "99");
        server.onGet(c.feed()).atom(org.criu.status.core.testkit.AtomFixtures.gitHubTags(c.repo(), List.of(
                new org.criu.status.core.testkit.AtomFixtures.EntrySpec(c.tag(), c.day() + "T10:00:00Z"),
                new org.criu.status.core.testkit.AtomFixtures.EntrySpec(next, "2026-11-20T10:00:00Z"))));
        for (Read read : c.reads()) {
            server.onGet(c.raw(read).replace("/" + c.tag() + "/", "/" + next + "/")).text(fixture(c.id(), read.fixture()));
        }

        Finding finding = server.notOnPage(Bundled.recipe(c.id()));

        assertThat(finding.evidence().get(0).url()).contains("/blob/" + next + "/");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-11-20"));
    }
}
