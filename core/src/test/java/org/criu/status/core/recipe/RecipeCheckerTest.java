package org.criu.status.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.testkit.AtomFixtures;
import org.criu.status.core.testkit.AtomFixtures.CommitSpec;
import org.criu.status.core.testkit.AtomFixtures.EntrySpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every probe against WireMock (the kit rewrites each real origin to the local server), through the engine.
 * Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server.
 */
class RecipeCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String FEED = "https://github.com/opencontainers/runc/tags.atom";
    private static final String RAW = "https://raw.githubusercontent.com/opencontainers/runc/v1.5.1/checkpoint.go";
    private static final String CHECKPOINT_GO = """
            package main

            var checkpointCommand = cli.Command{
            \tName:  "checkpoint",
            \tUsage: "checkpoint a running container",
            }
            """;

    private static RecipeChecker recipe(String id, String probes) throws RecipeException {
        return RecipeLoader.parse("test/" + id + ".yaml", """
                id: %s
                covers: [%s]
                entry: {heading: %s, section: Container platforms}
                probes:
                %s""".formatted(id, id, id, probes.indent(2)));
    }

    private static final String FILE_PROBE = """
            - file:
                repo: opencontainers/runc
                release: 'v\\d+\\.\\d+\\.\\d+'
                path: checkpoint.go
                pattern: 'Name:\\s+"checkpoint"'
                what: the runc checkpoint command
                found: released
                missing: absent
            """;

    private void runcFeed() {
        server.onGet(FEED).atom(AtomFixtures.gitHubTags("opencontainers/runc", List.of(
                new EntrySpec("v1.5.1", "2026-07-14T10:52:17+10:00"), new EntrySpec("v1.5.0", "2026-06-19T13:31:29+02:00"),
                new EntrySpec("v1.5.0-rc.3", "2026-06-13T19:15:03+02:00"), new EntrySpec("v1.4.3", "2026-06-13T19:13:51+02:00"))));
    }

    @Test
    void aFileProbeCitesTheMatchingLineAtTheNewestReleaseTagAndQuotesIt() throws Exception {
        runcFeed();
        server.onGet(RAW).text(CHECKPOINT_GO);

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        Evidence shipped = finding.evidence().get(0);
        assertThat(shipped.signal()).isEqualTo(Signal.RELEASED);
        assertThat(shipped.url()).isEqualTo("https://github.com/opencontainers/runc/blob/v1.5.1/checkpoint.go#L4");
        assertThat(shipped.excerpt()).contains("Name:  \"checkpoint\",");
        assertThat(shipped.quote()).isEqualTo("opencontainers/runc v1.5.1: checkpoint.go has the runc checkpoint command");
        assertThat(shipped.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-07-14"));
        assertThat(server.requests()).noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    private static final String RAW_OLDEST = "https://raw.githubusercontent.com/opencontainers/runc/v1.4.3/checkpoint.go";
    private static final String RAW_150 = "https://raw.githubusercontent.com/opencontainers/runc/v1.5.0/checkpoint.go";
    private static final String PAUSE_GO = CHECKPOINT_GO.replace("checkpoint", "pause");
    private static final String COMPARE = "https://api.github.com/repos/opencontainers/runc/compare/v1.5.0...v1.5.1";
    private static final String DELETING = "d".repeat(40);
    private static final String PARENT = "c".repeat(40);

    @Test
    void aLineNoReleaseEverHadIsItsMissingSignal() throws Exception {
        runcFeed();
        server.onGet(RAW).text(PAUSE_GO);
        server.onGet(RAW_OLDEST).text(PAUSE_GO);

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.NOT_STARTED);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT);
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/opencontainers/runc/blob/v1.5.1/checkpoint.go");
        assertThat(server.requests()).as("the oldest release listed never had it: no comparison asked")
                .noneMatch(r -> r.getUrl().startsWith("/api.github.com/"));
    }

    @Test
    void againstAnEntryNotSayingReadyAnAbsenceCostsNoHistory() throws Exception {
        runcFeed();
        server.onGet(RAW).text(PAUSE_GO);

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "stalled"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT);
        assertThat(server.requests()).hasSize(2);
    }

    /** checkpoint.go lost its command between v1.5.0 and v1.5.1: the compare shows what happened. */
    private void lostBetweenReleases(List<GitHubFixtures.FileSpec> files) {
        runcFeed();
        server.onGet(RAW).text(PAUSE_GO);
        server.onGet(RAW_OLDEST).text(CHECKPOINT_GO);
        server.onGet(RAW_150).text(CHECKPOINT_GO);
        server.onGet(COMPARE).json(GitHubFixtures.compare("opencontainers/runc", "v1.5.0", "v1.5.1",
                new GitHubFixtures.CommitSpec("b".repeat(40), "2026-06-19T11:31:29Z", "Release v1.5.0", "a".repeat(40)),
                List.of(new GitHubFixtures.CommitSpec("e".repeat(40), "2026-07-14T00:52:17Z", "Release v1.5.1",
                        "b".repeat(40))), files));
    }

    @Test
    void aMissingLineMovedIntoAnotherFileIsFollowedThere() throws Exception {
        lostBetweenReleases(List.of(
                GitHubFixtures.FileSpec.modified("checkpoint.go", "@@ -4 +4 @@\n-\tName:  \"checkpoint\",\n+\tName:  \"pause\",\n"),
                GitHubFixtures.FileSpec.added("commands/checkpoint.go", "@@ -0,0 +1,2 @@\n+var checkpointCommand = cli.Command{\n+\tName:  \"checkpoint\",\n")));
        server.onGet("https://raw.githubusercontent.com/opencontainers/runc/v1.5.1/commands/checkpoint.go")
                .text("var checkpointCommand = cli.Command{\n\tName:  \"checkpoint\",\n}\n");

        Finding finding = server.finding(recipe("runc", FILE_PROBE.replace("missing: absent", "missing: removed")),
                entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.RELEASED, Signal.CONTEXT);
        assertThat(finding.evidence().get(0).url())
                .isEqualTo("https://github.com/opencontainers/runc/blob/v1.5.1/commands/checkpoint.go#L2");
        assertThat(finding.evidence().get(1).url()).isEqualTo("https://github.com/opencontainers/runc/compare/v1.5.0...v1.5.1");
    }

    @Test
    void aProvenDeletionIsARemovalCitingTheDeletingCommit() throws Exception {
        lostBetweenReleases(List.of(GitHubFixtures.FileSpec.modified("checkpoint.go",
                "@@ -4 +4 @@\n-\tName:  \"checkpoint\",\n+\tName:  \"pause\",\n")));
        server.onGet("https://api.github.com/repos/opencontainers/runc/commits?sha=v1.5.1&path=checkpoint.go"
                + "&since=2026-06-18T11:31:29Z&per_page=100").json(GitHubFixtures.history("opencontainers/runc",
                List.of(new GitHubFixtures.CommitSpec(DELETING, "2026-07-01T09:00:00Z", "Drop checkpoint (#4999)", PARENT))));
        server.onGet("https://raw.githubusercontent.com/opencontainers/runc/" + DELETING + "/checkpoint.go").text(PAUSE_GO);
        server.onGet("https://raw.githubusercontent.com/opencontainers/runc/" + PARENT + "/checkpoint.go").text(CHECKPOINT_GO);

        Finding removed = server.finding(recipe("runc", FILE_PROBE.replace("missing: absent", "missing: removed")),
                entry("runc", "ready"));

        assertThat(removed.suggestedStatus()).as(removed.verdict() + " " + removed.error() + " " + removed.evidence()).contains(Status.DROPPED);
        assertThat(removed.evidence()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.REMOVED);
            assertThat(e.url()).isEqualTo("https://github.com/opencontainers/runc/commit/" + DELETING);
            assertThat(e.excerpt()).contains("Drop checkpoint (#4999)");
            assertThat(e.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-07-01"));
        });
        assertThat(removed.evidence()).extracting(Evidence::url).contains("https://github.com/opencontainers/runc/pull/4999");
        assertThat(removed.evidence().stream().filter(e -> e.url().endsWith("/checkpoint.go")).findFirst().orElseThrow()
                .quote()).endsWith("(last in v1.5.0)");
    }

    @Test
    void aFailingComparisonIsNoRemovalNorAbsence() throws Exception {
        runcFeed();
        server.onGet(RAW).text(PAUSE_GO);
        server.onGet(RAW_OLDEST).text(CHECKPOINT_GO);
        server.onGet(RAW_150).text(CHECKPOINT_GO);
        server.onGet(COMPARE).status(502);

        for (String missing : List.of("removed", "absent")) {
            Finding finding = server.finding(recipe("runc", FILE_PROBE.replace("missing: absent", "missing: " + missing)),
                    entry("runc", "ready"));

            assertThat(finding.verdict()).as(missing).isEqualTo(Verdict.UNVERIFIED);
            assertThat(finding.evidence()).as(missing).noneMatch(e -> e.signal() == Signal.REMOVED || e.signal() == Signal.ABSENT);
            assertThat(finding.error()).as(missing).hasValueSatisfying(e -> assertThat(e)
                    .contains("v1.5.1 lacks the lines of checkpoint.go", "which v1.5.0 had", "502"));
        }
    }

    @Test
    void aRemovalNoReleaseCouldHaveMadeIsNoRemoval() throws Exception {
        runcFeed();
        server.onGet(RAW).text(PAUSE_GO);
        server.onGet(RAW_OLDEST).text(PAUSE_GO);

        Finding finding = server.finding(recipe("runc", FILE_PROBE.replace("missing: absent", "missing: removed")),
                entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("nothing was removed"));
    }

    @Test
    void aFileGoneFromTheReleaseMeansTheRecipeNoLongerFits() throws Exception {
        runcFeed();
        server.onGet(RAW).notFound();
        server.onGet(RAW_OLDEST).notFound();

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).contains("opencontainers/runc has no checkpoint.go at v1.5.1");
    }

    @Test
    void aRenamedFileIsFollowedAndACanaryAnchorsTheHistoryBeyondTheFeed() throws Exception {
        runcFeed();
        server.onGet(RAW).notFound();
        server.onGet(RAW_OLDEST).notFound();
        server.onGet("https://raw.githubusercontent.com/opencontainers/runc/v1.0.0/checkpoint.go").text(CHECKPOINT_GO);
        server.onGet("https://api.github.com/repos/opencontainers/runc/compare/v1.0.0...v1.4.3").json(
                GitHubFixtures.compare("opencontainers/runc", "v1.0.0", "v1.4.3",
                        new GitHubFixtures.CommitSpec("b".repeat(40), "2021-06-22T00:00:00Z", "v1.0.0", "a".repeat(40)),
                        List.of(new GitHubFixtures.CommitSpec("e".repeat(40), "2026-06-13T00:00:00Z", "v1.4.3", "b".repeat(40))),
                        List.of(GitHubFixtures.FileSpec.renamed("checkpoint.go", "cmd/runc/checkpoint.go", null))));
        server.onGet("https://raw.githubusercontent.com/opencontainers/runc/v1.5.1/cmd/runc/checkpoint.go").text(CHECKPOINT_GO);
        String canary = """
                canaries:
                  - fact: runc v1.0.0 ships the checkpoint command
                    github: opencontainers/runc
                    ref: v1.0.0
                    path: checkpoint.go
                    find: 'Name:\\s+"checkpoint"'
                """;
        RecipeChecker runc = RecipeLoader.parse("test/runc.yaml", """
                id: runc
                covers: [runc]
                %sprobes:
                %s""".formatted(canary, FILE_PROBE.replace("missing: absent", "missing: removed").indent(2)));

        Finding finding = server.finding(runc, entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).url())
                .isEqualTo("https://github.com/opencontainers/runc/blob/v1.5.1/cmd/runc/checkpoint.go#L4");
        assertThat(finding.evidence().get(1).quote()).isEqualTo("checkpoint.go was renamed to cmd/runc/checkpoint.go");
        assertThat(runc.removalClaims()).extracting(c -> c.subject().describe())
                .containsExactly("checkpoint.go", "the lines of checkpoint.go matching /Name:\\s+\"checkpoint\"/");
    }

    @Test
    void aFailingFeedMakesTheEntryUnverifiedNamingTheUrl() throws Exception {
        server.onGet(FEED).status(502);

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(FEED).contains("502"));
    }

    @Test
    void noTagOfTheReleaseShapeIsNoRelease() throws Exception {
        server.onGet(FEED).atom(AtomFixtures.gitHubTags("opencontainers/runc",
                List.of(new EntrySpec("v1.6.0-rc.1", "2026-09-01T00:00:00Z"))));

        Finding finding = server.finding(recipe("runc", FILE_PROBE), entry("runc", "ready"));

        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("no release tags matching 'v\\d+\\.\\d+\\.\\d+' in " + FEED));
    }

    @Test
    void releasesFromTheApiAreDatedByTheirCommit() throws Exception {
        String sha = "8f2685a471d3347a686ad3909783d8aafc6bb208";
        server.onGet("https://api.github.com/repos/opencontainers/runc/tags?per_page=100").json(GitHubFixtures.tags(
                "opencontainers/runc", List.of(new TagSpec("v1.5.0-rc.3", sha), new TagSpec("v1.5.1", sha))));
        server.onGet("https://api.github.com/repos/opencontainers/runc/commits/" + sha).json(GitHubFixtures.commit(
                "opencontainers/runc", sha, "2026-07-14T10:52:17+10:00", "VERSION: release v1.5.1"));
        server.onGet(RAW).text(CHECKPOINT_GO);

        Finding finding = server.finding(recipe("runc", FILE_PROBE.replace("release: 'v\\d+\\.\\d+\\.\\d+'",
                "release: {tags: 'v\\d+\\.\\d+\\.\\d+', from: api}")), entry("runc", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-07-14"));
    }

    private static final String KEP = "keps/sig-node/2008-forensic-container-checkpointing/kep.yaml";
    private static final String KEP_SHA = "64765b4b02389318f2113119dd9e491479f978a0";
    private static final String FIELD_PROBE = """
            - field:
                repo: kubernetes/enhancements
                branch: master
                path: %s
                key: stage
                values:
                  alpha: {signal: released, qualifier: alpha}
                  beta: {signal: released, qualifier: beta}
                  stable: released
                context: [milestone.beta, latest-milestone]
            """.formatted(KEP);

    private void kep(String stage) {
        server.onGet("https://github.com/kubernetes/enhancements/commits/master.atom").atom(AtomFixtures.gitHubCommits(
                "kubernetes/enhancements", "master", List.of(new CommitSpec(KEP_SHA, "2026-07-24T23:57:50Z", "Merge"))));
        server.onGet("https://raw.githubusercontent.com/kubernetes/enhancements/" + KEP_SHA + "/" + KEP).text("""
                title: Forensic Container Checkpointing
                kep-number: 2008
                # The target maturity stage in the current dev cycle for this KEP.
                stage: %s
                latest-milestone: "v1.30"
                milestone:
                  alpha: "v1.25"
                  beta: "v1.30"
                feature-gates:
                  - name: ContainerCheckpoint
                """.formatted(stage));
    }

    @Test
    void aFieldProbeCitesTheFieldsLineAtTheBranchsCommitNeverTheBranch() throws Exception {
        kep("beta");

        Finding finding = server.finding(recipe("kubernetes", FIELD_PROBE), entry("Kubernetes", "started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("beta");
        Evidence stage = finding.evidence().get(0);
        assertThat(stage.url()).isEqualTo("https://github.com/kubernetes/enhancements/blob/" + KEP_SHA + "/" + KEP + "#L4");
        assertThat(stage.excerpt()).contains("stage: beta");
        assertThat(stage.date()).as("what a branch holds today is seen, not dated").isEmpty();
        assertThat(stage.quote()).isEqualTo("kubernetes/enhancements " + KEP + " at master@64765b4: stage is beta");
        assertThat(finding.evidence()).extracting(Evidence::signal)
                .containsExactly(Signal.RELEASED, Signal.CONTEXT, Signal.CONTEXT);
        assertThat(finding.evidence().get(1).url()).endsWith("#L8");
    }

    @Test
    void aValueTheRecipeDoesNotMapIsCouldNotLook() throws Exception {
        kep("withdrawn");

        Finding finding = server.finding(recipe("kubernetes", FIELD_PROBE), entry("Kubernetes", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("says stage: withdrawn, which the recipe maps to no signal"));
    }

    @Test
    void aReleaseNotesProbeReadsTheNewestSectionOrAll() throws Exception {
        server.onGet("https://github.com/containers/podman/tags.atom").atom(AtomFixtures.gitHubTags("containers/podman",
                List.of(new EntrySpec("v5.8.1", "2026-06-02T10:00:00Z"))));
        server.onGet("https://raw.githubusercontent.com/containers/podman/v5.8.1/RELEASE_NOTES.md").text("""
                # Release Notes

                ## 5.8.1
                ### Bugfixes
                - Fixed a bug in `podman pull`.

                ## 5.8.0
                ### Features
                - The `podman container checkpoint` command learned `--print-stats`.
                """);
        String probe = """
                - release-notes:
                    repo: containers/podman
                    release: 'v\\d+\\.\\d+\\.\\d+'
                    path: RELEASE_NOTES.md
                    section: '^## (\\d\\S*)'
                    scope: %s
                    pattern: '(?i)checkpoint'
                    what: a checkpoint change
                    found: released
                    missing: absent
                """;

        Finding newest = server.finding(recipe("podman", probe.formatted("newest")), entry("Podman", "started"));
        Finding newestVsReady = server.finding(recipe("podman", probe.formatted("newest")), entry("Podman", "ready"));
        Finding all = server.finding(recipe("podman", probe.formatted("all")), entry("Podman", "ready"));

        assertThat(newest.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT);
        assertThat(newestVsReady.evidence()).as("an older section names it: no news is no absence").isEmpty();
        assertThat(newestVsReady.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(all.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(all.evidence().get(0).quote()).isEqualTo(
                "containers/podman v5.8.1 RELEASE_NOTES.md, section 5.8.0: a checkpoint change");
        assertThat(all.evidence().get(0).url()).endsWith("/blob/v5.8.1/RELEASE_NOTES.md#L9");
    }

    private static final String SEARCH = "https://api.github.com/search/issues?per_page=100&q=repo%3Asystemd%2Fsystemd+criu";

    private static String issue(int number, String title, String state, String created, String closed, boolean pr) {
        return """
                {"number": %d, "title": "%s", "state": "%s", "state_reason": null,
                 "html_url": "https://github.com/systemd/systemd/%s/%d", "created_at": "%s", "closed_at": %s%s}
                """.formatted(number, title, state, pr ? "pull" : "issues", number, created,
                closed == null ? "null" : "\"" + closed + "\"",
                pr ? ", \"pull_request\": {\"url\": \"https://api.github.com/repos/systemd/systemd/pulls/" + number + "\"}" : "");
    }

    private static String search(String... items) {
        return "{\"total_count\": " + items.length + ", \"incomplete_results\": false, \"items\": ["
                + String.join(",", items) + "]}";
    }

    private static final String SEARCH_PROBE = """
            - search:
                query: repo:systemd/systemd criu
                title: '(?i)\\bcriu\\b'
                what: systemd
                issues: {closed: declined}
                pull-requests: {open: in-development, merged: in-development, closed: declined}
                none: absent
            """;

    @Test
    void aSearchProbeMapsKindAndStateToSignalsAndAsksAgainOnlyToTellMerged() throws Exception {
        server.onGet(SEARCH).json(search(
                issue(258, "add CRIU integration", "closed", "2015-06-11T10:00:00Z", "2015-07-01T10:00:00Z", false),
                issue(9000, "pid1: CRIU restore-sibling", "closed", "2025-03-01T10:00:00Z", "2025-04-01T10:00:00Z", true),
                issue(9100, "docs: mention nothing relevant", "open", "2025-05-01T10:00:00Z", null, true)));
        server.onGet(SEARCH + "+is%3Apr+is%3Amerged").json(search(
                issue(9000, "pid1: CRIU restore-sibling", "closed", "2025-03-01T10:00:00Z", "2025-04-01T10:00:00Z", true)));

        Finding finding = server.finding(recipe("systemd", SEARCH_PROBE), entry("Systemd", "not started"));

        assertThat(finding.evidence()).extracting(Evidence::quote).containsExactly(
                "systemd pull request #9000 \"pid1: CRIU restore-sibling\" (merged 2025-04-01)",
                "systemd issue #258 \"add CRIU integration\" (closed 2015-07-01)");
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
    }

    @Test
    void aSearchFindingNothingGivesItsNoneSignal() throws Exception {
        server.onGet(SEARCH).json(search());

        Finding finding = server.finding(recipe("systemd", SEARCH_PROBE), entry("Systemd", "not started"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence().get(0).url()).startsWith("https://github.com/search?q=repo%3Asystemd%2Fsystemd+criu");
        assertThat(server.requestsFor(SEARCH + "+is%3Apr+is%3Amerged")).isZero();
    }

    @Test
    void aRepositoryProbeSaysArchivedMovedAndLastPush() throws Exception {
        server.onGet("https://api.github.com/repos/NVIDIA/cuda-checkpoint").json("""
                {"full_name": "NVIDIA/cuda-checkpoint-archive", "html_url": "https://github.com/NVIDIA/cuda-checkpoint-archive",
                 "default_branch": "main", "archived": true, "pushed_at": "2025-01-27T17:12:51Z", "description": null}
                """);

        Finding finding = server.finding(recipe("nvidia-cuda", "- repository: {repo: NVIDIA/cuda-checkpoint}\n"),
                entry("nvidia-cuda", "ready"));

        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence()).extracting(Evidence::signal)
                .containsExactly(Signal.PROJECT_ENDED, Signal.CONTEXT, Signal.CONTEXT);
        assertThat(finding.evidence().get(1).quote()).isEqualTo("NVIDIA/cuda-checkpoint moved to NVIDIA/cuda-checkpoint-archive");
    }

    @Test
    void packagesAreContextOnly() throws Exception {
        server.onGet("https://repology.org/api/v1/project/criu").json("""
                [{"repo": "debian_13", "srcname": "criu", "binname": "criu", "version": "4.1", "origversion": "4.1-1", "status": "outdated"},
                 {"repo": "fedora_43", "srcname": "criu", "binname": "criu", "version": "4.2", "status": "newest"}]
                """);

        Finding finding = server.finding(recipe("criu", "- packages: {project: criu, repos: [debian_13, alpine_3_22]}\n"),
                entry("criu", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.evidence()).extracting(Evidence::quote).containsExactly("debian_13 packages criu 4.1-1");
    }

    @Test
    void anIntegrationThePageLacksIsCheckedOnTheEntryTheRecipeProposes() throws Exception {
        runcFeed();
        server.onGet(RAW).text(CHECKPOINT_GO);

        Finding finding = server.notOnPage(recipe("runc", FILE_PROBE));

        assertThat(finding.integration().heading()).isEqualTo("runc");
        assertThat(finding.integration().section()).contains("Container platforms");
        assertThat(finding.integration().status()).isEmpty();
        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
    }
}
