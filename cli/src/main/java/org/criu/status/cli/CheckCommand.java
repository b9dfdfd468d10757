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
import org.criu.status.core.page.Selection;
import org.criu.status.core.report.DiffReport;
import org.criu.status.core.report.HtmlReport;
import org.criu.status.core.report.JsonReport;
import org.criu.status.core.report.MarkdownReport;
import org.criu.status.core.report.ReportView;
import org.criu.status.core.report.WikitextReport;
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
                "1:at least one suggested change",
                "2:bad usage or unreadable input (the message names the input)",
                "3:no suggestion, but some checks could not run"})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    PageOptions page;

    @Mixin
    RunOptions run;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write every format into DIR "
            + "(report.txt, report.md, report.html, report.json, report.wiki, report.diff), each atomically.")
    Optional<Path> reportDir;

    @Option(names = "--details", description = "Text report: every piece of evidence with its full quote, "
            + "not only the deciding one on one line.")
    boolean details;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Text report: columns to fit (default: the "
            + "terminal's width, " + TextReport.DEFAULT_WIDTH + " when stdout is not a terminal).")
    Optional<Integer> width;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Optional<Path> output;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these checkers (comma-separated ids) and report only their entries.")
    List<String> only;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "" + Engine.DEFAULT_JOBS,
            description = "Checks run at once (default: ${DEFAULT-VALUE}); 1 runs them one after another.")
    int jobs;

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

    /** With --only, the report holds just the entries the chosen checkers looked at: the rest were not checked. */
    static Report onlyChecked(Report report, Optional<Set<String>> ids) {
        if (ids.isEmpty()) {
            return report;
        }
        java.util.function.Predicate<org.criu.status.core.model.Finding> chosen =
                f -> f.checker().filter(ids.get()::contains).isPresent();
        return new Report(report.page(), report.generatedAt(), report.findings().stream().filter(chosen).toList(),
                report.notOnPage().stream().filter(chosen).toList());
    }

    private String render(ReportFormat format, ReportView view, Optional<Set<String>> ids, TextReport.Options text) {
        Report report = view.report();
        Selection selection = Selection.all();
        return switch (format) {
            case text -> TextReport.render(view, text);
            case markdown -> MarkdownReport.render(view);
            case html -> HtmlReport.render(view);
            case json -> JsonReport.render(report);
            case wikitext -> WikitextReport.render(report, selection);
            case diff -> DiffReport.render(report, selection);
        };
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
        if (jobs < 1) {
            throw new UserInputException("--jobs " + jobs + ": must be at least 1");
        }
        OkHttpClient client = run.client(env, spec.commandLine().getErr());
        try {
            WikiPage wikiPage = page.load(new SourceHttp(client));
            List<Integration> integrations = PageOptions.parse(wikiPage);
            // A replayed run reads the world as it was when recorded: its age rules and "seen" dates use that day.
            Clock runClock = ReplayInterceptor.of(client).flatMap(ReplayInterceptor::recordedAt)
                    .map(at -> Clock.fixed(at, java.time.ZoneOffset.UTC)).orElse(clock);
            Engine engine = new Engine(registry, new RunContext(client, runClock), run.timeout(), ids, jobs);
            Report report = onlyChecked(engine.run(wikiPage, integrations), ids);
            ReportView view = new ReportView(report, Optional.empty());
            Optional<String> scope = ids.map(i -> String.join(",", new java.util.TreeSet<>(i)));
            TextReport.Options forStdout = new TextReport.Options(width.orElse(TextReport.DEFAULT_WIDTH), details,
                    org.criu.status.core.report.Styler.PLAIN, scope);
            if (reportDir.isPresent()) {
                TextReport.Options forFile = new TextReport.Options(TextReport.DEFAULT_WIDTH, details,
                        org.criu.status.core.report.Styler.PLAIN, scope);
                for (ReportFormat f : ReportFormat.values()) {
                    OutputFile.write(Optional.of(reportDir.get().resolve(f.fileName())),
                            render(f, view, ids, forFile), spec.commandLine().getOut());
                }
            }
            OutputFile.write(output, render(format, view, ids, forStdout), spec.commandLine().getOut());
            return report.exitCode();
        } finally {
            Http.release(client);
        }
    }
}
