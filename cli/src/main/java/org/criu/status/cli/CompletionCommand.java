package org.criu.status.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash|zsh}: a completion script for commands, options and their values, from picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for commands, options and option values.",
                "  bash:  source <(integration-status completion bash)",
                "         or, for every new shell:",
                "         integration-status completion bash > \\",
                "           ~/.local/share/bash-completion/completions/integration-status",
                "  zsh:   source <(integration-status completion zsh)      (in ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script is written for. */
    enum Shell {
        bash, zsh
    }

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // picocli writes one script for both: under zsh it loads bashcompinit and registers the same function.
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        PrintWriter out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            out.println("# integration-status completion for zsh (bash-style, through zsh's bashcompinit)");
        }
        out.print(script);
        out.flush();
        return Main.OK;
    }
}
