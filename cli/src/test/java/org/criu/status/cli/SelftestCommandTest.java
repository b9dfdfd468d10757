package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code selftest} on the bundled recording (offline), and on copies of it where a canary's file is gone or its
 * exchange is missing; and what a failing canary does to {@code check}.
 */
class SelftestCommandTest {

    static final Path RECORDING = CheckCommandTest.RECORDING;
    private static final String DOCKER_CANARY = "https://raw.githubusercontent.com/docker/cli/v20.10.0/cli/command/checkpoint/cmd.go";
    private static final String LXC_CANARY = "https://raw.githubusercontent.com/lxc/lxc/lxc-2.0.0/src/lxc/criu.c";

    @TempDir
    Path tmp;

    private static CheckerRegistry registry() {
        try {
            return CheckerRegistry.load(SelftestCommandTest.class.getClassLoader());
        } catch (CheckerRegistry.RegistryException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the recording, the exchange for {@code url} rewritten by {@code edit} (null: deleted). */
    private Path recordingWith(String url, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path copy = Files.createDirectory(tmp.resolve("rec"));
        boolean found = false;
        try (Stream<Path> files = Files.list(RECORDING)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (text.contains("\nGET " + url + "\n")) {
                    found = true;
                    if (edit != null) {
                        Files.writeString(copy.resolve(f.getFileName()), edit.apply(text), StandardCharsets.UTF_8);
                    }
                    continue;
                }
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        assertThat(found).as("the recording has " + url).isTrue();
        // Edited on purpose, as a person fixing a recording would: sealed again, or replay refuses the body.
        org.criu.status.core.http.RecordingSeal.seal(copy);
        return copy;
    }

    /** The exchange as GitHub answers a file that is gone: 404 and its plain body. */
    private static String gone(String exchange) {
        int status = exchange.indexOf("\nHTTP 200\n");
        int body = exchange.indexOf("\n\n", status);
        return exchange.substring(0, status) + "\nHTTP 404\n"
                + exchange.substring(status + "\nHTTP 200\n".length(), body + 2) + "404: Not Found";
    }

    @Test
    void everyCanaryHoldsOfflineOnTheBundledRecording() {
        CliRun run = CliRun.of(args("selftest", "--replay", RECORDING));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        List<Checker> checkers = registry().all().stream().map(CheckerRegistry.Discovered::checker).toList();
        long declared = checkers.stream().mapToLong(c -> c.canaries().size()).sum();
        assertThat(run.out()).endsWith(declared + " canaries: " + declared + " hold, 0 failed, 0 could not be checked\n");
        // Every checker of the page's entries declares at least one; the report cites each fact at a pinned line.
        for (Checker checker : ServiceLoader.load(Checker.class)) {
            assertThat(checker.canaries()).as(checker.id()).isNotEmpty();
            assertThat(run.out()).as(checker.id()).contains(checker.id() + " ");
        }
        assertThat(run.out()).contains("shell         holds      bash-5.2's NEWS describes the new features added to bash-5.2");
        assertThat(run.out()).contains("https://github.com/docker/cli/blob/v20.10.0/cli/command/checkpoint/cmd.go#L12");
    }

    @Test
    void failsClearlyNamingTheCanaryWhenItsFileIsGone() throws IOException {
        Path recording = recordingWith(DOCKER_CANARY, SelftestCommandTest::gone);

        CliRun run = CliRun.of(args("selftest", "--replay", recording));

        assertThat(run.exitCode()).isEqualTo(Main.SUGGESTIONS);
        assertThat(run.out()).contains("docker        FAILED     docker/cli v20.10.0 ships the `docker checkpoint` command\n"
                + "                         https://github.com/docker/cli/blob/v20.10.0/cli/command/checkpoint/cmd.go"
                + " is gone (404)\n");
        assertThat(run.out()).contains(" 1 failed, 0 could not be checked");
    }

    @Test
    void failsWhenTheFileNoLongerSaysWhatTheCanaryKnows() throws IOException {
        Path recording = recordingWith(DOCKER_CANARY, e -> e.replace("Use:   \"checkpoint\"", "Use:   \"snapshot\""));

        CliRun run = CliRun.of(args("selftest", "--replay", recording, "--only", "docker"));

        assertThat(run.exitCode()).isEqualTo(Main.SUGGESTIONS);
        assertThat(run.out()).contains("no longer has a line matching /Use:\\s*\"checkpoint\"/");
    }

    @Test
    void aSourceThatCannotAnswerIsUncheckedNotFailed() throws IOException {
        Path recording = recordingWith(DOCKER_CANARY, null);

        CliRun run = CliRun.of(args("selftest", "--replay", recording, "--only", "docker,lxc"));

        assertThat(run.exitCode()).isEqualTo(Main.INCOMPLETE);
        assertThat(run.out()).contains("docker  unchecked  docker/cli v20.10.0 ships the `docker checkpoint` command")
                .contains("no recording for GET " + DOCKER_CANARY)
                .endsWith("3 canaries: 2 hold, 0 failed, 1 could not be checked\n");
    }

    @Test
    void onlyNamesKnownCheckers() {
        CliRun run = CliRun.of(args("selftest", "--replay", RECORDING, "--only", "nosuch"));

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--only: no checker with id [nosuch]");
    }

    @Test
    void checkMarksAnEntryUnverifiedWhenItsCanaryFailsInsteadOfTrustingTheAbsence() throws IOException {
        Path recording = recordingWith(LXC_CANARY, SelftestCommandTest::gone);

        CliRun run = CliRun.of(args("check", "--replay", recording, "--only", "lxc", "--format", "json"));

        assertThat(run.out()).contains("\"verdict\" : \"unverified\"")
                .contains("probe out of date: LXC lxc-2.0.0 ships src/lxc/criu.c, the CRIU driver behind "
                        + "lxc-checkpoint: https://github.com/lxc/lxc/blob/lxc-2.0.0/src/lxc/criu.c is gone (404)");
    }

    @Test
    void theDemoStaysWithinGitHubsUnauthenticatedBudgetWithRoomForASecondRun() {
        CliRun run = CliRun.of(args("check", "--replay", RECORDING, "--verbose"));

        List<String> core = run.err().lines().filter(l -> l.startsWith("GET https://api.github.com/"))
                .filter(l -> !l.startsWith("GET https://api.github.com/search/")).toList();
        assertThat(core).as("api.github.com core requests of the demo").hasSizeLessThanOrEqualTo(30);
        CliRun selftest = CliRun.of(args("selftest", "--replay", RECORDING, "--verbose"));
        assertThat(selftest.err().lines().filter(l -> l.startsWith("GET https://api.github.com/"))
                .filter(l -> !l.startsWith("GET https://api.github.com/search/"))).as("selftest core requests").isEmpty();
    }
}
