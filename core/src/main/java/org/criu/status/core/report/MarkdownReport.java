package org.criu.status.core.report;

import java.util.List;
import org.criu.status.core.http.Http;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Report;
import org.criu.status.core.page.Citation;
import org.criu.status.core.page.Wikitext;
import org.criu.status.core.state.History;

/**
 * The {@code markdown} format (CommonMark with a GFM table): a summary, a table of every entry with its action
 * and main evidence, then the details with all evidence. Text from sources is escaped so it renders as written:
 * no link, image, HTML or emphasis can come out of it, and only http(s) URLs become links.
 */
public final class MarkdownReport {

    /** ASCII punctuation that means something mid-line in CommonMark or GFM, backslash-escaped in text. */
    private static final String SPECIAL = "\\`*_[]<>|#~&!{}$";
    /** What a line may not start with (a list item, a heading underline, an ordered list number). */
    private static final java.util.regex.Pattern LINE_START = java.util.regex.Pattern.compile("^(?:[-+=]|\\d+[.)])");
    private static final String URL_UNSAFE = " ()<>\"'`\\[]{}|^";

    private MarkdownReport() {
    }

    public static String render(ReportView view) {
        Report report = view.report();
        StringBuilder out = new StringBuilder();
        out.append("# Integration status: ").append(text(report.page().title())).append("\n\n");
        StringBuilder about = new StringBuilder("Generated ").append(UtcTime.minutes(report.generatedAt()))
                .append(" by integration-status ").append(Http.VERSION).append(" from ")
                .append(link(report.page().source(), report.page().source()));
        report.page().revision().ifPresent(r -> about.append(", revision ").append(r));
        report.page().timestamp().ifPresent(t -> about.append(" of ").append(UtcTime.minutes(t)));
        out.append(about).append(".\n\n");
        out.append("**").append(text(view.summary())).append("**\n\n");
        view.sinceLastRun().ifPresent(s -> out.append(text(s)).append("\n\n"));
        out.append("Evidence tags: `[ready]`, `[dropped]`, ... the status a piece of evidence supports, `[context]` "
                + "none; confidence high > medium > low. Quotes from sources are block quotes.\n\n");

        out.append("## Summary\n\n");
        out.append("| Entry | Page says | What to do | Confidence | Main evidence | Since last run |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (ReportView.Item item : view.all()) {
            out.append("| ").append(cell(item.heading()))
                    .append(" | ").append(cell(item.onPage() ? blankAsDash(item.finding().integration().wikiStatus())
                            : "(not on the page)"))
                    .append(" | ").append(cell(item.action() + (item.dismissed() ? " (dismissed)" : "")))
                    .append(" | ").append(item.finding().confidence().map(c -> c.jsonName()).orElse("-"))
                    .append(" | ").append(item.main().map(e -> cellLink(e)).orElse(
                            cell(item.finding().error().orElse("-"))))
                    .append(" | ").append(cell(since(item)))
                    .append(" |\n");
        }
        view.history().filter(h -> !h.gone().isEmpty()).ifPresent(h -> {
            out.append("\n## Gone since the last run\n\n");
            for (History.Gone g : h.gone()) {
                out.append("- ").append(text(g.heading())).append(": the last run said ").append(text(g.lastSaid()))
                        .append('\n');
            }
        });

        out.append("\n## Details\n");
        for (ReportView.Item item : view.all()) {
            out.append("\n### ").append(text(item.heading())).append(": ").append(text(item.action())).append("\n\n");
            StringBuilder facts = new StringBuilder();
            item.finding().confidence().ifPresent(c -> facts.append("Confidence ").append(c.jsonName()).append(". "));
            item.finding().checker().ifPresent(c -> facts.append("Checker `").append(c.replace("`", "")).append("`. "));
            item.news().ifPresent(n -> facts.append("**").append(text(n)).append(".** "));
            item.standing().ifPresent(s -> facts.append(text(s)).append(". "));
            item.history().flatMap(History.EntryHistory::dismissal).ifPresent(d -> facts.append("Dismissed ")
                    .append(d.at().atZone(java.time.ZoneOffset.UTC).toLocalDate()).append(": ").append(text(d.reason()))
                    .append(". "));
            item.finding().error().ifPresent(e -> facts.append("Why it could not be checked: ").append(text(e))
                    .append(". "));
            if (!facts.isEmpty()) {
                out.append(facts.toString().strip()).append("\n\n");
            }
            for (Evidence e : item.finding().evidence()) {
                out.append("- `").append(ReportView.tag(e)).append("` ").append(text(view.date(e))).append(": ")
                        .append(text(e.quote()))
                        .append(e.component().map(c -> " (about " + text(c) + ")").orElse(""))
                        .append(" — ").append(link(e.url(), Citation.of(e).label())).append('\n');
                e.excerpt().ifPresent(x -> out.append("\n  > ").append(text(x)).append("\n\n"));
            }
        }
        return out.toString();
    }

    private static String since(ReportView.Item item) {
        List<String> parts = new java.util.ArrayList<>();
        item.news().ifPresent(parts::add);
        item.standing().ifPresent(parts::add);
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    private static String blankAsDash(String s) {
        return s.isBlank() ? "-" : s;
    }

    private static String cellLink(Evidence e) {
        return link(e.url(), Citation.of(e).label());
    }

    /** Text for a table cell: escaped, with nothing that could end the cell or the row. */
    private static String cell(String s) {
        return text(s);
    }

    /** Source text as CommonMark that renders to exactly this text, on one line. */
    static String text(String s) {
        String line = TerminalSafe.line(Wikitext.oneLine(s));
        StringBuilder out = new StringBuilder(line.length() + 16);
        java.util.regex.Matcher start = LINE_START.matcher(line);
        int mark = start.find() ? start.end() - 1 : -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0 || i == mark) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code [label](url)} for an http(s) URL (characters that would end it encoded), else the URL as text. */
    static String link(String url, String label) {
        if (!Wikitext.linkable(url)) {
            return text(label) + " (" + text(url) + ")";
        }
        StringBuilder dest = new StringBuilder();
        url.strip().codePoints().forEach(c -> {
            if (URL_UNSAFE.indexOf(c) >= 0 || c > 0x7e || c < 0x20) {
                for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    dest.append(String.format("%%%02X", b & 0xff));
                }
            } else {
                dest.appendCodePoint(c);
            }
        });
        return "[" + text(label) + "](" + dest + ")";
    }
}
