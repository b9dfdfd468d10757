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
import org.criu.status.core.state.State;
import org.criu.status.core.state.StateException;
import org.criu.status.core.state.StateFile;
import org.criu.status.core.state.Tracker;
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
    ReportFormat format;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Also write every format into DIR "
            + "(report.txt, report.md, report.html, report.json, report.wiki, report.diff), each atomically.")
    Optional<Path> reportDir;

    @Option(names = "--state", paramLabel = "FILE", description = "Remember findings between runs in FILE (created "
            + "when missing): reports then say what is new, changed or gone since the last run, and how long each "
            + "suggestion has stood; dismissed suggestions are listed apart (see dismiss).")
    Optional<Path> state;

    @Option(names = "--fail-on", paramLabel = "WHEN", defaultValue = "any", description = "Exit 1 on: any (a "
            + "suggestion not dismissed) or new (one that is new or changed since the last --state run); "
            + "default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--details", description = "Text report: every piece of evidence with its full quote, "
            + "not only the deciding one on one line.")
    boolean details;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Text report: columns to fit (default: the "
            + "terminal's width, " + TextReport.DEFAULT_WIDTH + " when stdout is not a terminal).")
    Optional<Integer> width;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout: "
            + "checked before the run, replaced atomically, its mode kept.")
    Optional<Path> output;

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "Run only these checkers (comma-separated ids) and report only their entries.")
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

    @Option(names = {"-q", "--quiet"}, description = "Print no report and no progress (files from --output, "
            + "--report-dir and --state are still written; errors still go to stderr); for cron, use the exit code.")
    boolean quiet;

    private final Map<String, String> env;
    private final Clock clock;
    private final Console console;

    CheckCommand(Map<String, String> env) {
        this(env, Console.none());
    }

    CheckCommand(Map<String, String> env, Console console) {
        this(env, Clock.systemUTC(), console);
    }

    CheckCommand(Map<String, String> env, Clock clock) {
        this(env, clock, Console.none());
    }

    CheckCommand(Map<String, String> env, Clock clock, Console console) {
        this.env = env;
        this.clock = clock;
        this.console = console;
    }

    /**
     * "9/13 slurm (SLURM workload manager)" on stderr while checks run, one line rewritten in place with a
     * carriage return, then cleared; only when stderr is a terminal and not --quiet.
     */
    private java.util.function.Consumer<Engine.Progress> progress() {
        if (quiet || !console.stderrTerminal()) {
            return p -> { };
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        int[] shown = {0};
        return p -> {
            synchronized (shown) {
                String line = p.done() + "/" + p.total() + " " + p.checker() + " ("
                        + org.criu.status.core.report.TerminalSafe.line(p.heading()) + ")";
                int room = Math.max(20, console.width() > 0 ? console.width() - 1 : 79);
                if (line.length() > room) {
                    line = org.criu.status.core.model.Quotes.shorten(line, room);
                }
                err.print("\r" + line + " ".repeat(Math.max(0, shown[0] - line.length())));
                shown[0] = line.length();
                if (p.done() == p.total()) {
                    err.print("\r" + " ".repeat(shown[0]) + "\r");
                }
                err.flush();
            }
        };
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

    private String render(ReportFormat format, ReportView view, TextReport.Options text) {
        Report report = view.report();
        // What an editor dismissed is never written into the page.
        Selection selection = Selection.all().without(view.dismissed().stream().map(ReportView.Item::heading)
                .collect(Collectors.toSet()));
        return switch (format) {
            case text -> TextReport.render(view, text);
            case markdown -> MarkdownReport.render(view);
            case html -> HtmlReport.render(view);
            case json -> JsonReport.render(view);
            case wikitext -> WikitextReport.render(report, selection);
            case diff -> DiffReport.render(view, selection);
        };
    }

    static String pageKey(WikiPage page) {
        return page.title() + " @ " + page.source();
    }

    static State readState(Path file, WikiPage page) {
        try {
            return StateFile.read(file, pageKey(page));
        } catch (StateException e) {
            throw new UserInputException("--state " + e.getMessage());
        }
    }

    static void writeState(Path file, State next) {
        try {
            StateFile.write(file, next);
        } catch (StateException e) {
            throw new UserInputException("--state " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Optional<Set<String>> ids = Optional.ofNullable(only).map(Set::copyOf);
        if (!failOn.equals("any") && !failOn.equals("new")) {
            throw new UserInputException("--fail-on " + failOn + ": must be 'any' or 'new'");
        }
        if (failOn.equals("new") && state.isEmpty()) {
            throw new UserInputException("--fail-on new needs --state FILE: news is what changed since the last run");
        }
        Optional<OutputFile> destination = OutputFile.prepare("--output", output);
        java.util.Map<ReportFormat, OutputFile> reportFiles = new java.util.EnumMap<>(ReportFormat.class);
        if (reportDir.isPresent()) {
            try {
                java.nio.file.Files.createDirectories(reportDir.get());
            } catch (java.io.IOException e) {
                throw new UserInputException("--report-dir " + reportDir.get() + ": cannot create the folder: "
                        + e.getMessage());
            }
            for (ReportFormat f : ReportFormat.values()) {
                reportFiles.put(f, OutputFile.prepare("--report-dir", reportDir.get().resolve(f.fileName())));
            }
        }
        // A state file that cannot be used stops the run before any check, and is left as it is.
        Optional<State> before = Optional.empty();
        OkHttpClient client = run.client(env, spec.commandLine().getErr(), timeout.perRequest());
        // The page is the first link of every chain: fetch it while the checkers and recipes load (a cold JVM
        // spends a few hundred milliseconds there), not after.
        java.util.concurrent.CompletableFuture<WikiPage> pageLoad = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> page.load(new SourceHttp(client)));
        try {
            CheckerRegistry registry = plugins.registry();
            if (ids.isPresent()) {
                Set<String> unknown = ids.get().stream().filter(id -> registry.byId(id).isEmpty())
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (!unknown.isEmpty()) {
                    throw new UserInputException("--only: no checker with id " + unknown + "; known: "
                            + registry.all().stream().map(d -> d.checker().id()).toList());
                }
            }
            WikiPage wikiPage = loaded(pageLoad);
            List<Integration> integrations = PageOptions.parse(wikiPage);
            if (state.isPresent()) {
                before = Optional.of(readState(state.get(), wikiPage));
            }
            // A replayed run reads the world as it was when recorded: its age rules and "seen" dates use that day.
            Clock runClock = ReplayInterceptor.of(client).flatMap(ReplayInterceptor::recordedAt)
                    .map(at -> Clock.fixed(at, java.time.ZoneOffset.UTC)).orElse(clock);
            Engine engine = new Engine(registry, new RunContext(client, runClock), timeout.value(), ids, jobs,
                    !noMissing);
            Report report = onlyChecked(engine.run(wikiPage, integrations, progress()), ids);
            Optional<Tracker.Advance> advance = before.map(b -> Tracker.advance(b, report, ids));
            ReportView view = new ReportView(report, advance.map(Tracker.Advance::history));
            Optional<String> scope = ids.map(i -> String.join(",", new java.util.TreeSet<>(i)));
            boolean toTerminal = output.isEmpty();
            TextReport.Options forStdout = new TextReport.Options(
                    toTerminal ? console.reportWidth(width, TextReport.DEFAULT_WIDTH)
                            : width.orElse(TextReport.DEFAULT_WIDTH), details,
                    toTerminal && console.colour(env) ? Console.ansi() : org.criu.status.core.report.Styler.PLAIN, scope);
            if (reportDir.isPresent()) {
                TextReport.Options forFile = new TextReport.Options(TextReport.DEFAULT_WIDTH, details,
                        org.criu.status.core.report.Styler.PLAIN, scope);
                for (ReportFormat f : ReportFormat.values()) {
                    reportFiles.get(f).write(render(f, view, forFile));
                }
            }
            if (!quiet || destination.isPresent()) {
                String shown = render(format, view, forStdout);
                if (toTerminal && console.stdoutTerminal() && format == ReportFormat.wikitext) {
                    // The page byte for byte belongs in a file; on a terminal its control characters show escaped.
                    shown = org.criu.status.core.report.TerminalSafe.text(shown);
                }
                OutputFile.write(destination, shown, spec.commandLine().getOut());
            }
            if (advance.isPresent()) {
                writeState(state.get(), advance.get().next());
            }
            return view.exitCode(failOn.equals("new"));
        } finally {
            pageLoad.cancel(true);
            Http.release(client);
        }
    }

    /** The page the background load read, or its error as the load would have thrown it. */
    private static WikiPage loaded(java.util.concurrent.CompletableFuture<WikiPage> pageLoad) {
        try {
            return pageLoad.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
