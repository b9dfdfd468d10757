package org.criu.status.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.source.PathHistory.Answer;
import org.criu.status.core.source.PathHistory.Deleted;
import org.criu.status.core.source.PathHistory.Moved;
import org.criu.status.core.source.PathHistory.Renamed;
import org.criu.status.core.source.PathHistory.Subject;
import org.criu.status.core.source.PathHistory.Unknown;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;
import org.criu.status.core.testkit.GitHubFixtures.FileSpec;
import org.criu.status.core.testkit.GitLabFixtures;
import org.criu.status.core.testkit.GitLabFixtures.DiffSpec;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PathHistory against GitHub's and GitLab's real answer shapes (compare, the path's history, one commit's
 * files, raw contents), served by WireMock on loopback: the kit rewrites every real host to it.
 */
class PathHistoryTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String REPO = "acme/tool";
    private static final String API = "https://api.github.com/repos/" + REPO;
    private static final String RAW = "https://raw.githubusercontent.com/" + REPO + "/";
    private static final String CMD = "cli/command/checkpoint/cmd.go";
    private static final Pattern MARKER = Pattern.compile("Use:\\s*\"checkpoint\"");
    private static final String COMMAND = """
            package checkpoint

            func newCheckpointCommand() *cobra.Command {
            \tcmd := &cobra.Command{
            \t\tUse:   "checkpoint",
            \t}
            \treturn cmd
            }
            """;
    private static final String COMPARE = API + "/compare/v2.0.0...v2.1.0";
    private static final CommitSpec BASE = new CommitSpec(sha('b'), "2026-01-10T10:00:00+01:00", "Release 2.0.0",
            sha('a'));
    private static final CommitSpec HEAD = new CommitSpec(sha('f'), "2026-03-10T10:00:00+01:00", "Release 2.1.0",
            sha('e'));

    private static String sha(char c) {
        return String.valueOf(c).repeat(40);
    }

    private static String sha(int n) {
        return String.format("%040x", n);
    }

    private PathHistory history() {
        return PathHistory.github(server.context().github(), REPO);
    }

    private void compare(List<FileSpec> files) {
        server.onGet(COMPARE).json(GitHubFixtures.compare(REPO, "v2.0.0", "v2.1.0", BASE, List.of(HEAD), files));
    }

    private static String patch(String sign, String text) {
        StringBuilder out = new StringBuilder("@@ -0,0 +1," + text.lines().count() + " @@\n");
        text.lines().forEach(l -> out.append(sign).append(l).append('\n'));
        return out.toString();
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void aRenamedFileIsFollowedToItsNewPath() {
        compare(List.of(FileSpec.renamed(CMD, "cli/command/container/checkpoint.go", null),
                FileSpec.modified("cli/command/commands.go", "@@ -1 +1 @@\n-old\n+new\n")));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isEqualTo(new Renamed(CMD, "cli/command/container/checkpoint.go",
                "https://github.com/acme/tool/compare/v2.0.0...v2.1.0"));
        assertThat(apiRequests()).isEqualTo(1);
    }

    @Test
    void contentMovedIntoAnotherFileOfTheSameChangeIsFollowed() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND)),
                FileSpec.added("cli/command/container/checkpoint.go", patch("+", COMMAND))));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Moved.class, m -> {
            assertThat(m.to()).isEqualTo("cli/command/container/checkpoint.go");
            assertThat(m.line()).isEqualTo("Use:   \"checkpoint\",");
        });
        assertThat(apiRequests()).isEqualTo(1);
    }

    @Test
    void aRestructuredTreeMapsADirectoryToItsNewHome() {
        compare(List.of(FileSpec.renamed("docs/man/podman-checkpoint.1.md", "docs/source/markdown/podman-checkpoint.1.md", null),
                FileSpec.renamed("docs/man/podman-restore.1.md", "docs/source/markdown/podman-restore.1.md", null),
                FileSpec.renamed("docs/man/Makefile", "docs/source/markdown/Makefile", null)));

        Answer dir = history().whatHappened(Subject.directory("docs/man", "docs/man/Makefile", MARKER), "v2.0.0",
                "v2.1.0");
        Answer file = history().whatHappened(Subject.file("docs/man/podman-checkpoint.1.md", MARKER), "v2.0.0",
                "v2.1.0");

        assertThat(dir).isInstanceOfSatisfying(Renamed.class, r -> {
            assertThat(r.to()).isEqualTo("docs/source/markdown");
            assertThat(r.follow("docs/man/podman-checkpoint.1.md")).isEqualTo("docs/source/markdown/podman-checkpoint.1.md");
        });
        assertThat(file).isInstanceOfSatisfying(Renamed.class,
                r -> assertThat(r.to()).isEqualTo("docs/source/markdown/podman-checkpoint.1.md"));
    }

    @Test
    void aDeletionCitesTheCommitThatRemovedItAndThePullRequestItsMessageNames() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND)),
                FileSpec.modified("cli/command/commands.go", "@@ -4,2 +4,1 @@\n-\tcheckpoint.New(cli)\n \tother\n")));
        CommitSpec deleting = new CommitSpec(sha(3), "2026-02-20T09:00:00Z",
                "Merge pull request #4242 from dev/drop-checkpoint\n\nRemove the checkpoint command", sha(1));
        // The window holds the commit that added the file too: before it, the file was not there either.
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .json(GitHubFixtures.history(REPO, List.of(deleting,
                        new CommitSpec(sha(1), "2026-01-20T09:00:00Z", "Add checkpoint", sha(0)))));
        server.onGet(RAW + sha(3) + "/" + CMD).notFound();
        server.onGet(RAW + sha(1) + "/" + CMD).text(COMMAND);
        server.onGet(RAW + sha(0) + "/" + CMD).notFound();

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> {
            assertThat(d.commit().sha()).isEqualTo(sha(3));
            assertThat(d.commit().url()).isEqualTo("https://github.com/acme/tool/commit/" + sha(3));
            assertThat(d.commit().title()).isEqualTo("Merge pull request #4242 from dev/drop-checkpoint");
            assertThat(d.commit().day()).hasToString("2026-02-20");
            assertThat(d.request()).contains("https://github.com/acme/tool/pull/4242");
            List<Evidence> evidence = d.evidence("github", CMD);
            assertThat(evidence.get(0).signal()).isEqualTo(Signal.REMOVED);
            assertThat(evidence.get(0).url()).isEqualTo("https://github.com/acme/tool/commit/" + sha(3));
            assertThat(evidence.get(0).excerpt()).contains("Merge pull request #4242 from dev/drop-checkpoint");
            assertThat(evidence.get(1).url()).isEqualTo("https://github.com/acme/tool/pull/4242");
        });
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void removedLinesAreTracedToTheCommitThatRemovedThemByBisectingThePathsHistory() {
        String with = "line\n0 lelong 0x54564319 CRIU image file v1.1\n";
        String without = "line\n";
        compare(List.of(FileSpec.modified("magic/Magdir/linux", "@@ -1,2 +1 @@\n line\n-0 lelong 0x54564319 CRIU image file v1.1\n")));
        // Ten commits touched the file since the base; the fourth newest (index 3) dropped the lines.
        List<CommitSpec> commits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commits.add(new CommitSpec(sha(100 + i), "2026-02-%02dT09:00:00Z".formatted(20 - i),
                    i == 3 ? "Drop CRIU magic (#77)" : "Update magic " + i, sha(100 + i + 1)));
        }
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc("magic/Magdir/linux")
                + "&since=2026-01-09T09:00:00Z&per_page=100").json(GitHubFixtures.history(REPO, commits));
        for (int i = 0; i <= 10; i++) {
            server.onGet(RAW + sha(100 + i) + "/magic/Magdir/linux").text(i <= 3 ? without : with);
        }

        Answer answer = history().whatHappened(Subject.lines("magic/Magdir/linux", Pattern.compile("\\bCRIU\\b")),
                "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> {
            assertThat(d.commit().sha()).isEqualTo(sha(103));
            assertThat(d.request()).contains("https://github.com/acme/tool/pull/77");
        });
        // Bisection, not a walk: well under one raw read per commit.
        long rawReads = server.requests().stream().filter(r -> r.getUrl().startsWith("/raw.githubusercontent.com/")).count();
        assertThat(rawReads).isLessThanOrEqualTo(6);
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void aComparisonCutAtThreeHundredFilesIsNarrowedToTheDeletingCommit() {
        List<FileSpec> many = new ArrayList<>();
        for (int i = 0; i < GitHubClient.COMPARE_MAX_FILES; i++) {
            many.add(FileSpec.modified("vendor/lib" + i + ".go", null));
        }
        compare(many);
        CommitSpec deleting = new CommitSpec(sha(3), "2026-02-20T09:00:00Z", "Move checkpoint under container", sha(2));
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .json(GitHubFixtures.history(REPO, List.of(deleting)));
        server.onGet(RAW + sha(3) + "/" + CMD).notFound();
        server.onGet(RAW + sha(2) + "/" + CMD).text(COMMAND);
        server.onGet(API + "/commits/" + sha(3)).json(GitHubFixtures.commitWithFiles(REPO, deleting, List.of(
                FileSpec.removed(CMD, patch("-", COMMAND)),
                FileSpec.added("cli/command/container/checkpoint.go", patch("+", COMMAND)))));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Moved.class, m -> {
            assertThat(m.to()).isEqualTo("cli/command/container/checkpoint.go");
            assertThat(m.seenAt()).isEqualTo("https://github.com/acme/tool/commit/" + sha(3));
        });
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void aNarrowedDeletionIsProvenByTheCommitsOwnDiff() {
        List<FileSpec> many = new ArrayList<>();
        for (int i = 0; i < GitHubClient.COMPARE_MAX_FILES; i++) {
            many.add(FileSpec.modified("vendor/lib" + i + ".go", "@@ -1 +1 @@\n-a\n+b\n"));
        }
        compare(many);
        CommitSpec deleting = new CommitSpec(sha(3), "2026-02-20T09:00:00Z", "Remove checkpoint (#99)", sha(2));
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .json(GitHubFixtures.history(REPO, List.of(deleting)));
        server.onGet(RAW + sha(3) + "/" + CMD).notFound();
        server.onGet(RAW + sha(2) + "/" + CMD).text(COMMAND);
        server.onGet(API + "/commits/" + sha(3)).json(GitHubFixtures.commitWithFiles(REPO, deleting, List.of(
                FileSpec.removed(CMD, patch("-", COMMAND)))));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> {
            assertThat(d.commit().sha()).isEqualTo(sha(3));
            assertThat(d.request()).contains("https://github.com/acme/tool/pull/99");
        });
    }

    @Test
    void aFileShownWithoutItsDiffIsReadBeforeMovedContentIsRuledOut() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND)),
                FileSpec.modified("cli/command/container/cmd.go", null)));
        server.onGet(RAW + "v2.1.0/cli/command/container/cmd.go").text("package container\n" + COMMAND);
        server.onGet(RAW + "v2.0.0/cli/command/container/cmd.go").text("package container\n");

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Moved.class,
                m -> assertThat(m.to()).isEqualTo("cli/command/container/cmd.go"));
    }

    /** A release note naming the feature beside its deletion: removed lines never re-added anywhere. */
    private static final String NOTE = "* Use: \"checkpoint\" is gone: the command was removed.";

    private void deletedBy(CommitSpec deleting) {
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .json(GitHubFixtures.history(REPO, List.of(deleting)));
        server.onGet(RAW + sha(3) + "/" + CMD).notFound();
        server.onGet(RAW + sha(2) + "/" + CMD).text(COMMAND);
    }

    @Test
    void aReleaseNoteNamingTheFeatureBesideItsDeletionIsNoMove() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND)),
                FileSpec.modified("CHANGELOG.md", "@@ -1,1 +1,2 @@\n+" + NOTE + "\n # Changelog\n")));
        deletedBy(new CommitSpec(sha(3), "2026-02-20T09:00:00Z", "Remove checkpoint (#99)", sha(2)));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> assertThat(d.commit().sha()).isEqualTo(sha(3)));
    }

    @Test
    void aReleaseNoteShownWithoutItsDiffIsNoMoveEither() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND)), FileSpec.modified("CHANGELOG.md", null)));
        server.onGet(RAW + "v2.1.0/CHANGELOG.md").text("# Changelog\n" + NOTE + "\n");
        server.onGet(RAW + "v2.0.0/CHANGELOG.md").text("# Changelog\n");
        deletedBy(new CommitSpec(sha(3), "2026-02-20T09:00:00Z", "Remove checkpoint (#99)", sha(2)));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> assertThat(d.commit().sha()).isEqualTo(sha(3)));
    }

    @Test
    void movedLinesAreRecognisedWhateverTheirIndentation() {
        compare(List.of(FileSpec.modified(CMD, "@@ -5,1 +5,0 @@\n-\t\tUse:   \"checkpoint\",\n"),
                FileSpec.added("cli/command/container/checkpoint.go", "@@ -0,0 +1,1 @@\n+    Use: \"checkpoint\",\n")));

        Answer answer = history().whatHappened(Subject.lines(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Moved.class,
                m -> assertThat(m.to()).isEqualTo("cli/command/container/checkpoint.go"));
    }

    @Test
    void linesMovedWithAnEditAreStillAMoveNeverADeletion() {
        // Moved into another file and edited on the way ("container" added): mostly the same words, a move.
        compare(List.of(FileSpec.modified(CMD,
                        "@@ -5,1 +5,0 @@\n-\t\tUse:   \"checkpoint\", Short: \"Manage checkpoints\",\n"),
                FileSpec.added("cli/command/container/checkpoint.go",
                        "@@ -0,0 +1,1 @@\n+    Use: \"checkpoint\", Short: \"Manage container checkpoints\",\n")));

        Answer answer = history().whatHappened(Subject.lines(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Moved.class,
                m -> assertThat(m.to()).isEqualTo("cli/command/container/checkpoint.go"));
    }

    @Test
    void aFailingComparisonProvesNothing() {
        server.onGet(COMPARE).status(502);

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Unknown.class,
                u -> assertThat(u.reason()).contains("compare/v2.0.0...v2.1.0").contains("502"));
        assertThat(apiRequests()).isEqualTo(3); // the HTTP layer retried the 502 twice; nothing else was asked
    }

    @Test
    void refsWithoutCommonHistoryProveNothing() {
        server.onGet(COMPARE).notFound();

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Unknown.class,
                u -> assertThat(u.reason()).contains("no comparison of v2.0.0 with v2.1.0"));
    }

    @Test
    void aComparisonThatDoesNotShowThePathProvesNothing() {
        compare(List.of(FileSpec.modified("README.md", "@@ -1 +1 @@\n-a\n+b\n")));

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).contains("no change to"));
    }

    @Test
    void aDeletionWhoseCommitCannotBeShownProvesNothing() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND))));
        CommitSpec deleting = new CommitSpec(sha(3), "2026-02-20T09:00:00Z", "Remove", sha(2));
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .json(GitHubFixtures.history(REPO, List.of(deleting)));
        server.onGet(RAW + sha(3) + "/" + CMD).notFound();
        server.onGet(RAW + sha(2) + "/" + CMD).notFound();

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOf(Unknown.class);
    }

    @Test
    void aFailingHistoryReadProvesNothing() {
        compare(List.of(FileSpec.removed(CMD, patch("-", COMMAND))));
        server.onGet(API + "/commits?sha=v2.1.0&path=" + enc(CMD) + "&since=2026-01-09T09:00:00Z&per_page=100")
                .status(500);

        Answer answer = history().whatHappened(Subject.file(CMD, MARKER), "v2.0.0", "v2.1.0");

        assertThat(answer).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.reason()).contains("500"));
    }

    @Test
    void findsTheLastReleaseThatHadThePathByBisectingReleases() throws Exception {
        List<String> releases = List.of("v9", "v8", "v7", "v6", "v5", "v4", "v3", "v2", "v1");
        for (String r : releases) {
            if (r.compareTo("v6") > 0) {
                server.onGet(RAW + r + "/" + CMD).notFound();
            } else {
                server.onGet(RAW + r + "/" + CMD).text(COMMAND);
            }
        }

        assertThat(history().boundary(Subject.file(CMD, MARKER), releases))
                .contains(new PathHistory.Boundary("v6", "v7"));
        // Bisection reads at most 5 of the 9 releases (the first 404 also costs the run one HEAD: is the host up?).
        assertThat(server.requests()).filteredOn(r -> r.getMethod().getName().equals("GET"))
                .hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aKnownReleaseAnchorsTheSearchWhenTheSubjectAppearedWithinTheList() throws Exception {
        // The magic arrived in v3 and left after v6: the oldest listed release never had it.
        List<String> releases = List.of("v9", "v8", "v7", "v6", "v5", "v4", "v3", "v2", "v1");
        for (String r : releases) {
            boolean there = r.compareTo("v3") >= 0 && r.compareTo("v6") <= 0;
            server.onGet(RAW + r + "/magic").text(there ? "0 lelong 1 CRIU image\n" : "0 lelong 2 ELF\n");
        }
        Subject magic = Subject.lines("magic", Pattern.compile("CRIU"));

        assertThat(history().range(magic, releases, List.of("v3"))).contains(new PathHistory.Boundary("v6", "v7"));
        assertThat(history().boundary(magic, releases)).isEmpty();
    }

    @Test
    void aLinesMarkerIsMatchedLineByLineSoAnchorsMeanLineStartAndEnd() throws Exception {
        List<String> releases = List.of("v3", "v2", "v1");
        for (String r : releases) {
            server.onGet(RAW + r + "/magic").text(r.equals("v3") ? "# no more\n0 lelong 2 ELF\n"
                    : "# magic\n0\tlelong\t1\tCRIU image\n");
        }
        Subject anchored = Subject.lines("magic", Pattern.compile("^0\\s+lelong\\s+1\\s+CRIU"));

        assertThat(history().boundary(anchored, releases)).contains(new PathHistory.Boundary("v2", "v3"));
    }

    @Test
    void aKnownReleaseOutsideTheListIsTheBaseWhenNoListedReleaseHasTheSubject() throws Exception {
        for (String r : List.of("v9", "v8")) {
            server.onGet(RAW + r + "/" + CMD).notFound();
        }
        server.onGet(RAW + "v1/" + CMD).text(COMMAND);

        assertThat(history().range(Subject.file(CMD, MARKER), List.of("v9", "v8"), List.of("v1")))
                .contains(new PathHistory.Boundary("v1", "v8"));
    }

    // GitLab: the same questions on gitlab.freedesktop.org.

    private static final String GL = "https://gitlab.freedesktop.org";
    private static final String GL_API = GL + "/api/v4/projects/wayland%2Fweston";

    @Test
    void gitLabRenamesAreFollowed() {
        server.onGet(GL_API + "/repository/compare?from=13.0.0&to=14.0.0").json(GitLabFixtures.compare(GL,
                "wayland/weston", "13.0.0", "14.0.0", List.of(new GitLabFixtures.CommitSpec(sha('c'),
                        "2024-09-01T10:00:00.000+02:00", "build: move options", List.of(sha('b')))),
                List.of(DiffSpec.renamed("meson_options.txt", "meson.options", "")), false));

        Answer answer = PathHistory.gitlab(server.context().gitlab(), "wayland/weston")
                .whatHappened(Subject.file("meson_options.txt", Pattern.compile("criu")), "13.0.0", "14.0.0");

        assertThat(answer).isEqualTo(new Renamed("meson_options.txt", "meson.options",
                GL + "/wayland/weston/-/compare/13.0.0...14.0.0"));
    }

    @Test
    void aTimedOutGitLabComparisonIsNarrowedAndTheMergeRequestIsNamed() {
        server.onGet(GL_API + "/repository/compare?from=13.0.0&to=14.0.0").json(GitLabFixtures.compare(GL,
                "wayland/weston", "13.0.0", "14.0.0", List.of(), List.of(), true));
        var deleting = new GitLabFixtures.CommitSpec(sha('d'), "2024-09-02T10:00:00.000+02:00",
                "Merge branch 'drop-criu' into 'main'\n\nRemove the CRIU option\n\nSee merge request wayland/weston!1234",
                List.of(sha('c'), sha('e')));
        server.onGet(GL_API + "/repository/commits?ref_name=14.0.0&path=meson_options.txt&per_page=100")
                .json(GitLabFixtures.commits(GL, "wayland/weston", List.of(deleting)));
        server.onGet(GL_API + "/repository/files/meson_options.txt/raw?ref=" + sha('d'))
                .text("option('backend-drm', type: 'boolean')\n");
        server.onGet(GL_API + "/repository/files/meson_options.txt/raw?ref=" + sha('c'))
                .text("option('criu', type: 'boolean')\n");
        server.onGet(GL_API + "/repository/commits/" + sha('d') + "/diff?per_page=100").json(GitLabFixtures.diffs(
                List.of(DiffSpec.modified("meson_options.txt", "@@ -1 +1 @@\n-option('criu', type: 'boolean')\n"
                        + "+option('backend-drm', type: 'boolean')\n"))));

        Answer answer = PathHistory.gitlab(server.context().gitlab(), "wayland/weston")
                .whatHappened(Subject.lines("meson_options.txt", Pattern.compile("criu")), "13.0.0", "14.0.0");

        assertThat(answer).isInstanceOfSatisfying(Deleted.class, d -> {
            assertThat(d.commit().url()).isEqualTo(GL + "/wayland/weston/-/commit/" + sha('d'));
            assertThat(d.commit().title()).isEqualTo("Merge branch 'drop-criu' into 'main'");
            assertThat(d.request()).contains(GL + "/wayland/weston/-/merge_requests/1234");
        });
    }

    private static String enc(String path) {
        return java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }
}
