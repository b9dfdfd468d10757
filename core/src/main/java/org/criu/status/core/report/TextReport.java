package org.criu.status.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Quotes;
import org.criu.status.core.model.Report;
import org.criu.status.core.report.Styler.Style;
import org.criu.status.core.state.History;

/**
 * The terminal report: a header (page revision, when, tool version, legend), a one-line summary, then the
 * entries grouped by what an editor does, suggestions first, each with the evidence it rests on: the deciding
 * piece on one line by default, all of it with {@code details}. Laid out for a width (80, 120, 100 off a
 * terminal): text wraps with an indent, a URL is never split and goes on a line of its own where it does not
 * fit. Everything from sources is made terminal-safe ({@link TerminalSafe}).
 */
public final class TextReport {

    /** Width when the output is not a terminal. */
    public static final int DEFAULT_WIDTH = 100;
    /** Narrowest width laid out for; narrower terminals get this. */
    public static final int MIN_WIDTH = 40;
    static final String QUOTE_MARK = "> ";
    static final String LEGEND = "Legend: [ready], [dropped], ... the status a piece of evidence supports, "
            + "[context] none; confidence high > medium > low; lines starting \"> \" quote a source verbatim, "
            + Quotes.ELLIPSIS + " marks a cut";

    /**
     * How to lay the report out.
     *
     * @param width   columns to fit
     * @param details all evidence in full, not only the deciding piece on one line
     * @param styler  colour for a terminal, {@link Styler#PLAIN} otherwise
     * @param scope   what the run was limited to ("--only slurm,docker"), shown in the header
     */
    public record Options(int width, boolean details, Styler styler, Optional<String> scope) {
        public Options {
            width = Math.max(MIN_WIDTH, width);
        }

        public static Options plain() {
            return new Options(DEFAULT_WIDTH, false, Styler.PLAIN, Optional.empty());
        }
    }

    private final ReportView view;
    private final Options options;
    private final Report report;
    private final List<String> out = new ArrayList<>();

    private TextReport(ReportView view, Options options) {
        this.view = view;
        this.options = options;
        this.report = view.report();
    }

    public static String render(Report report) {
        return render(new ReportView(report, Optional.empty()), Options.plain());
    }

    public static String render(ReportView view, Options options) {
        TextReport text = new TextReport(view, options);
        text.write();
        return String.join("\n", text.out) + "\n";
    }

    private void write() {
        StringBuilder title = new StringBuilder("integration-status ").append(Http.VERSION).append(": ")
                .append(safe(report.page().title()));
        report.page().revision().ifPresent(r -> title.append(", revision ").append(r));
        report.page().timestamp().ifPresent(t -> title.append(" of ").append(UtcTime.minutes(t)));
        wrapStyled(Style.TITLE, title.toString(), "", "  ");
        wrap("Page: " + safe(report.page().source()), "", "  ");
        wrap("Generated: " + UtcTime.minutes(report.generatedAt()), "", "  ");
        options.scope().ifPresent(s -> wrap("Only: " + safe(s) + " (--only; the other entries were not checked)", "", "  "));
        wrap(LEGEND, "", "  ");
        view.sinceLastRun().ifPresent(s -> wrapStyled(Style.NEWS, s, "", "  "));
        out.add("");
        wrap(view.summary(), "", "  ");

        section("CHANGE ON THE PAGE", view.change());
        section("ADD TO THE PAGE", view.add());
        section("CHECK BY HAND", view.unverified());
        section("KEEP", view.keep());
        section("NO CHECKER", view.noChecker());
        section("DISMISSED", view.dismissed());
        view.history().filter(h -> !h.gone().isEmpty()).ifPresent(h -> {
            out.add("");
            out.add(options.styler().apply(Style.TITLE, "GONE SINCE THE LAST RUN (" + h.gone().size() + ")"));
            for (History.Gone g : h.gone()) {
                out.add("");
                wrap(safe(g.heading()) + ": the last run said " + safe(g.lastSaid()), "", "  ");
            }
        });
        if (!options.details() && view.all().stream().anyMatch(i -> i.finding().evidence().size() > 1)) {
            out.add("");
            wrap("More evidence and full quotes: --details.", "", "");
        }
    }

    private void section(String name, List<ReportView.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        out.add("");
        out.add(options.styler().apply(Style.TITLE, name + " (" + items.size() + ")"));
        for (ReportView.Item item : items) {
            out.add("");
            item(item);
        }
    }

    private void item(ReportView.Item item) {
        Style style = switch (item.finding().verdict()) {
            case SUGGESTED -> Style.CHANGE;
            case CONFIRMED -> Style.KEEP;
            default -> Style.PROBLEM;
        };
        String heading = safe(item.heading()) + ":";
        String rest = " " + safe(item.action())
                + item.finding().confidence().map(c -> " (" + c.jsonName() + " confidence)").orElse("");
        List<String> lines = wrapped(heading + rest, "", "  ");
        // Style the heading and the action apart, only on the first line, so wrapping decided the layout.
        String first = lines.get(0);
        if (first.startsWith(heading)) {
            lines.set(0, options.styler().apply(Style.ENTRY, heading)
                    + options.styler().apply(style, first.substring(heading.length())));
        }
        out.addAll(lines);
        List<String> facts = new ArrayList<>();
        item.news().ifPresent(facts::add);
        item.standing().ifPresent(facts::add);
        item.history().flatMap(History.EntryHistory::dismissal).ifPresent(d -> facts.add("dismissed "
                + d.at().atZone(java.time.ZoneOffset.UTC).toLocalDate() + ": " + safe(d.reason())));
        if (options.details()) {
            item.finding().checker().ifPresent(c -> facts.add("checker " + c));
        }
        if (!facts.isEmpty()) {
            // Facts are joined before styling would matter: wrap the plain text, style nothing inside.
            wrap(String.join(", ", facts), "  ", "    ");
        }
        item.finding().error().ifPresent(e -> wrap("Why: " + safe(e), "  ", "    "));
        List<Evidence> evidence = item.finding().evidence();
        List<Evidence> shown = options.details() ? evidence : evidence.stream().limit(1).toList();
        for (Evidence e : shown) {
            evidence(e);
        }
        if (shown.size() < evidence.size()) {
            int more = evidence.size() - shown.size();
            wrap("+ " + more + " more piece" + (more == 1 ? "" : "s") + " of evidence", "  ", "    ");
        }
    }

    private void evidence(Evidence e) {
        String line = ReportView.tag(e) + " " + view.date(e) + " " + safe(e.quote())
                + e.component().map(c -> " (about " + safe(c) + ")").orElse("");
        if (options.details()) {
            wrap(line, "  ", "    ");
            e.excerpt().ifPresent(x -> wrap(safe(x), "    " + QUOTE_MARK, "    " + QUOTE_MARK));
        } else {
            out.add(cut("  " + line));
            e.excerpt().ifPresent(x -> out.add(cut("    " + QUOTE_MARK + safe(x))));
        }
        url(safe(e.url()));
    }

    /** A URL on a line of its own, indented when it fits, else from the first column, never split. */
    private void url(String url) {
        out.add("    ".length() + url.length() <= options.width() ? "    " + url : url);
    }

    /** One line, cut at a word with an ellipsis where it does not fit. */
    private String cut(String line) {
        return line.length() <= options.width() ? line : Quotes.shorten(line, options.width());
    }

    private void wrap(String text, String first, String rest) {
        out.addAll(wrapped(text, first, rest));
    }

    private void wrapStyled(Style style, String text, String first, String rest) {
        for (String line : wrapped(text, first, rest)) {
            out.add(options.styler().apply(style, line));
        }
    }

    /**
     * Word-wraps {@code text} to the width, the first line after {@code first}, the others after {@code rest};
     * a word too long for a line is split, except a URL, which gets a line of its own whole.
     */
    List<String> wrapped(String text, String first, String rest) {
        int width = options.width();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int lineStart = first.length();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean empty = line.length() == lineStart;
            int needed = (empty ? 0 : 1) + word.length();
            if (line.length() + needed <= width) {
                line.append(empty ? "" : " ").append(word);
                continue;
            }
            if (!empty) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                lineStart = rest.length();
            }
            if (isUrl(word) && rest.length() + word.length() > width) {
                lines.add(word);
                continue;
            }
            while (line.length() + word.length() > width) {
                int room = width - line.length();
                lines.add(line + word.substring(0, room));
                word = word.substring(room);
                line = new StringBuilder(rest);
            }
            line.append(word);
        }
        if (line.length() > lineStart || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isUrl(String word) {
        return word.startsWith("https://") || word.startsWith("http://");
    }

    private static String safe(String text) {
        return TerminalSafe.line(text);
    }
}
