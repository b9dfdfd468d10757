package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only what its command needs, and starts what it needs anyway early (docs/PERFORMANCE.md). */
class StartupTest {

    @Test
    void aCommandLineNamingACommandBuildsThatCommandAlone() {
        assertThat(Main.invoked("check", "--replay", "examples/criu-2026-11")).containsExactly(CheckCommand.class);
        assertThat(Main.invoked("undismiss", "docker")).containsExactly(DismissCommand.Undismiss.class);
        assertThat(Main.commandLine(Map.of(), Console.none(), Main.invoked("parse", "--page-file", "x"))
                .getSubcommands()).containsOnlyKeys("parse");
    }

    @Test
    void everythingElseBuildsEveryCommandInTheUsagesOrder() {
        // help and completion describe the other commands; no command, an option or a typo lists them all.
        for (String[] line : new String[][] {{}, {"help", "check"}, {"completion", "bash"}, {"--help"}, {"--version"},
                {"chek"}, {"CHECK"}}) {
            assertThat(Main.invoked(line)).as(String.join(" ", line)).isEqualTo(Main.COMMANDS);
        }
        assertThat(Main.commandLine(Map.of()).getSubcommands().keySet()).containsExactly("check", "checkers", "parse",
                "publish", "selftest", "recording", "dismiss", "undismiss", "completion", "help");
    }

    @Test
    void aCommandBuiltAloneBehavesAsAmongAllTheOthers() {
        CommandLine alone = Main.commandLine(Map.of(), Console.none(), Main.invoked("check"));
        CommandLine among = Main.commandLine(Map.of());
        assertThat(alone.getSubcommands().get("check").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .isEqualTo(among.getSubcommands().get("check").getUsageMessage(CommandLine.Help.Ansi.OFF))
                .contains("Examples:");
        CliRun typo = CliRun.of(args("check", "--replya", "examples/criu-2026-11"));
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean --record, --replay or --report-dir?");
    }

    @Test
    void onlyCommandsThatAskSourcesWarmUpAndTheWarmUpEnds() throws Exception {
        assertThat(Warmup.startFor()).isEmpty();
        assertThat(Warmup.startFor("parse", "--page-file", "x")).isEmpty();
        assertThat(Warmup.startFor("--help")).isEmpty();
        Optional<Thread> warming = Warmup.startFor("check", "--replay", "examples/criu-2026-11");
        assertThat(warming).hasValueSatisfying(t -> assertThat(t.isDaemon()).isTrue());
        warming.get().join(60_000);
        assertThat(warming.get().isAlive()).isFalse();
    }

    @Test
    void aConsoleProbedInTheBackgroundAnswersWhenAsked() {
        // The test's streams are not terminals (surefire pipes them): the probe says so once it has run.
        Console probed = Console.detect();
        assertThat(probed.stdoutTerminal()).isFalse();
        assertThat(probed.reportWidth(Optional.empty(), 100)).isEqualTo(100);
        assertThat(new Console(true, false, 132).reportWidth(Optional.empty(), 100)).isEqualTo(132);
    }
}
