package org.criu.status.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.LocalDate;
import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Canaries as data, checked over WireMock (the kit rewrites every real host to loopback), and the engine's use. */
class CanaryTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String RAW = "https://raw.githubusercontent.com/docker/cli/v20.10.0/cli/command/checkpoint/cmd.go";
    private static final Canary DOCKER = Canary.gitHubFile("docker/cli v20.10.0 ships the checkpoint command",
            "docker/cli", "v20.10.0", "cli/command/checkpoint/cmd.go", "Use:\\s*\"checkpoint\"");
    private static final String CMD = "package checkpoint\n\nfunc NewCheckpointCommand() {\n\tcmd := &cobra.Command{\n"
            + "\t\tUse:   \"checkpoint\",\n";

    @Test
    void holdsWhenTheFileStillHasTheLineAndCitesIt() {
        server.onGet(RAW).text(CMD);

        Canary.Result result = DOCKER.check(server.context());

        assertThat(result.outcome()).isEqualTo(Canary.Outcome.HELD);
        assertThat(result.where())
                .isEqualTo("https://github.com/docker/cli/blob/v20.10.0/cli/command/checkpoint/cmd.go#L5");
    }

    @Test
    void aHeldCanaryProvesItsHostSoALater404NeedsNoProbe() throws Exception {
        String gone = "https://raw.githubusercontent.com/acme/tool/v2/gone.go";
        server.onGet(gone).notFound();
        org.criu.status.core.spi.CheckContext without = server.context();
        assertThat(without.github().file("acme/tool", "v2", "gone.go")).isEmpty();
        assertThat(server.requests()).anyMatch(r -> r.getMethod().getName().equals("HEAD"));

        server.reset();
        server.onGet(RAW).text(CMD);
        server.onGet(gone).notFound();
        org.criu.status.core.spi.CheckContext with = server.context();
        assertThat(DOCKER.check(with).held()).isTrue();
        assertThat(with.github().file("acme/tool", "v2", "gone.go")).isEmpty();
        assertThat(server.requests()).noneMatch(r -> r.getMethod().getName().equals("HEAD"));
    }

    @Test
    void failsNamingTheFactAndWhatIsMissingWhenTheFileIsGone() {
        server.onGet(RAW).notFound();

        Canary.Result result = DOCKER.check(server.context());

        assertThat(result.outcome()).isEqualTo(Canary.Outcome.FAILED);
        assertThat(result.describe()).isEqualTo("probe out of date: docker/cli v20.10.0 ships the checkpoint command: "
                + "https://github.com/docker/cli/blob/v20.10.0/cli/command/checkpoint/cmd.go is gone (404)");
    }

    @Test
    void failsWhenNoLineMatchesAnyMore() {
        server.onGet(RAW).text("package checkpoint\n");

        Canary.Result result = DOCKER.check(server.context());

        assertThat(result.outcome()).isEqualTo(Canary.Outcome.FAILED);
        assertThat(result.detail()).contains("no longer has a line matching /Use:\\s*\"checkpoint\"/");
    }

    @Test
    void aFailingSourceIsNotAFailedCanary() {
        server.onGet(RAW).status(503);

        Canary.Result result = DOCKER.check(server.context());

        assertThat(result.outcome()).isEqualTo(Canary.Outcome.COULD_NOT_CHECK);
        assertThat(result.describe()).startsWith("probe not verified").contains("503");
    }

    @Test
    void readsGitLabFilesAndUrls() {
        server.onGet("https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston/repository/files/"
                + "meson_options.txt/raw?ref=9.0.0").text("option('backend-drm',\n");
        server.onGet("https://api.github.com/search/issues?per_page=100&q=criu").json("{\"items\":[{\"number\": 258}]}");

        assertThat(Canary.gitLabFile("weston 9.0.0 has build options", "https://gitlab.freedesktop.org",
                "wayland/weston", "9.0.0", "meson_options.txt", "option\\('backend-drm'").check(server.context()).where())
                .isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/blob/9.0.0/meson_options.txt#L1");
        assertThat(Canary.url("the search finds #258", "https://api.github.com/search/issues?per_page=100&q=criu",
                "\"number\":\\s*258\\b").check(server.context()).held()).isTrue();
    }

    @Test
    void isDataThatARecipeCanDeclare() throws Exception {
        String yamlAsJson = """
                [{"fact": "docker/cli v20.10.0 ships the checkpoint command", "github": "docker/cli",
                  "ref": "v20.10.0", "path": "cli/command/checkpoint/cmd.go", "find": "Use:\\\\s*\\"checkpoint\\""},
                 {"fact": "weston 9.0.0 has build options", "gitlab": "wayland/weston", "ref": "9.0.0",
                  "path": "meson_options.txt", "find": "option"}]""";

        List<Canary> canaries = SourceHttp.JSON.readValue(yamlAsJson,
                SourceHttp.JSON.getTypeFactory().constructCollectionType(List.class, Canary.class));

        assertThat(canaries.get(0)).isEqualTo(DOCKER);
        assertThat(canaries.get(1).target()).isEqualTo(new Canary.GitLabFile("https://gitlab.freedesktop.org",
                "wayland/weston", "9.0.0", "meson_options.txt"));
    }

    @Test
    void refusesWhatWouldNotBeAFactAboutThePast() {
        assertThatThrownBy(() -> Canary.gitHubFile("f", "o/r", "main", "README", "x"))
                .hasMessageContaining("moving ref 'main'");
        assertThatThrownBy(() -> Canary.gitHubFile("f", "o/r", "v1", "README", ".*"))
                .hasMessageContaining("matches an empty line");
        assertThatThrownBy(() -> Canary.gitHubFile("f", "o/r", "v1", "README", "("))
                .hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> SourceHttp.JSON.readValue("{\"fact\":\"f\",\"github\":\"o/r\",\"url\":\"https://x\","
                + "\"find\":\"x\"}", Canary.class))
                .isInstanceOf(ValueInstantiationException.class).hasMessageContaining("exactly one of github, gitlab or url");
    }

    // The engine: an absence is trusted only while the checker's canaries hold.

    private record Absent(Signal signal, List<Canary> canaries) implements Checker {
        @Override
        public String id() {
            return "absent";
        }

        @Override
        public List<String> covers() {
            return List.of("Docker");
        }

        @Override
        public CheckResult check(Integration integration, CheckContext context) {
            return CheckResult.evidence(Evidence.dated(signal, "github", "https://github.com/docker/cli/tree/v29.0.0",
                    LocalDate.of(2026, 1, 1), "v29.0.0: no checkpoint command"));
        }
    }

    @Test
    void aFailingCanaryMakesAnAbsenceUnverifiedWithTheReason() {
        server.onGet(RAW).notFound();

        Finding finding = server.finding(new Absent(Signal.REMOVED, List.of(DOCKER)), SourceServer.entry("Docker", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith("probe out of date: docker/cli v20.10.0 ships the checkpoint command").contains("404"));
        assertThat(finding.evidence()).hasSize(1);
    }

    @Test
    void aHoldingCanaryLetsTheAbsenceStand() {
        server.onGet(RAW).text(CMD);

        Finding finding = server.finding(new Absent(Signal.REMOVED, List.of(DOCKER)), SourceServer.entry("Docker", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.DROPPED);
    }

    @Test
    void canariesAreNotAskedWhenNothingIsMissing() {
        // No stub: a canary request would fail the test as unanswered.
        Finding finding = server.finding(new Absent(Signal.RELEASED, List.of(DOCKER)), SourceServer.entry("Docker", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(server.requests()).isEmpty();
    }
}
