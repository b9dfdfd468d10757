package org.criu.status.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.page.StatusChange;
import org.criu.status.core.state.History;

/**
 * A report as an editor reads it, shared by the text, markdown and HTML formats: the entries grouped by what to
 * do (change, add, check by hand, keep, no checker, dismissed), each with its action in an editor's words
 * ("change ready -> dropped", "keep ready, add a note: experimental", "keep") and, with a state file, its history.
 */
public final class ReportView {

    /** One entry as reported. */
    public record Item(Finding finding, boolean onPage, String action, Optional<History.EntryHistory> history,
                       boolean firstRun) {

        public String heading() {
            return finding.integration().heading();
        }

        /** The evidence the verdict rests on: the first piece (the rules list the deciding one first). */
        public Optional<Evidence> main() {
            return finding.evidence().stream().findFirst();
        }

        public boolean dismissed() {
            return history.flatMap(History.EntryHistory::dismissal).isPresent();
        }

        /** "suggested since 2026-11-01, 6 runs" for a suggestion with a history, else empty. */
        public Optional<String> standing() {
            if (finding.verdict() != Verdict.SUGGESTED) {
                return Optional.empty();
            }
            return history.map(h -> "suggested since " + h.since().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    + ", " + h.runs() + (h.runs() == 1 ? " run" : " runs"));
        }

        /**
         * "new since the last run", "changed since the last run (was: confirmed ready)", "evidence changed since
         * the last run: changed URL" for news since the last run, else empty; empty on a state file's first run
         * too, where everything is new and the report says so once.
         */
        public Optional<String> news() {
            return history.filter(h -> !firstRun && h.change() != History.Change.SAME)
                    .map(h -> h.evidence().isPresent() && h.before().isEmpty()
                            ? "evidence changed since the last run: " + h.evidence().get()
                            : h.change().word() + " since the last run" + h.before().map(b -> " (was: " + b + ")")
                                    .orElse(""));
        }
    }

    private final Report report;
    private final Optional<History> history;
    private final List<Item> change = new ArrayList<>();
    private final List<Item> add = new ArrayList<>();
    private final List<Item> unverified = new ArrayList<>();
    private final List<Item> keep = new ArrayList<>();
    private final List<Item> noChecker = new ArrayList<>();
    private final List<Item> dismissed = new ArrayList<>();

    public ReportView(Report report, Optional<History> history) {
        this.report = report;
        this.history = history;
        for (Finding f : report.findings()) {
            place(f, true);
        }
        for (Finding f : report.notOnPage()) {
            place(f, false);
        }
    }

    private void place(Finding f, boolean onPage) {
        Optional<History.EntryHistory> h = history.flatMap(x -> x.of(f.integration().heading()));
        Item item = new Item(f, onPage, action(f, onPage), h, history.map(History::firstRun).orElse(false));
        switch (f.verdict()) {
            case SUGGESTED -> (item.dismissed() ? dismissed : onPage ? change : add).add(item);
            case UNVERIFIED -> unverified.add(item);
            case CONFIRMED -> keep.add(item);
            case NO_CHECKER -> noChecker.add(item);
        }
    }

    /** What an editor does about a finding, in the editor's words. */
    public static String action(Finding f, boolean onPage) {
        String page = f.integration().wikiStatus();
        return switch (f.verdict()) {
            case SUGGESTED -> onPage
                    ? StatusChange.describe(f.integration().rawStatus(), f.suggestedStatus().get(), f.qualifier())
                    : "add" + f.integration().section().map(s -> " under " + s).orElse("") + " as "
                            + f.suggestedStatus().map(Status::wikiText).orElse("")
                            + f.qualifier().map(q -> ", with a note: " + q).orElse("");
            case CONFIRMED -> "keep " + page;
            case UNVERIFIED -> onPage ? "check by hand (page says " + (page.isEmpty() ? "nothing" : page) + ")"
                    : "check by hand (not on the page)";
            case NO_CHECKER -> "no checker (page says " + (page.isEmpty() ? "nothing" : page) + ")";
        };
    }

    public Report report() {
        return report;
    }

    public Optional<History> history() {
        return history;
    }

    /** Suggestions for entries on the page, not dismissed, in page order. */
    public List<Item> change() {
        return List.copyOf(change);
    }

    /** Suggested entries the page lacks, not dismissed. */
    public List<Item> add() {
        return List.copyOf(add);
    }

    public List<Item> unverified() {
        return List.copyOf(unverified);
    }

    public List<Item> keep() {
        return List.copyOf(keep);
    }

    public List<Item> noChecker() {
        return List.copyOf(noChecker);
    }

    /** Suggestions an editor dismissed, while their evidence stays the same. */
    public List<Item> dismissed() {
        return List.copyOf(dismissed);
    }

    /** Every item, suggestions first, in the order the sections come. */
    public List<Item> all() {
        List<Item> all = new ArrayList<>(change);
        all.addAll(add);
        all.addAll(unverified);
        all.addAll(keep);
        all.addAll(noChecker);
        all.addAll(dismissed);
        return all;
    }

    /** "5 to change, 1 to add, 0 to check by hand, 8 to keep, 0 without a checker, 1 dismissed (13 entries)". */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(change.size()).append(" to change, ");
        if (!report.notOnPage().isEmpty()) {
            out.append(add.size()).append(" to add, ");
        }
        out.append(unverified.size()).append(" to check by hand, ").append(keep.size()).append(" to keep, ")
                .append(noChecker.size()).append(" without a checker");
        if (!dismissed.isEmpty()) {
            out.append(", ").append(dismissed.size()).append(" dismissed");
        }
        out.append(" (").append(report.findings().size()).append(report.findings().size() == 1 ? " entry" : " entries");
        if (!report.notOnPage().isEmpty()) {
            out.append(" and ").append(report.notOnPage().size()).append(" not on the page");
        }
        return out.append(')').toString();
    }

    /** The one-line state of things since the last run, empty without a state file. */
    public Optional<String> sinceLastRun() {
        return history.map(h -> {
            if (h.firstRun()) {
                return "First run with this state file: everything below is new.";
            }
            if (h.noChange()) {
                return "No change since the last run (" + UtcTime.minutes(h.previousRun().get()) + ", run " + h.runs()
                        + ").";
            }
            long news = all().stream().filter(i -> h.of(i.heading()).map(e -> e.change() != History.Change.SAME)
                    .orElse(false)).count();
            return "Since the last run (" + UtcTime.minutes(h.previousRun().get()) + "): " + news
                    + (news == 1 ? " entry" : " entries") + " new or changed, " + h.gone().size() + " gone.";
        });
    }

    /**
     * The exit code: 1 when there is a suggestion to act on (not dismissed; with {@code onlyNews}, only one new or
     * changed since the last run), else 3 when a check could not run (likewise), else 0.
     */
    public int exitCode(boolean onlyNews) {
        java.util.function.Predicate<Item> counts = i -> !onlyNews
                || history.map(h -> h.isNews(i.heading())).orElse(true);
        if (change.stream().anyMatch(counts) || add.stream().anyMatch(counts)) {
            return 1;
        }
        return unverified.stream().anyMatch(counts) ? 3 : 0;
    }

    /** The date a piece of evidence is reported under: its own, else "seen" on the run's day. */
    public String date(Evidence e) {
        return e.date().map(Object::toString).orElse("seen " + report.seenOn());
    }

    /** "[ready]" for the status a piece of evidence supports, "[context]" for none. */
    public static String tag(Evidence e) {
        return "[" + e.supports().map(Status::wikiText).orElse("context") + "]";
    }
}
