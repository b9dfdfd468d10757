package org.criu.status.core.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;
import org.criu.status.core.model.Report;
import org.criu.status.core.page.Edit;
import org.criu.status.core.page.Selection;

/**
 * The {@code diff} format: the edit summary (each change with its main evidence link), then a unified diff of
 * the page against the {@code wikitext} output, made with java-diff-utils. Lines before {@code ---} are
 * comments to {@code patch} and {@code git apply}, so the output applies as it is.
 */
public final class DiffReport {

    /** Lines of context around each change, as {@code diff -u}. */
    static final int CONTEXT = 3;

    private DiffReport() {
    }

    public static String render(Report report, Selection selection) {
        return render(new ReportView(report, java.util.Optional.empty()), selection);
    }

    /** The diff, after a comment line on what changed since the last run when the view has a history. */
    public static String render(ReportView view, Selection selection) {
        Report report = view.report();
        Edit edit = WikitextReport.edit(report, selection);
        String name = report.page().title() + report.page().revision().map(r -> " (revision " + r + ")").orElse("");
        StringBuilder out = new StringBuilder();
        out.append("Edit summary: ").append(TerminalSafe.line(edit.summary())).append('\n');
        view.sinceLastRun().ifPresent(s -> out.append(TerminalSafe.line(s)).append('\n'));
        for (ReportView.Item item : view.dismissed()) {
            out.append("Dismissed, not applied: ").append(TerminalSafe.line(item.heading())).append(": ")
                    .append(TerminalSafe.line(item.action())).append('\n');
        }
        for (Edit.Skipped s : edit.skipped()) {
            out.append("Not applied: ").append(TerminalSafe.line(s.heading())).append(": ")
                    .append(TerminalSafe.line(s.reason())).append('\n');
        }
        if (!edit.changed()) {
            out.append("No change to ").append(TerminalSafe.line(name)).append(".\n");
            return out.toString();
        }
        out.append(unified(edit, report.page().title()));
        return out.toString();
    }

    /**
     * The unified diff of {@code edit} (page before against after) for a page called {@code title}, terminal-safe;
     * empty when the edit changes nothing.
     */
    public static String unified(Edit edit, String title) {
        if (!edit.changed()) {
            return "";
        }
        List<String> before = lines(edit.before());
        List<String> after = lines(edit.after());
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + title, "b/" + title, before, patch, CONTEXT);
        // Escaped as a whole, so a CRLF page's CR before each line break is kept and only stray controls show.
        return TerminalSafe.text(String.join("\n", diff) + "\n");
    }

    /** The text's lines, a CRLF page's lines keeping their CR so the diff applies to the page as it is. */
    private static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
