package org.criu.status.core.report;

import org.criu.status.core.model.Report;
import org.criu.status.core.page.Edit;
import org.criu.status.core.page.PageEditor;
import org.criu.status.core.page.PageParseException;
import org.criu.status.core.page.Selection;

/**
 * The {@code wikitext} format: the page with the accepted suggestions applied by {@link PageEditor}, ready to
 * paste; every other byte as the page had it, so with nothing to change it is the page itself.
 */
public final class WikitextReport {

    private WikitextReport() {
    }

    public static String render(Report report, Selection selection) {
        return edit(report, selection).after();
    }

    /** The edit behind both the wikitext and the diff format. */
    static Edit edit(Report report, Selection selection) {
        try {
            return PageEditor.apply(report, selection);
        } catch (PageParseException e) {
            // The run parsed this very text to get its entries; failing now would be a bug, not bad input.
            throw new IllegalStateException("the page the run parsed no longer parses: " + e.getMessage(), e);
        }
    }
}
