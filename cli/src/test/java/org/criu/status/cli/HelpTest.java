package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What a new user reads first: --help, the suggestions for a typo, and the listings. */
class HelpTest {

    private static final List<String> COMMANDS = List.of("check", "checkers", "parse", "completion");

    private static String help(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isZero();
        return run.out();
    }

    @Test
    void noWordOfAnyOptionDescriptionIsCutAcrossLinesAndNoLineIsWiderThan80() {
        CommandLine root = Main.commandLine(Map.of());
        for (String name : COMMANDS) {
            CommandLine command = root.getSubcommands().get(name);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = help.lines().toList();
            assertThat(lines).as(name + " --help").allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String description : option.description()) {
                    String expanded = description.replace("${DEFAULT-VALUE}", String.valueOf(option.defaultValue()))
                            .replace("${COMPLETION-CANDIDATES}", "");
                    for (String word : expanded.split("\\s+")) {
                        if (word.isEmpty() || word.contains("${")) {
                            continue;
                        }
                        assertThat(lines).as(name + " --help shows '" + word + "' whole on one line")
                                .anySatisfy(line -> assertThat(line).contains(word));
                    }
                }
            }
        }
    }

    @Test
    void urlsAndPathsInTheHelpAreWhole() {
        assertThat(help("check")).contains("https://api.github.com=http://127.0.0.1:8089/gh")
                .contains("~/.cache/integration-status").contains("https://criu.org/api.php")
                .contains("[--only=ID[,ID...]]");
        assertThat(help("completion")).contains("~/.local/share/bash-completion/completions/integration-status");
    }

    @Test
    void theHelpShowsExamplesAndTheEnvironmentItReads() {
        for (String help : List.of(help(), help("check"))) {
            assertThat(help).contains("Examples:")
                    .contains("integration-status check --replay examples/criu-2026-11")
                    .contains("exits 1: it finds")
                    .contains("GITHUB_TOKEN=ghp_... integration-status check")
                    .contains("0 6 * * *  integration-status check --output")
                    .contains("link bin/integration-status").contains("integration-status completion --help");
        }
        for (String help : List.of(help(), help("check"), help("parse"))) {
            assertThat(help).contains("Environment:");
            for (String variable : List.of("GITHUB_TOKEN", "GITLAB_TOKEN", "GITLAB_HOST", "HTTPS_PROXY", "HTTP_PROXY",
                    "ALL_PROXY", "NO_PROXY", "NO_COLOR", "XDG_CACHE_HOME", "JAVA_HOME", "JAVA_OPTS")) {
                assertThat(help).contains(variable);
            }
        }
        assertThat(help()).contains("completion  Print a shell completion script");
    }

    @Test
    void eachCommandsTimeoutSaysWhatItBounds() {
        assertThat(help("check")).contains("--timeout=SECONDS   Time allowed per checker");
        assertThat(help("parse")).contains("--timeout=SECONDS   Time the wiki may take").doesNotContain("checker");
    }

    @Test
    void aMistypedCommandOrOptionGetsSuggestions() {
        CliRun command = CliRun.of(args("chek"));
        assertThat(command.exitCode()).isEqualTo(2);
        String commands = String.join(", ", Main.commandLine(Map.of()).getSubcommands().keySet());
        assertThat(commands).startsWith("check, checkers, parse, ");
        assertThat(command.err()).contains("integration-status: 'chek' is not a command (commands: " + commands + ")")
                .contains("Did you mean check, checkers or help?");
        assertThat(CliRun.of(args()).err()).contains("a command is required: check, checkers, parse")
                .contains("completion").doesNotContain(" or help").doesNotContain(", help");

        CliRun option = CliRun.of(args("check", "--replya", "examples/criu-2026-11"));
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option").contains("Did you mean --record or --replay?")
                .contains("Try 'integration-status check --help'.");

        assertThat(CliRun.of(args("parse", "--tiemout", "5")).err()).contains("Did you mean --timeout?");
        assertThat(CliRun.of(args("checkers", "--formt", "json")).err()).contains("Did you mean --format?");
        assertThat(CliRun.of(args("zzzzzz")).err()).doesNotContain("Did you mean");
    }

    @Test
    void checkersListsAsJson() throws Exception {
        CliRun text = CliRun.of(args("checkers"));
        CliRun json = CliRun.of(args("checkers", "--format", "json"));

        assertThat(json.exitCode()).isZero();
        JsonNode checkers = new ObjectMapper().readTree(json.out()).path("checkers");
        assertThat(text.out()).startsWith(checkers.size() + " checkers");
        assertThat(checkers.size()).isGreaterThanOrEqualTo(13);
        JsonNode docker = checkers.findParents("id").stream().filter(c -> c.path("id").asText().equals("docker"))
                .findFirst().orElseThrow();
        assertThat(docker.path("module").asText()).isEqualTo("checkers/docker");
        assertThat(docker.path("covers").get(0).asText()).isEqualTo("Docker");
        assertThat(docker.path("sources")).isNotEmpty();
        for (JsonNode checker : checkers) {
            assertThat(text.out()).contains(checker.path("id").asText() + "  (").contains(checker.path("module").asText());
        }
        assertThat(CliRun.of(args("checkers", "--format", "yaml")).exitCode()).isEqualTo(2);
    }
}
