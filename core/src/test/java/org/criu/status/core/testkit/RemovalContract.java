package org.criu.status.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.source.PathHistory.Subject;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.RemovalClaim;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;
import org.criu.status.core.testkit.GitHubFixtures.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The removal contract every checker that declares a {@link RemovalClaim} must keep: a missing file is not a
 * removed feature. For each claim, the kit builds five histories in GitHub's real answer shapes (compare, the
 * path's history, raw contents) around a world the checker's test describes, and checks:
 * <ol>
 *   <li>the file renamed in the release that lacks it: the verdict is the one with the file in place, and the
 *       evidence cites the new path;</li>
 *   <li>its content moved into a new file: the same verdict, citing the new file;</li>
 *   <li>the tree above it restructured (its directory renamed): the same verdict;</li>
 *   <li>a real deletion: {@code REMOVED}, citing the commit that deleted it (and {@code dropped} where the
 *       world says the entry rests on it);</li>
 *   <li>a failing comparison: no {@code REMOVED}, never {@code dropped}.</li>
 * </ol>
 * A checker module binds it by extending this class with the {@link World}s of its claims; the CLI's layout test
 * checks that every checker declaring a claim does.
 */
public abstract class RemovalContract {

    @RegisterExtension
    protected static final SourceServer server = new SourceServer();

    /** The day the kit's base release was cut; the history is read from a day before it. */
    static final String BASE_DATE = "2026-01-01T00:00:00Z";
    static final String SINCE = "2025-12-31T00:00:00Z";
    static final String DELETING = "d".repeat(40);
    static final String PARENT = "c".repeat(40);
    static final String MERGE_BASE = "b".repeat(40);
    static final String HEAD = "e".repeat(40);
    static final int PULL = 4321;

    /** One claim of the checker, in a world its test describes. */
    protected interface World {
        /** The checker under test. */
        Checker checker();

        /** The claim exercised; it must be one the checker declares. */
        RemovalClaim claim();

        /** The page entry the checker checks. */
        Integration entry();

        /** The ref the checker compares from: the last one that has the subject. */
        String had();

        /** The ref the checker compares to: the first one without the subject. */
        String lacks();

        /**
         * Every ref at which the checker may read the subject, and whether it is there in the removal stories
         * (true for {@link #had()} and older, false for {@link #lacks()} and newer). The kit serves the subject
         * (or its absence) at each.
         */
        Map<String, Boolean> refs();

        /** Everything else the checker reads (tags, listings, release notes, its canaries), stubbed on the server. */
        void stub(SourceServer server);

        /** The text of the subject's file (its presence file for a directory) where the feature is there. */
        String featureText();

        /** For a {@code LINES} subject: the file once the feature's lines are gone. */
        default String textWithout() {
            return featureText().lines().filter(l -> !claim().subject().marker().matcher(l).find())
                    .collect(Collectors.joining("\n", "", "\n"));
        }

        /** Extra reads the checker makes at a followed location (a directory's other files), stubbed there. */
        default void stubFollowed(SourceServer server, String followedPath, List<String> refs) {
        }

        /** The status the entry takes when the claim's subject is really deleted. */
        default Optional<Status> statusOnDeletion() {
            return Optional.of(Status.DROPPED);
        }
    }

    /** The worlds, one per claim the checker declares (or more). */
    protected abstract List<World> worlds();

    @Test
    void everyDeclaredClaimHasAWorld() {
        for (World world : worlds()) {
            assertThat(world.checker().removalClaims()).as("claims of " + world.checker().id())
                    .contains(world.claim());
            assertThat(world.claim().host()).as(world.claim().what() + ": the kit's stories are shaped like GitHub's"
                    + " answers; a GitLab claim needs GitLab-shaped stories (GitLabFixtures) added here")
                    .isEqualTo(RemovalClaim.Host.GITHUB);
        }
        assertThat(worlds().stream().map(World::claim).distinct().count())
                .as("a world for every claim").isEqualTo(worlds().get(0).checker().removalClaims().size());
    }

    @Test
    void aRenamedFileKeepsTheVerdictAndTheEvidenceCitesTheNewPath() {
        each(world -> {
            Finding baseline = baseline(world);
            Subject subject = world.claim().subject();
            String to = renamed(subject.path());
            String newPresence = to + subject.presenceFile().substring(subject.path().length());
            List<FileSpec> files = new ArrayList<>();
            files.add(FileSpec.renamed(subject.presenceFile(), newPresence, null));
            Finding finding = story(world, files, newPresence, to);

            assertSameVerdict(world, baseline, finding, "renamed");
            assertThat(finding.evidence()).as(world.claim().what() + " renamed: the evidence cites " + to)
                    .anyMatch(e -> e.url().contains(to) && e.supports().isPresent());
        });
    }

    @Test
    void contentMovedIntoANewFileKeepsTheVerdict() {
        each(world -> {
            Finding baseline = baseline(world);
            Subject subject = world.claim().subject();
            String feature = world.featureText();
            String markerLines = feature.lines().filter(l -> subject.marker().matcher(l).find())
                    .collect(Collectors.joining("\n"));
            assertThat(markerLines).as("the feature text of " + world.claim().what() + " has a line the marker finds")
                    .isNotEmpty();
            String to = moved(subject.presenceFile());
            List<FileSpec> files = new ArrayList<>();
            files.add(subject.kind() == Subject.Kind.LINES
                    ? FileSpec.modified(subject.path(), patch('-', markerLines))
                    : FileSpec.removed(subject.presenceFile(), patch('-', feature)));
            files.add(FileSpec.added(to, patch('+', feature)));
            Finding finding = story(world, files, to, to);

            assertSameVerdict(world, baseline, finding, "moved");
            assertThat(finding.evidence()).as(world.claim().what() + " moved: the evidence cites " + to)
                    .anyMatch(e -> e.url().contains(to) && e.supports().isPresent());
        });
    }

    @Test
    void aRestructuredTreeKeepsTheVerdict() {
        each(world -> {
            Finding baseline = baseline(world);
            Subject subject = world.claim().subject();
            String dir = subject.kind() == Subject.Kind.DIRECTORY ? subject.path() : parent(subject.path());
            String newDir = restructured(dir);
            String newPresence = newDir + subject.presenceFile().substring(dir.length());
            List<FileSpec> files = new ArrayList<>();
            // A tree moves as a whole: its neighbours go with it, each a rename of its own.
            files.add(FileSpec.renamed(dir + "/README.md", newDir + "/README.md", null));
            files.add(FileSpec.renamed(subject.presenceFile(), newPresence, null));
            files.add(FileSpec.renamed(dir + "/Makefile.am", newDir + "/Makefile.am", null));
            String followed = subject.kind() == Subject.Kind.DIRECTORY ? newDir : newPresence;
            Finding finding = story(world, files, newPresence, followed);

            assertSameVerdict(world, baseline, finding, "restructured");
            assertThat(finding.evidence()).as(world.claim().what() + " restructured: the evidence cites " + newDir)
                    .anyMatch(e -> e.url().contains(newDir) && e.supports().isPresent());
        });
    }

    @Test
    void aRealDeletionIsRemovedCitingTheDeletingCommit() {
        each(world -> {
            Subject subject = world.claim().subject();
            List<FileSpec> files = new ArrayList<>();
            files.add(subject.kind() == Subject.Kind.LINES
                    ? FileSpec.modified(subject.path(), patch('-', world.featureText().lines()
                            .filter(l -> subject.marker().matcher(l).find()).collect(Collectors.joining("\n"))))
                    : FileSpec.removed(subject.presenceFile(), patch('-', world.featureText())));
            files.add(FileSpec.modified("NEWS", patch('+', "Removed " + world.claim().what() + ".")));
            world.stub(server);
            subjectAtRefs(world);
            compare(world, files);
            String repo = world.claim().repo();
            server.onGet("https://api.github.com/repos/" + repo + "/commits?sha=" + enc(world.lacks()) + "&path="
                    + enc(subject.path()) + "&since=" + SINCE + "&per_page=100").json(GitHubFixtures.history(repo,
                    List.of(new CommitSpec(DELETING, "2026-02-02T10:00:00Z",
                            "Remove " + world.claim().what() + " (#" + PULL + ")", PARENT))));
            absentAt(world, DELETING);
            presentAt(world, PARENT);

            Finding finding = server.finding(world.checker(), world.entry());

            String commitUrl = "https://github.com/" + repo + "/commit/" + DELETING;
            assertThat(finding.evidence()).as(world.claim().what() + " deleted: REMOVED cites the deleting commit")
                    .anySatisfy(e -> {
                        assertThat(e.signal()).isEqualTo(Signal.REMOVED);
                        assertThat(e.url()).isEqualTo(commitUrl);
                        assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-02-02"));
                    });
            assertThat(finding.evidence()).extracting(Evidence::url)
                    .contains("https://github.com/" + repo + "/pull/" + PULL);
            world.statusOnDeletion().ifPresent(status -> {
                assertThat(finding.verdict()).as(world.claim().what() + " deleted: " + finding.error().orElse(""))
                        .isIn(Verdict.SUGGESTED,
                        Verdict.CONFIRMED);
                assertThat(finding.suggestedStatus().or(() -> world.entry().status())).contains(status);
            });
            assertNothingUnanswered(world, "deleted");
        });
    }

    @Test
    void aFailingComparisonNeverYieldsRemoved() {
        each(world -> {
            world.stub(server);
            subjectAtRefs(world);
            server.onGet(compareUrl(world)).status(502);

            Finding finding = server.finding(world.checker(), world.entry());

            assertThat(finding.evidence()).as(world.claim().what() + ": a failing comparison proves no removal")
                    .noneMatch(e -> e.signal() == Signal.REMOVED);
            assertThat(finding.suggestedStatus()).isNotEqualTo(Optional.of(Status.DROPPED));
            assertNothingUnanswered(world, "failing comparison");
        });
    }

    // The stories.

    private void each(Consumer<World> check) {
        for (World world : worlds()) {
            server.reset();
            check.accept(world);
            server.reset();
        }
    }

    /** The verdict with the subject in place at every ref: what a rename or a move must not change. */
    private Finding baseline(World world) {
        world.stub(server);
        for (String ref : world.refs().keySet()) {
            onRaw(world, ref, world.claim().subject().presenceFile()).text(world.featureText());
        }
        Finding baseline = server.finding(world.checker(), world.entry());
        assertNothingUnanswered(world, "baseline");
        assertThat(baseline.verdict()).as(world.claim().what() + ": the baseline decides something")
                .isIn(Verdict.CONFIRMED, Verdict.SUGGESTED);
        server.reset();
        return baseline;
    }

    /** The subject missing where the world says, the history showing {@code files}, the feature at {@code at}. */
    private Finding story(World world, List<FileSpec> files, String at, String followed) {
        world.stub(server);
        subjectAtRefs(world);
        compare(world, files);
        List<String> without = world.refs().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .toList();
        for (String ref : without) {
            onRaw(world, ref, at).text(world.featureText());
        }
        world.stubFollowed(server, followed, without);
        Finding finding = server.finding(world.checker(), world.entry());
        assertNothingUnanswered(world, "story");
        assertThat(finding.evidence()).noneMatch(e -> e.signal() == Signal.REMOVED);
        return finding;
    }

    private void assertSameVerdict(World world, Finding baseline, Finding finding, String story) {
        String what = world.claim().what() + " " + story;
        assertThat(finding.verdict()).as(what + ": verdict (" + finding.error().orElse("") + ")")
                .isEqualTo(baseline.verdict());
        assertThat(finding.suggestedStatus()).as(what + ": suggestion").isEqualTo(baseline.suggestedStatus());
        assertThat(finding.qualifier()).as(what + ": qualifier").isEqualTo(baseline.qualifier());
    }

    private void subjectAtRefs(World world) {
        world.refs().forEach((ref, there) -> {
            if (there) {
                presentAt(world, ref);
            } else {
                absentAt(world, ref);
            }
        });
    }

    private void presentAt(World world, String ref) {
        onRaw(world, ref, world.claim().subject().presenceFile()).text(world.featureText());
    }

    private void absentAt(World world, String ref) {
        Subject subject = world.claim().subject();
        if (subject.kind() == Subject.Kind.LINES) {
            onRaw(world, ref, subject.path()).text(world.textWithout());
        } else {
            onRaw(world, ref, subject.presenceFile()).notFound();
        }
    }

    private SourceServer.Stub onRaw(World world, String ref, String path) {
        return server.onGet("https://raw.githubusercontent.com/" + world.claim().repo() + "/" + ref + "/" + path);
    }

    private void compare(World world, List<FileSpec> files) {
        String repo = world.claim().repo();
        server.onGet(compareUrl(world)).json(GitHubFixtures.compare(repo, world.had(), world.lacks(),
                new CommitSpec(MERGE_BASE, BASE_DATE, "Release " + world.had(), "a".repeat(40)),
                List.of(new CommitSpec(HEAD, "2026-03-01T10:00:00Z", "Release " + world.lacks(), MERGE_BASE)), files));
    }

    private static String compareUrl(World world) {
        return "https://api.github.com/repos/" + world.claim().repo() + "/compare/" + world.had() + "..." + world.lacks();
    }

    private void assertNothingUnanswered(World world, String story) {
        List<LoggedRequest> unmatched = server.wireMock().findAllUnmatchedRequests();
        assertThat(unmatched).as(world.claim().what() + " (" + story + "): requests no stub answered")
                .extracting(r -> r.getMethod() + " " + r.getUrl()).isEmpty();
    }

    private static String patch(char sign, String text) {
        StringBuilder out = new StringBuilder("@@ -1," + text.lines().count() + " +1," + text.lines().count() + " @@\n");
        text.lines().forEach(l -> out.append(sign).append(l).append('\n'));
        return out.toString();
    }

    /** {@code dir/name.ext} renamed in place: {@code dir/name_renamed.ext}; a directory gets the suffix. */
    static String renamed(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) + "_renamed" + path.substring(dot) : path + "_renamed";
    }

    /** A new file next to the old one that takes its content. */
    static String moved(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + "moved_" + path.substring(slash + 1);
    }

    /** The directory one level deeper: {@code a/b} becomes {@code a/restructured/b}. */
    static String restructured(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash < 0 ? "restructured/" + dir : dir.substring(0, slash) + "/restructured" + dir.substring(slash);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
