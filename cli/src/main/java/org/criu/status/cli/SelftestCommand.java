package org.criu.status.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.engine.RunContext;
import org.criu.status.core.http.Http;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.Checker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code selftest}: checks every checker's canaries (known facts about the past its probe must keep seeing)
 * against the live sources, or a recording with {@code --replay}. A failing canary means a source changed shape
 * under its checker: the report names the canary and what is missing.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Check that every checker's probes still see known facts about the past (its canaries), "
                + "against the live sources or a recording (--replay).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every canary holds",
                "1:at least one canary failed: a checker's probe is out of date",
                "2:bad usage or unreadable input (the message names the input)",
                "3:no canary failed, but some could not be checked (a source failed)"})
final class SelftestCommand implements Callable<Integer> {

    @Mixin
    RunOptions run;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Check only these checkers' canaries (comma-separated ids).")
    List<String> only;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    SelftestCommand(Map<String, String> env) {
        this(env, Clock.systemUTC());
    }

    SelftestCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CheckerRegistry registry = plugins.registry();
        List<Checker> checkers = registry.all().stream().map(CheckerRegistry.Discovered::checker)
                .sorted(Comparator.comparing(Checker::id)).toList();
        if (only != null) {
            Set<String> known = checkers.stream().map(Checker::id).collect(Collectors.toSet());
            Set<String> unknown = only.stream().filter(id -> !known.contains(id))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unknown.isEmpty()) {
                throw new UserInputException("--only: no checker with id " + unknown + "; known: "
                        + checkers.stream().map(Checker::id).toList());
            }
            checkers = checkers.stream().filter(c -> only.contains(c.id())).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        OkHttpClient client = run.client(env, spec.commandLine().getErr(), Timeouts.MAX_PER_REQUEST);
        try {
            RunContext context = new RunContext(client, clock);
            int width = checkers.stream().mapToInt(c -> c.id().length()).max().orElse(0);
            int held = 0;
            int failed = 0;
            int unchecked = 0;
            List<String> without = new ArrayList<>();
            for (Checker checker : checkers) {
                List<Canary> canaries;
                try {
                    canaries = checker.canaries();
                } catch (RuntimeException e) {
                    // A plugin's bug: say so, and go on with the others.
                    out.printf("%-" + width + "s  FAILED     canaries() threw %s%n", checker.id(), printable(e.toString()));
                    failed++;
                    continue;
                }
                if (canaries.isEmpty()) {
                    without.add(checker.id());
                    continue;
                }
                for (Canary canary : canaries) {
                    Canary.Result result = canary.check(context);
                    String word = switch (result.outcome()) {
                        case HELD -> "holds";
                        case FAILED -> "FAILED";
                        case COULD_NOT_CHECK -> "unchecked";
                    };
                    out.printf("%-" + width + "s  %-9s  %s%n", checker.id(), word, printable(canary.fact()));
                    String indent = " ".repeat(width + 13);
                    out.printf("%s%s%n", indent, printable(result.held() ? result.where() : result.detail()));
                    switch (result.outcome()) {
                        case HELD -> held++;
                        case FAILED -> failed++;
                        case COULD_NOT_CHECK -> unchecked++;
                    }
                }
            }
            if (!without.isEmpty()) {
                out.printf("no canaries: %s%n", String.join(", ", without));
            }
            out.printf("%n%d canaries: %d hold, %d failed, %d could not be checked%n", held + failed + unchecked, held,
                    failed, unchecked);
            out.flush();
            return failed > 0 ? Main.SUGGESTIONS : unchecked > 0 ? Main.INCOMPLETE : Main.OK;
        } finally {
            Http.release(client);
        }
    }

    /** Text from a source or a plugin, with control characters shown as '?': it never drives the terminal. */
    static String printable(String text) {
        return text.replaceAll("[\\p{Cc}&&[^\\t]]", "?");
    }
}
