package org.criu.status.checkers.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import java.util.ServiceLoader;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.spi.Checker;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class DockerCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/docker/cli/tags?per_page=100";
    private static final String SHA_29_7_2 = "a7dcaa6fdb6ed04aacbfdc76357fdae01605609e";
    private static final String RAW = "https://raw.githubusercontent.com/docker/cli/";
    private static final Integration PAGE_ENTRY = entry("Docker", "ready", "See also: Docker C/R");

    private final DockerChecker checker = new DockerChecker();

    private void releasesAsToday() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet("https://api.github.com/repos/docker/cli/commits/" + SHA_29_7_2)
                .json(commit("docker/cli", SHA_29_7_2, "2026-08-05T20:26:21+02:00", "Merge pull request: v29.7.2"));
    }

    private void at(String tag, String command, String reference) {
        stubFile(tag, DockerChecker.COMMAND, command);
        stubFile(tag, DockerChecker.REFERENCE, reference);
    }

    private void stubFile(String tag, String path, String fixture) {
        if (fixture == null) {
            server.onGet(RAW + tag + "/" + path).notFound();
        } else {
            server.onGet(RAW + tag + "/" + path).text(fixture(fixture));
        }
    }

    private static String fixture(String name) {
        return SourceServer.fixture(DockerCheckerTest.class, name);
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void suggestsReadyExperimentalWhenTheNewestReleaseMarksCheckpointExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-experimental.go", "checkpoint-reference-experimental.md");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.qualifier()).contains("experimental");
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence first = finding.evidence().get(0);
        assertThat(first.url()).startsWith("https://github.com/docker/cli/blob/v29.7.2/");
        assertThat(first.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-05"));
        assertThat(finding.evidence()).extracting(e -> e.excerpt().orElse(""))
                .contains("\"experimental\": \"\",")
                .contains("Checkpoint and Restore is an experimental feature that allows you to freeze a running");
        assertThat(finding.evidence()).extracting(Evidence::url)
                .contains("https://github.com/docker/cli/blob/v29.7.2/docs/reference/commandline/checkpoint.md#L20");
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void confirmsWhenThePageAlreadySaysExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-experimental.go", "checkpoint-reference-experimental.md");

        Finding finding = server.finding(checker,
                entry("Docker", "ready", "Checkpoint/restore is an experimental feature of Docker"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
    }

    @Test
    void confirmsPlainReadyWhenNeitherCommandNorReferenceSaysExperimental() {
        releasesAsToday();
        at("v29.7.2", "checkpoint-cmd-not-experimental.go", "checkpoint-reference-not-experimental.md");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.qualifier()).isEmpty();
        assertThat(finding.evidence()).extracting(e -> e.excerpt().orElse(""))
                .contains("Checkpoint and Restore is a feature that allows you to freeze a running");
    }

    @Test
    void suggestsDroppedWhenTheNewestReleaseLostTheCheckpointCommand() {
        releasesAsToday();
        at("v29.7.2", null, null);
        // The oldest vX.Y.Z release on the first page of tags still had it.
        stubFile("v28.5.2", DockerChecker.COMMAND, "checkpoint-cmd-experimental.go");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
        assertThat(finding.evidence().get(0).quote())
                .isEqualTo("v29.7.2: no cli/command/checkpoint/cmd.go (the `docker checkpoint` command; present in v28.5.2)");
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/docker/cli/tree/v29.7.2/cli/command");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-08-05"));
    }

    @Test
    void unverifiedWithTheUrlWhenGitHubFails() {
        server.onGet(TAGS).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("503"));
    }

    @Test
    void unverifiedWhenARawFileFails() {
        releasesAsToday();
        server.onGet(RAW + "v29.7.2/" + DockerChecker.COMMAND).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("cmd.go").contains("500"));
    }

    @Test
    void unverifiedWhenThereAreNoReleaseTags() {
        server.onGet(TAGS).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no vX.Y.Z release tags"));
    }

    @Test
    void isFoundByServiceLoaderUnderItsFolderNameAndCoversItsHeadings() {
        assertThat(ServiceLoader.load(Checker.class))
                .anySatisfy(c -> {
                    assertThat(c).isInstanceOf(DockerChecker.class);
                    assertThat(c.id()).isEqualTo("docker");
                });
        for (String heading : List.of("Docker")) {
            assertThat(HeadingMatcher.matches(heading, checker.covers())).as(heading).isTrue();
        }
        assertThat(HeadingMatcher.matches("Podman", checker.covers())).isFalse();
    }
}
