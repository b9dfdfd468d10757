package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash|zsh}: the script completes commands, options and option values in a real bash. */
class CompletionTest {

    @TempDir
    Path tmp;

    private static boolean bashInstalled() {
        return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
    }

    /** Sources the script in bash and asks it to complete {@code words} (the last one being typed). */
    private String complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append("'").append(word).append("' ");
        }
        String program = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_integration-status; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        // stderr apart: outside a real completion, bash warns that compopt does nothing.
        Process bash = new ProcessBuilder("bash", "-c", program).directory(tmp.toFile())
                .redirectError(tmp.resolve("bash.err").toFile()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theBashScriptCompletesCommandsOptionsAndValues() throws Exception {
        assumeThat(bashInstalled()).as("bash is not installed").isTrue();
        CliRun run = CliRun.of(args("completion", "bash"));
        assertThat(run.exitCode()).isZero();
        Path script = Files.writeString(tmp.resolve("integration-status.bash"), run.out());

        assertThat(complete(script, "integration-status", "ch").lines()).containsExactlyInAnyOrder("check", "checkers");
        assertThat(complete(script, "integration-status", "check", "--rep").lines()).containsExactly("--replay");
        assertThat(complete(script, "integration-status", "check", "--format", "").lines())
                .containsExactlyInAnyOrder("text", "json");
        assertThat(complete(script, "integration-status", "completion", "").lines())
                .contains("bash", "zsh");
    }

    @Test
    void theZshScriptLoadsBashCompletionSupport() {
        CliRun run = CliRun.of(args("completion", "zsh"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ZSH_VERSION").contains("bashcompinit")
                .contains("complete -F _complete_integration-status");
        assertThat(CliRun.of(args("completion", "fish")).err()).contains("bash, zsh");
        assertThat(CliRun.of(List.of("completion")).exitCode()).isEqualTo(2);
    }
}
