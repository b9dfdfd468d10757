package org.criu.status.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.criu.status.core.engine.CheckerRegistry;
import org.criu.status.core.engine.Engine;
import org.criu.status.core.engine.RunContext;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.ReplayInterceptor;
import org.criu.status.core.http.Sleeper;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.model.WikiPage;
import org.criu.status.core.page.Changes;
import org.criu.status.core.page.Edit;
import org.criu.status.core.page.PageEditor;
import org.criu.status.core.page.PageParseException;
import org.criu.status.core.page.Selection;
import org.criu.status.core.page.Wikitext;
import org.criu.status.core.report.DiffReport;
import org.criu.status.core.report.ReportView;
import org.criu.status.core.report.TerminalSafe;
import org.criu.status.core.source.MediaWikiClient;
import org.criu.status.core.source.MediaWikiEditor;
import org.criu.status.core.source.MediaWikiException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.state.History;
import org.criu.status.core.state.State;
import org.criu.status.core.state.Tracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code publish}: writes the accepted suggestions to the wiki page, or to its talk page. Dry run unless
 * {@code --yes}. The edit is based on the revision the report was made from and changes only status text
 * and qualifier notes ({@link PageEditor}); if the page changed since, nothing is written.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {
                "Write the report's suggested status changes to the wiki page: only the status text (and a note"
                        + " under it for a qualifier) changes, every other byte stays.",
                "Dry run by default: shows the diff and the edit summary and writes nothing. --yes writes.",
                "From a fresh check, or from a saved JSON report (--report FILE): what was reviewed is what is"
                        + " published. The edit is based on the revision the report read; if the page changed since,"
                        + " nothing is written.",
                "Logs in with a bot password (Special:BotPasswords) from the environment: MW_BOT_USER"
                        + " (Account@BotName) and MW_BOT_PASSWORD; sent only to the wiki, over https (or to a"
                        + " loopback address)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:published, nothing to publish, or the dry run shown",
                "2:bad input, the page changed since the report (nothing written), or the wiki refused (the message"
                        + " says why)"})
final class PublishCommand implements Callable<Integer> {


    @Mixin
    PageOptions page;

    @Mixin
    RunOptions run;

    @Mixin
    PluginOptions plugins;

    @Mixin
    Timeouts.PerChecker timeout;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Publish this saved JSON report (check --format json) instead of checking afresh.")
    Optional<Path> reportFile;

    @Option(names = "--only", paramLabel = "ENTRY", split = ",",
            description = "Publish only these entries (headings or checker ids, comma-separated).")
    List<String> only;

    @Option(names = "--state", paramLabel = "FILE", description = "The state file of check --state: suggestions an"
            + " editor dismissed there (integration-status dismiss) are never published.")
    Optional<Path> stateFile;

    @Option(names = "--yes", description = "Really write to the wiki (without it: a dry run).")
    boolean yes;

    @Option(names = "--to-talk",
            description = "Post the report as a new section on the page's talk page instead of editing the page.")
    boolean toTalk;

    @Option(names = "--assert-bot",
            description = "Refuse to edit unless the account has the bot right (MediaWiki's assert=bot).")
    boolean assertBot;

    @Option(names = "--maxlag", paramLabel = "SECONDS", defaultValue = "5",
            description = "Ask the wiki to refuse while its database lags more than this (default: ${DEFAULT-VALUE});"
                    + " a refusal is waited out as the wiki asks (Retry-After) and tried again.")
    int maxlag;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "" + Engine.DEFAULT_JOBS,
            description = "Checks run at once for a fresh check (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;

    PublishCommand(Map<String, String> env) {
        this(env, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    PublishCommand(Map<String, String> env, Clock clock, Sleeper sleeper) {
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * What to publish: the page revision the changes were reviewed against, and the changes.
     *
     * @param names     entry headings and checker ids {@code --only} may name, lower case, with what the report
     *                  says of each (for entries that are not suggestions)
     * @param dismissed headings of suggestions an editor dismissed, with the reason: never published
     */
    private record Base(String api, String title, long revision, Instant timestamp, String wikitext, Changes changes,
                        Map<String, String> names, Map<String, String> dismissed, int notOnPage) {
    }

    @Override
    public Integer call() {
        if (page.file.isPresent()) {
            throw new UserInputException("--page-file: publish edits a page on a wiki (--wiki, --page); for a file,"
                    + " use check --format wikitext or diff");
        }
        if (yes && run.replay.isPresent()) {
            throw new UserInputException("--yes writes to the wiki, which a --replay run cannot; drop --replay");
        }
        if (maxlag < 0) {
            throw new UserInputException("--maxlag " + maxlag + ": must be 0 or more seconds");
        }
        if (jobs < 1) {
            throw new UserInputException("--jobs " + jobs + ": must be at least 1");
        }
        Optional<MediaWikiEditor.Credentials> credentials = Optional.empty();
        if (yes) {
            try {
                credentials = MediaWikiEditor.Credentials.fromEnv(env);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            if (credentials.isEmpty()) {
                throw new UserInputException("publish --yes logs in with a bot password: set MW_BOT_USER"
                        + " (Account@BotName) and MW_BOT_PASSWORD in the environment (made on Special:BotPasswords)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Selection selection = selection();
        OkHttpClient client = run.client(env, spec.commandLine().getErr(), timeout.perRequest());
        try {
            SourceHttp http = new SourceHttp(client);
            Base base = reportFile.isPresent() ? fromReport(reportFile.get(), http, selection)
                    : fromCheck(client, http, selection);
            Edit edit = apply(base);
            show(out, base, edit, selection);
            if (!edit.changed()) {
                out.println("Nothing to publish: the accepted suggestions change nothing on " + quoted(base.title())
                        + " (revision " + base.revision() + ").");
                return Main.OK;
            }
            if (toTalk) {
                return talk(out, client, base, edit, credentials);
            }
            if (!yes) {
                return dryRun(out, http, base, edit);
            }
            return publish(out, client, base, edit, credentials.get());
        } finally {
            Http.release(client);
        }
    }

    private Selection selection() {
        Selection selection = Selection.all().withMissing(false);
        if (only != null) {
            selection = selection.only(Set.copyOf(only.stream().map(String::strip).toList()));
        }
        return selection;
    }

    // ---- where the changes come from ----

    private Base fromCheck(OkHttpClient client, SourceHttp http, Selection selection) {
        CheckerRegistry registry = plugins.registry();
        WikiPage wikiPage = page.load(http);
        List<Integration> integrations = PageOptions.parse(wikiPage);
        if (wikiPage.revision().isEmpty() || wikiPage.timestamp().isEmpty()) {
            throw new UserInputException("page '" + wikiPage.title() + "' from " + page.wiki + ": the wiki did not"
                    + " say which revision it is; publish bases its edit on one");
        }
        Optional<Set<String>> ids = Optional.empty();
        if (only != null) {
            Set<String> wanted = new LinkedHashSet<>();
            Set<String> unknown = new LinkedHashSet<>();
            for (String name : only) {
                String key = name.strip();
                Optional<String> id = registry.byId(key).map(c -> c.id())
                        .or(() -> integrations.stream().filter(i -> i.heading().equalsIgnoreCase(key)).findFirst()
                                .flatMap(i -> registry.forHeading(i.heading())).map(c -> c.id()));
                boolean onPage = integrations.stream().anyMatch(i -> i.heading().equalsIgnoreCase(key));
                if (id.isPresent()) {
                    wanted.add(id.get());
                } else if (!onPage) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw new UserInputException("--only: no entry or checker " + unknown + " on " + quoted(wikiPage.title())
                        + "; entries: " + integrations.stream().map(Integration::heading).toList());
            }
            ids = Optional.of(wanted);
        }
        Clock runClock = ReplayInterceptor.of(client).flatMap(ReplayInterceptor::recordedAt)
                .map(at -> Clock.fixed(at, java.time.ZoneOffset.UTC)).orElse(clock);
        Engine engine = new Engine(registry, new RunContext(client, runClock), timeout.value(), ids, jobs);
        Report report = engine.run(wikiPage, integrations);
        // Dismissed as check --state would see them now: a dismissal holds while its evidence is unchanged.
        Map<String, String> dismissed = new LinkedHashMap<>();
        Optional<Set<String>> checked = ids;
        stateFile.map(file -> readState(file, wikiPage.title(), wikiPage.source()))
                .map(before -> new ReportView(report, Optional.of(Tracker.advance(before, report, checked).history())))
                .ifPresent(view -> view.dismissed().forEach(item -> dismissed.put(item.heading(), item.history()
                        .flatMap(History.EntryHistory::dismissal).map(History.Dismissal::reason).orElse(""))));
        Map<String, String> names = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String what = describe(f.verdict(), f.error(), Optional.ofNullable(dismissed.get(f.integration().heading())));
            names.put(f.integration().heading().toLowerCase(Locale.ROOT), what);
            f.checker().ifPresent(c -> names.putIfAbsent(c.toLowerCase(Locale.ROOT), what));
        }
        int notOnPage = (int) report.notOnPage().stream().filter(f -> f.verdict() == Verdict.SUGGESTED).count();
        return new Base(page.wiki, wikiPage.title(), wikiPage.revision().get(), wikiPage.timestamp().get(),
                wikiPage.wikitext(), Changes.of(report, selection.without(dismissed.keySet())), names, dismissed,
                notOnPage);
    }

    private Base fromReport(Path file, SourceHttp http, Selection selection) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException("--report " + file + ": no such file");
        } catch (MalformedInputException e) {
            throw new UserInputException("--report " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("--report " + file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            Changes.fromJson(json, selection); // says what is wrong with a file that is not a report
            root = new ObjectMapper().readTree(json);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new UserInputException("--report " + file + ": " + e.getMessage());
        }
        JsonNode pageNode = root.path("page");
        String title = pageNode.path("title").asText("");
        String source = pageNode.path("source").asText("");
        if (!pageNode.path("revision").canConvertToLong() || title.isEmpty() || source.isEmpty()) {
            throw new UserInputException("--report " + file + ": made from " + (source.isEmpty() ? "no wiki"
                    : source) + " without a page revision (a --page-file run?); publish needs a report of the"
                    + " wiki page: check --wiki URL --page TITLE --format json");
        }
        long revision = pageNode.path("revision").asLong();
        Instant timestamp;
        try {
            timestamp = Instant.parse(pageNode.path("timestamp").asText(""));
        } catch (DateTimeParseException e) {
            throw new UserInputException("--report " + file + ": page.timestamp '" + pageNode.path("timestamp")
                    .asText("") + "' is not a time (2025-03-02T10:00:00Z)");
        }
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--wiki") && !page.wiki.equals(source)) {
            throw new UserInputException("--report " + file + " was made from " + source + ", not --wiki "
                    + page.wiki);
        }
        if (parsed.hasMatchedOption("--page") && !page.title.equals(title)) {
            throw new UserInputException("--report " + file + " is about page " + quoted(title) + ", not --page "
                    + quoted(page.title));
        }
        WikiPage reviewed;
        try {
            reviewed = new MediaWikiClient(http).fetchRevision(source, revision);
        } catch (SourceException e) {
            throw new UserInputException("--report " + file + ": cannot read the revision it was made from: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--report " + file + ": page.source '" + source + "' is not a usable URL");
        }
        if (!reviewed.title().equals(title)) {
            throw new UserInputException("--report " + file + ": revision " + revision + " on " + source
                    + " is of page " + quoted(reviewed.title()) + ", not " + quoted(title));
        }
        // Dismissed when the report was made (check --state), or in the state file since: never published.
        Map<String, String> dismissed = new LinkedHashMap<>();
        for (JsonNode r : root.path("results")) {
            JsonNode d = r.path("history").path("dismissed");
            if (d.isObject()) {
                dismissed.put(r.path("integration").asText(""), d.path("reason").asText(""));
            }
        }
        Set<String> suggested = new LinkedHashSet<>();
        root.path("results").forEach(r -> {
            if ("suggested".equals(r.path("verdict").asText())) {
                suggested.add(r.path("integration").asText(""));
            }
        });
        stateFile.map(f -> readState(f, title, source)).ifPresent(state -> state.dismissals()
                .forEach((heading, d) -> {
                    if (suggested.contains(heading)) {
                        dismissed.putIfAbsent(heading, d.reason());
                    }
                }));
        Changes changes = Changes.fromJson(json, selection.without(dismissed.keySet()));
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode r : root.path("results")) {
            Verdict verdict = verdictOf(r.path("verdict").asText(""));
            String what = describe(verdict, Optional.ofNullable(r.path("error").textValue()),
                    Optional.ofNullable(dismissed.get(r.path("integration").asText(""))));
            names.put(r.path("integration").asText("").toLowerCase(Locale.ROOT), what);
            if (r.path("checker").isTextual()) {
                names.putIfAbsent(r.path("checker").asText().toLowerCase(Locale.ROOT), what);
            }
        }
        int notOnPage = 0;
        for (JsonNode r : root.path("notOnPage")) {
            notOnPage += "suggested".equals(r.path("verdict").asText()) ? 1 : 0;
        }
        if (only != null) {
            List<String> unknown = only.stream().map(String::strip)
                    .filter(n -> !names.containsKey(n.toLowerCase(Locale.ROOT))).toList();
            if (!unknown.isEmpty()) {
                throw new UserInputException("--only: no entry or checker " + unknown + " in --report " + file
                        + "; entries: " + root.path("results").findValuesAsText("integration"));
            }
        }
        return new Base(source, title, revision, timestamp, reviewed.wikitext(), changes, names, dismissed,
                notOnPage);
    }

    private static Verdict verdictOf(String json) {
        for (Verdict v : Verdict.values()) {
            if (v.jsonName().equals(json)) {
                return v;
            }
        }
        return Verdict.NO_CHECKER;
    }

    /** The state file {@code check --state} keeps for this page; it must exist (a typo is not "no dismissals"). */
    private State readState(Path file, String title, String source) {
        if (!Files.exists(file)) {
            throw new UserInputException("--state " + file + ": no such file (publish reads the dismissals that"
                    + " check --state and dismiss keep there)");
        }
        return CheckCommand.readState(file, new WikiPage(title, source, Optional.empty(), Optional.empty(), ""));
    }

    private static String describe(Verdict verdict, Optional<String> error, Optional<String> dismissal) {
        if (verdict == Verdict.SUGGESTED && dismissal.isPresent()) {
            return "dismissed" + (dismissal.get().isBlank() ? "" : " (" + dismissal.get() + ")") + ": never published";
        }
        return switch (verdict) {
            case SUGGESTED -> "suggested";
            case CONFIRMED -> "confirmed: the page already says what the sources say";
            case UNVERIFIED -> "unverified" + error.map(e -> " (" + e + ")").orElse("") + ": never published";
            case NO_CHECKER -> "not checked (no checker)";
        };
    }

    private static Edit apply(Base base) {
        try {
            return PageEditor.apply(base.wikitext(), base.title(), base.changes());
        } catch (PageParseException e) {
            throw new UserInputException("page " + quoted(base.title()) + " revision " + base.revision() + ": "
                    + e.getMessage());
        }
    }

    // ---- what is shown ----

    private void show(PrintWriter out, Base base, Edit edit, Selection selection) {
        out.println((toTalk ? "Talk page post for " : "Publish to ") + TerminalSafe.line(quoted(base.title()))
                + " on " + TerminalSafe.line(base.api()) + ", from revision " + base.revision() + " ("
                + base.timestamp() + ")" + (reportFile.map(f -> ", as reviewed in " + f).orElse("")));
        if (only != null) {
            for (String name : only) {
                String what = base.names().get(name.strip().toLowerCase(Locale.ROOT));
                if (what != null && !what.equals("suggested")) {
                    out.println("Not published: " + TerminalSafe.line(name.strip()) + ": " + TerminalSafe.line(what));
                }
            }
        }
        if (only == null) { // with --only, the entries named say it themselves
            base.dismissed().forEach((heading, reason) -> out.println("Dismissed, not published: "
                    + TerminalSafe.line(heading) + (reason.isBlank() ? "" : ": " + TerminalSafe.line(reason))));
        }
        for (Edit.Skipped s : edit.skipped()) {
            out.println("Not applied: " + TerminalSafe.line(s.heading()) + ": " + TerminalSafe.line(s.reason()));
        }
        if (base.notOnPage() > 0) {
            out.println("Not published: " + base.notOnPage() + (base.notOnPage() == 1 ? " entry" : " entries")
                    + " the page lacks (publish changes only status lines; see check --format wikitext)");
        }
        if (!edit.changed()) {
            return;
        }
        out.println("Edit summary: " + TerminalSafe.line(edit.summary(Edit.SUMMARY_LIMIT)));
        out.print(DiffReport.unified(edit, base.title()));
    }

    private int dryRun(PrintWriter out, SourceHttp http, Base base, Edit edit) {
        if (reportFile.isPresent()) {
            WikiPage now;
            try {
                now = new MediaWikiClient(http).fetch(base.api(), base.title());
            } catch (SourceException e) {
                throw new UserInputException("cannot read the page as it is now: " + e.getMessage());
            }
            if (now.revision().isPresent() && now.revision().get() != base.revision()) {
                if (now.wikitext().equals(edit.after())) {
                    out.println("Already published: revision " + now.revision().get() + " says exactly this;"
                            + " nothing to do.");
                    return Main.OK;
                }
                throw changedSince(base, now.revision().get(), now.timestamp(), Optional.empty(), false);
            }
        }
        out.println("Dry run: nothing was written. To " + (toTalk ? "post it" : "publish") + ", run again with --yes"
                + " (with MW_BOT_USER and MW_BOT_PASSWORD set).");
        return Main.OK;
    }

    private UserInputException changedSince(Base base, long now, Optional<Instant> at, Optional<String> by,
                                            boolean published) {
        return new UserInputException("page " + quoted(base.title()) + " changed since the report: it was made"
                + " from revision " + base.revision() + " (" + base.timestamp() + "), the page is now at revision "
                + now + at.map(t -> " (" + t + ")").orElse("") + by.map(u -> " by " + u).orElse("") + "; "
                + (published ? "nothing was written" : "publishing would write nothing")
                + ". Check again and review before publishing");
    }

    // ---- writing ----

    private MediaWikiEditor login(OkHttpClient client, String api, MediaWikiEditor.Credentials credentials) {
        MediaWikiEditor editor;
        try {
            editor = MediaWikiEditor.open(client, api, MediaWikiEditor.Settings.defaults().withMaxlag(maxlag)
                    .withSleeper(sleeper));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--wiki " + api + ": " + e.getMessage());
        }
        MediaWikiEditor.Account account = call(() -> editor.login(credentials));
        if (!account.mayEdit()) {
            throw new UserInputException(account.name() + " (" + credentials.user() + ") may not edit pages on " + api
                    + ": give the bot password the 'Edit existing pages' grant on Special:BotPasswords");
        }
        return editor;
    }

    private int publish(PrintWriter out, OkHttpClient client, Base base, Edit edit,
                        MediaWikiEditor.Credentials credentials) {
        MediaWikiEditor editor = login(client, base.api(), credentials);
        MediaWikiEditor.Revision now = call(() -> editor.latest(base.title()));
        if (now.id() != base.revision()) {
            // MediaWiki would merge an edit based on an older revision with one made since, where they touch
            // different lines; what was reviewed is no longer what would be saved, so stop before it can.
            if (now.text().equals(edit.after())) {
                out.println("Already published: revision " + now.id() + " says exactly this; nothing to do.");
                return Main.OK;
            }
            throw changedSince(base, now.id(), Optional.of(now.timestamp()), Optional.of(now.user()), true);
        }
        MediaWikiEditor.Saved saved = call(() -> editor.edit(new MediaWikiEditor.Edit(base.title(), edit.after(),
                edit.summary(Edit.SUMMARY_LIMIT), base.revision(), base.timestamp(), assertBot)));
        if (!saved.changed()) {
            out.println("Nothing to publish: the page already says this (no revision made).");
            return Main.OK;
        }
        long newRevision = saved.newRevision().orElse(-1L);
        out.println("Published " + quoted(base.title()) + ": revision " + base.revision() + " -> " + newRevision
                + " (" + edit.applied().size() + (edit.applied().size() == 1 ? " change" : " changes")
                + (saved.bot() ? ", bot edit" : "") + ")" + diffLink(base.api(), base.revision(), newRevision));
        return Main.OK;
    }

    private int talk(PrintWriter out, OkHttpClient client, Base base, Edit edit,
                     Optional<MediaWikiEditor.Credentials> credentials) {
        String heading = "integration-status: " + edit.applied().size() + " suggested "
                + (edit.applied().size() == 1 ? "change" : "changes") + " (revision " + base.revision() + ")";
        String text = talkText(base, edit);
        String summary = "integration-status: " + edit.applied().size() + " suggested status "
                + (edit.applied().size() == 1 ? "change" : "changes") + " to [[" + base.title() + "]] for review";
        out.println("New talk page section: " + TerminalSafe.line(heading));
        if (!yes) {
            out.print(TerminalSafe.text(text.endsWith("\n") ? text : text + "\n"));
            out.println("Dry run: nothing was written. To post it, run again with --yes (with MW_BOT_USER and"
                    + " MW_BOT_PASSWORD set).");
            return Main.OK;
        }
        MediaWikiEditor editor = login(client, base.api(), credentials.get());
        String talkPage = call(() -> editor.talkPageOf(base.title()));
        MediaWikiEditor.Saved saved = call(() -> editor.addSection(new MediaWikiEditor.NewSection(talkPage, heading,
                text, summary, assertBot)));
        out.println("Posted to " + quoted(talkPage) + ": revision " + saved.newRevision().map(String::valueOf)
                .orElse("?") + (saved.bot() ? " (bot edit)" : "")
                + saved.newRevision().flatMap(n -> saved.oldRevision().map(o -> diffLink(base.api(), o, n)))
                .orElse(""));
        return Main.OK;
    }

    /** The section: each change with its evidence link, the diff for reviewers, signed. */
    static String talkText(Base base, Edit edit) {
        StringBuilder text = new StringBuilder();
        text.append("[[:").append(base.title()).append("]] as of revision ").append(base.revision()).append(" (")
                .append(base.timestamp()).append(") could change, according to its sources:\n");
        for (Edit.Applied a : edit.applied()) {
            text.append("* '''").append(Wikitext.neutral(a.heading())).append("''': ")
                    .append(Wikitext.neutral(a.description().replace(" -> ", " → "))).append(" (")
                    .append(a.source().wikitext())
                    .append(")\n");
        }
        text.append("\nThe edit this would make:\n<pre>\n");
        text.append(DiffReport.unified(edit, base.title()).replace("&", "&amp;").replace("<", "&lt;")
                .replace("~", "&#126;"));
        text.append("</pre>\n");
        text.append("Posted by integration-status ").append(Http.VERSION).append(" for review. ~~~~");
        return text.toString();
    }

    private static String diffLink(String api, long from, long to) {
        if (!api.endsWith("/api.php")) {
            return "";
        }
        return ": " + api.substring(0, api.length() - "api.php".length()) + "index.php?diff=" + to + "&oldid=" + from;
    }

    private static String quoted(String title) {
        return "'" + title + "'";
    }

    @FunctionalInterface
    private interface WikiCall<T> {
        T run() throws MediaWikiException;
    }

    /** A refusal or failure of the wiki: one line, exit 2. */
    private static <T> T call(WikiCall<T> call) {
        try {
            return call.run();
        } catch (MediaWikiException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
