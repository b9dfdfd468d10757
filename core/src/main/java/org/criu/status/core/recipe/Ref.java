package org.criu.status.core.recipe;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.SourceException;

/**
 * A point in a repository's history a probe reads files at: a release tag, or the commit a branch pointed at
 * when the run looked (never the branch name itself, so every line it cites stays where it was).
 *
 * @param repo  the repository, owner/name
 * @param ref   what goes into raw and blob URLs: the tag name or the commit sha
 * @param label how evidence names it: the tag ("v1.5.1"), or branch and short sha ("master@64765b4")
 * @param release whether it is a release (dated evidence) or a branch's head (evidence seen on the run's day)
 * @param newestFirst this ref and the older ones of its kind, newest first (the releases matching the recipe's
 *                    tag pattern; a branch head alone): where a history check looks for the last ref that had
 *                    something this one lacks
 */
record Ref(String repo, String ref, String label, boolean release, DateSource date, List<String> newestFirst) {

    Ref {
        newestFirst = List.copyOf(newestFirst);
    }

    /** A tag's date, read only when evidence needs it (it may cost a request). */
    interface DateSource {
        Optional<LocalDate> get() throws SourceException;
    }

    /** The release date for dated evidence; empty for a branch head (what a tree holds today has no date). */
    Optional<LocalDate> evidenceDate() throws SourceException {
        return release ? date.get() : Optional.empty();
    }
}
