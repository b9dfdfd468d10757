package org.criu.status.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.engine.Engine;
import org.criu.status.core.engine.RunContext;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.ReplayInterceptor;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.report.JsonReport;
import org.criu.status.core.report.TextReport;
import org.criu.status.core.source.SourceHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: runs the checkers over the page and reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every entry of the page against its sources and report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing to change",
                "1:at least one suggested change (an integration the page lacks, with evidence, counts)",
                "2:bad usage or unreadable input (the message names the input)",
                "3:no suggestion, but some checks could not run"})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    PageOptions page;

    @Mixin
    RunOptions run;

    @Mixin
    PluginOptions plugins;

    @Mixin
    Timeouts.PerChecker timeout;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout: "
            + "checked before the run, replaced atomically, its mode kept.")
    Optional<Path> output;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these checkers (comma-separated ids); other entries are reported as no-checker.")
    List<String> only;

    /** Most checks run at once: each holds a thread, and the hosts see at most 4 requests each anyway. */
    static final int MAX_JOBS = 64;

    int jobs = Engine.DEFAULT_JOBS;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "" + Engine.DEFAULT_JOBS,
            description = "Checks run at once, 1 to " + MAX_JOBS + " (default: ${DEFAULT-VALUE}); 1 runs them one "
                    + "after another.")
    void jobs(int n) {
        jobs = (int) NumericOption.inRange(spec, "--jobs", n, 1, MAX_JOBS, "");
    }

    @Option(names = "--no-missing",
            description = "Do not check integrations the page lacks (checkers that propose an entry no heading names); "
                    + "the report then has no \"Not on the page\" section and they do not count in the exit code.")
    boolean noMissing;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    CheckCommand(Map<String, String> env) {
        this(env, Clock.systemUTC());
    }

    CheckCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CheckerRegistry registry = plugins.registry();
        Optional<Set<String>> ids = Optional.ofNullable(only).map(Set::copyOf);
        if (ids.isPresent()) {
            Set<String> unknown = ids.get().stream().filter(id -> registry.byId(id).isEmpty())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!unknown.isEmpty()) {
                throw new UserInputException("--only: no checker with id " + unknown + "; known: "
                        + registry.all().stream().map(d -> d.checker().id()).toList());
            }
        }
        Optional<OutputFile> destination = OutputFile.prepare("--output", output);
        OkHttpClient client = run.client(env, spec.commandLine().getErr(), timeout.perRequest());
        try {
            WikiPage wikiPage = page.load(new SourceHttp(client));
            List<Integration> integrations = PageOptions.parse(wikiPage);
            // A replayed run reads the world as it was when recorded: its age rules and "seen" dates use that day.
            Clock runClock = ReplayInterceptor.of(client).flatMap(ReplayInterceptor::recordedAt)
                    .map(at -> Clock.fixed(at, java.time.ZoneOffset.UTC)).orElse(clock);
            Engine engine = new Engine(registry, new RunContext(client, runClock), timeout.value(), ids, jobs,
                    !noMissing);
            Report report = engine.run(wikiPage, integrations);
            String text = switch (format) {
                case json -> JsonReport.render(report);
                case text -> TextReport.render(report);
            };
            OutputFile.write(destination, text, spec.commandLine().getOut());
            return report.exitCode();
        } finally {
            Http.release(client);
        }
    }
}
