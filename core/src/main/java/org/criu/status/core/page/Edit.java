package org.criu.status.core.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.criu.status.core.model.Quotes;

/**
 * The page before and after the accepted changes, what was changed (each with the source it rests on) and what
 * was skipped and why.
 *
 * @param before  the page's wikitext as given
 * @param after   the page with the changes applied; equal to {@code before} when nothing applied
 * @param applied the changes made, in page order of the entries they touch (new entries last)
 * @param skipped accepted changes not made, with the reason (the page changed since the report, ...)
 */
public record Edit(String before, String after, List<Applied> applied, List<Skipped> skipped) {

    /** MediaWiki's limit for an edit summary, in characters. */
    public static final int SUMMARY_LIMIT = 500;
    private static final String PREFIX = "integration-status: ";

    public Edit {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
    }

    /** One change made: the entry, the change in an editor's words, the main evidence. */
    public record Applied(String heading, String description, Citation source) {
    }

    /** One accepted change not made, and why. */
    public record Skipped(String heading, String reason) {
    }

    public boolean changed() {
        return !before.equals(after);
    }

    /**
     * The edit summary: each change in an editor's words with the URL of its main evidence
     * ("SLURM workload manager: change ready -> dropped (https://...)"), one line, however long.
     */
    public String summary() {
        return summary(Integer.MAX_VALUE);
    }

    /**
     * The edit summary within {@code maxChars} characters: changes in page order, each with its evidence URL
     * while that fits, else without it; what does not fit at all is counted at the end ("; 3 more").
     */
    public String summary(int maxChars) {
        if (applied.isEmpty()) {
            return Quotes.shorten(PREFIX + "no change", Math.max(2, maxChars));
        }
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < applied.size(); i++) {
            Applied a = applied.get(i);
            String separator = i == 0 ? "" : "; ";
            String bare = separator + Wikitext.oneLine(a.heading()) + ": " + a.description();
            String cited = bare + " (" + Wikitext.oneLine(a.source().url()) + ")";
            int left = applied.size() - i - 1;
            int reserve = left == 0 ? 0 : ("; " + left + " more").length();
            if (out.length() + cited.length() + reserve <= maxChars) {
                out.append(cited);
            } else if (out.length() + bare.length() + reserve <= maxChars) {
                out.append(bare);
            } else {
                String more = (i == 0 ? "" : "; ") + (left + 1) + " more";
                return out.length() + more.length() <= maxChars ? out + more
                        : Quotes.shorten(out + more, Math.max(2, maxChars));
            }
        }
        return out.toString();
    }
}
