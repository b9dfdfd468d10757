package org.criu.status.core.report;

import java.util.ArrayList;
import java.util.List;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Report;
import org.criu.status.core.model.Verdict;

/** The terminal report: a table (entry, wiki status, verdict, suggestion, confidence, top evidence), then the why. */
public final class TextReport {

    private static final String[] HEADER = {"ENTRY", "WIKI", "VERDICT", "SUGGESTION", "CONF", "TOP EVIDENCE"};

    private TextReport() {
    }

    public static String render(Report report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Finding f : report.findings()) {
            rows.add(new String[] {
                    f.integration().heading(),
                    f.integration().wikiStatus().isEmpty() ? "(none)" : f.integration().wikiStatus(),
                    f.verdict().jsonName(),
                    suggestion(f),
                    f.confidence().map(c -> c.jsonName()).orElse("-"),
                    f.evidence().isEmpty() ? (f.error().isPresent() ? "see below" : "-") : f.evidence().get(0).url()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Page: ").append(report.page().title()).append(" (").append(report.page().source());
        report.page().revision().ifPresent(r -> out.append(", revision ").append(r));
        report.page().timestamp().ifPresent(t -> out.append(", ").append(t));
        out.append(")\n\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? pad(row[i], width[i]) + "  " : row[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n').append(String.format("%d entries: %d confirmed, %d suggested, %d unverified, %d no checker%n",
                report.findings().size(), report.count(Verdict.CONFIRMED), report.count(Verdict.SUGGESTED),
                report.count(Verdict.UNVERIFIED), report.count(Verdict.NO_CHECKER)));
        for (Finding f : report.findings()) {
            if (f.verdict() == Verdict.SUGGESTED || f.verdict() == Verdict.UNVERIFIED) {
                why(out, f, report);
            }
        }
        if (!report.notOnPage().isEmpty()) {
            out.append("\nNot on the page: ").append(report.notOnPage().size())
                    .append(report.notOnPage().size() == 1 ? " integration has" : " integrations have")
                    .append(" a checker but no entry; what an editor would add:\n");
            for (Finding f : report.notOnPage()) {
                out.append("\n").append(f.integration().heading()).append(" (section ")
                        .append(f.integration().section().orElse("?")).append("): ");
                if (f.verdict() == Verdict.SUGGESTED) {
                    out.append("Status: ").append(suggestion(f)).append(" [")
                            .append(f.confidence().map(c -> c.jsonName()).orElse("-")).append("]\n");
                } else {
                    out.append(f.verdict().jsonName()).append(f.error().map(e -> ": " + e).orElse("")).append('\n');
                }
                evidence(out, f, report);
            }
        }
        return out.toString();
    }

    private static void why(StringBuilder out, Finding f, Report report) {
        out.append('\n').append(f.integration().heading()).append(": ");
        if (f.verdict() == Verdict.SUGGESTED) {
            out.append(f.integration().wikiStatus()).append(" -> ").append(suggestion(f)).append('\n');
        } else {
            out.append("unverified: ").append(f.error().orElse("")).append('\n');
        }
        evidence(out, f, report);
    }

    private static void evidence(StringBuilder out, Finding f, Report report) {
        for (Evidence e : f.evidence()) {
            out.append("  - ").append(e.supports().map(s -> "[" + s.wikiText() + "] ").orElse("[context] "))
                    .append(e.date().map(d -> d + " ").orElse("seen " + report.seenOn() + " "))
                    .append(e.quote()).append('\n');
            e.excerpt().ifPresent(x -> out.append("    > ").append(x).append('\n'));
            out.append("    ").append(e.url()).append('\n');
        }
    }

    private static String suggestion(Finding f) {
        if (f.suggestedStatus().isEmpty()) {
            return "-";
        }
        return f.suggestedStatus().get().wikiText() + f.qualifier().map(q -> " (" + q + ")").orElse("");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
