package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress, colour and --quiet, on streams the test declares terminals (or not). */
class TerminalHabitsTest {

    static final String RECORDING = CheckCommandTest.RECORDING.toString();
    static final Console TERMINAL = new Console(true, true, 80);

    static CliRun run(Map<String, String> env, Console console, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(env, console, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void onATerminalProgressGoesToStderrAndTheReportIsColouredAndFitsItsWidth() {
        CliRun run = run(Map.of(), TERMINAL, "check", "--replay", RECORDING);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("13/13 ").containsPattern("\\r\\d+/13 [a-z-]+ \\(");
        assertThat(run.err()).endsWith("\r");
        assertThat(run.out()).contains("\u001b[");
        String plain = run.out().replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(plain.lines()).allSatisfy(l -> assertThat(l.length() <= 80 || l.matches("https?://\\S+")).isTrue());
        assertThat(plain).isEqualTo(run(Map.of(), Console.none(), "check", "--replay", RECORDING, "--width", "80").out());
    }

    @Test
    void noColorOrAPipeMeansNoEscapeCodesAndNoProgress() {
        CliRun noColor = run(Map.of("NO_COLOR", "1"), TERMINAL, "check", "--replay", RECORDING);
        CliRun piped = run(Map.of(), Console.none(), "check", "--replay", RECORDING);

        assertThat(noColor.out()).doesNotContain("\u001b");
        assertThat(noColor.err()).contains("13/13");
        assertThat(piped.out()).doesNotContain("\u001b");
        assertThat(piped.err()).isEmpty();
        assertThat(piped.out().lines()).anySatisfy(l -> assertThat(l.length()).isGreaterThan(80));
    }

    @Test
    void quietPrintsNothingAndKeepsTheExitCode() {
        CliRun quiet = run(Map.of(), TERMINAL, "check", "--replay", RECORDING, "--quiet");

        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
    }
}
