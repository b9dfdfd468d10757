package org.criu.status.core.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Status;
import org.criu.status.core.page.Citation;
import org.criu.status.core.page.Wikitext;
import org.criu.status.core.state.History;

/**
 * The {@code html} format: one self-contained file (inline CSS and SVG, no script, no external asset, a
 * Content-Security-Policy that forbids both), suggestions first, status badges, evidence with links and quotes,
 * and a timeline of each entry's evidence dates so stale entries stand out.
 *
 * <p>Made with jte: templates are compiled to Java at build time and type-checked against {@link Model}, and
 * every {@code ${...}} is escaped for where it stands (text or attribute), so text from sources cannot become
 * markup. Links are http(s) only; anything else is shown as text.
 */
public final class HtmlReport {

    /** Evidence older than this (the verdict rules' STALE_AFTER) draws the timeline's stale band. */
    static final int STALE_YEARS = 2;
    static final int TIMELINE_WIDTH = 640;
    static final int TIMELINE_LEFT = 12;
    static final int TIMELINE_RIGHT = 628;

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), "org.criu.status.core.report.template");

    private HtmlReport() {
    }

    public static String render(ReportView view) {
        StringOutput out = new StringOutput();
        ENGINE.render("report.jte", model(view), out);
        return out.toString();
    }

    /** Everything the template shows, computed here so the template only places it. */
    public record Model(String title, String pageLine, String generated, String tool, String summary,
                        Optional<String> sinceLastRun, List<Section> sections, List<Gone> gone, Axis axis) {
    }

    public record Section(String id, String name, List<Entry> entries) {
    }

    public record Entry(String anchor, String heading, String pageStatus, String pageStatusClass, String action,
                        Optional<String> target, String targetClass, Optional<String> confidence,
                        Optional<String> news, Optional<String> standing, Optional<String> dismissed,
                        Optional<String> error, Optional<String> checker, boolean stale, List<Item> evidence,
                        List<Dot> dots, String timelineLabel) {
    }

    /** One piece of evidence: tag, date, summary, verbatim quote, and a link when the URL is http(s). */
    public record Item(String tag, String tagClass, String date, String summary, Optional<String> component,
                       Optional<String> quote, Optional<String> href, String label, String url) {
    }

    /** A dot on an entry's timeline: x position, filled (dated) or hollow ("seen" today), what it is. */
    public record Dot(int x, boolean dated, String tagClass, String title) {
    }

    /** The shared time axis: year ticks, and where "stale" begins. */
    public record Axis(List<Tick> ticks, int staleX, int nowX, String from, String to) {
    }

    public record Tick(int x, String label) {
    }

    public record Gone(String heading, String lastSaid) {
    }

    static Model model(ReportView view) {
        Report report = view.report();
        LocalDate today = report.seenOn();
        LocalDate earliest = view.all().stream().flatMap(i -> i.finding().evidence().stream())
                .map(e -> e.date().orElse(today)).min(LocalDate::compareTo).orElse(today.minusYears(1));
        LocalDate start = LocalDate.of(Math.min(earliest.getYear(), today.getYear() - STALE_YEARS - 1), 1, 1);
        Scale scale = new Scale(start, today);
        List<Tick> ticks = new ArrayList<>();
        int years = today.getYear() - start.getYear();
        int step = years > 12 ? 4 : years > 6 ? 2 : 1;
        for (int y = start.getYear(); y <= today.getYear(); y += step) {
            ticks.add(new Tick(scale.x(LocalDate.of(y, 1, 1)), String.valueOf(y)));
        }
        Axis axis = new Axis(ticks, scale.x(today.minusYears(STALE_YEARS)), scale.x(today), start.toString(),
                today.toString());

        List<Section> sections = new ArrayList<>();
        section(sections, "change", "Change on the page", view.change(), view, scale);
        section(sections, "add", "Add to the page", view.add(), view, scale);
        section(sections, "check", "Check by hand", view.unverified(), view, scale);
        section(sections, "keep", "Keep", view.keep(), view, scale);
        section(sections, "no-checker", "No checker", view.noChecker(), view, scale);
        section(sections, "dismissed", "Dismissed", view.dismissed(), view, scale);

        String pageLine = report.page().title() + report.page().revision().map(r -> ", revision " + r).orElse("")
                + report.page().timestamp().map(t -> " of " + UtcTime.minutes(t)).orElse("") + ", read from "
                + report.page().source();
        List<Gone> gone = view.history().map(History::gone).orElse(List.of()).stream()
                .map(g -> new Gone(clean(g.heading()), clean(g.lastSaid()))).toList();
        return new Model("Integration status: " + clean(report.page().title()), clean(pageLine),
                UtcTime.minutes(report.generatedAt()), "integration-status " + Http.VERSION, view.summary(),
                view.sinceLastRun(), sections, gone, axis);
    }

    private static void section(List<Section> sections, String id, String name, List<ReportView.Item> items,
                                ReportView view, Scale scale) {
        if (items.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        for (ReportView.Item item : items) {
            entries.add(entry(id + "-" + entries.size(), item, view, scale));
        }
        sections.add(new Section(id, name + " (" + items.size() + ")", entries));
    }

    private static Entry entry(String anchor, ReportView.Item item, ReportView view, Scale scale) {
        var f = item.finding();
        LocalDate today = view.report().seenOn();
        List<Item> evidence = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            String url = clean(e.url());
            evidence.add(new Item(ReportView.tag(e), statusClass(e.supports()), view.date(e), clean(e.quote()),
                    e.component().map(HtmlReport::clean), e.excerpt().map(HtmlReport::clean),
                    Wikitext.linkable(e.url()) ? Optional.of(e.url().strip()) : Optional.empty(),
                    clean(Citation.of(e).label()), url));
            LocalDate when = e.date().orElse(today);
            dots.add(new Dot(scale.x(when), e.date().isPresent(), statusClass(e.supports()),
                    view.date(e) + " " + ReportView.tag(e) + " " + clean(e.quote())));
        }
        // Stale: every piece is dated and the newest is older than the rules' two years. A fact seen today
        // (what a tree holds now) is current, so an entry with one is not stale.
        Optional<LocalDate> newest = f.evidence().stream().flatMap(e -> e.date().stream()).max(LocalDate::compareTo);
        boolean stale = !f.evidence().isEmpty() && f.evidence().stream().allMatch(e -> e.date().isPresent())
                && newest.map(d -> ChronoUnit.YEARS.between(d, today) >= STALE_YEARS).orElse(false);
        String label = "Evidence dates for " + clean(item.heading()) + ": " + (f.evidence().isEmpty() ? "none"
                : String.join(", ", f.evidence().stream().map(view::date).toList()))
                + (stale ? " (newest dated evidence older than " + STALE_YEARS + " years)" : "");
        Optional<Status> target = f.suggestedStatus();
        return new Entry(anchor, clean(item.heading()),
                item.onPage() ? blankAsNone(f.integration().wikiStatus()) : "not on the page",
                statusClass(f.integration().status()), clean(item.action()), target.map(Status::wikiText),
                statusClass(target), f.confidence().map(c -> c.jsonName() + " confidence"),
                item.news(), item.standing(),
                item.history().flatMap(History.EntryHistory::dismissal).map(d -> "dismissed "
                        + d.at().atZone(ZoneOffset.UTC).toLocalDate() + ": " + clean(d.reason())),
                f.error().map(HtmlReport::clean), f.checker(), stale, evidence, dots, label);
    }

    private static String blankAsNone(String s) {
        return s.isBlank() ? "no status" : clean(s);
    }

    /** A CSS class for a status badge, from the enum only (never from source text). */
    static String statusClass(Optional<Status> status) {
        return status.map(s -> "st-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .orElse("st-none");
    }

    /** Source text without control characters (shown escaped): an HTML file may still end up on a terminal. */
    private static String clean(String s) {
        return TerminalSafe.line(s);
    }

    /** Days to x positions on the timeline. */
    private record Scale(LocalDate start, LocalDate end) {
        int x(LocalDate date) {
            long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
            long at = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(start, date)));
            return (int) (TIMELINE_LEFT + (TIMELINE_RIGHT - TIMELINE_LEFT) * at / span);
        }
    }
}
