package org.criu.status.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole run: the page checked, when, one finding per entry in page order, and the findings for integrations
 * that have a checker but no entry on the page ("not on the page": each one's {@link Finding#integration()} is
 * the entry an editor would add, with no status, its heading and section as the checker proposes them).
 */
public record Report(WikiPage page, Instant generatedAt, List<Finding> findings, List<Finding> notOnPage) {
    public Report {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(generatedAt, "generatedAt");
        findings = List.copyOf(findings);
        notOnPage = List.copyOf(notOnPage);
    }

    /** A run that looked only at the page's own entries. */
    public Report(WikiPage page, Instant generatedAt, List<Finding> findings) {
        this(page, generatedAt, findings, List.of());
    }

    /** The day this run read its sources: what undated evidence is reported as "seen" on. */
    public java.time.LocalDate seenOn() {
        return generatedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    public long count(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).count();
    }

    /**
     * The exit code DESIGN.md promises: 1 when something should change, 3 when nothing should but a check could
     * not run, else 0. An integration the page lacks counts like an entry: evidence for a status is an entry to
     * add (1), a check that could not run is 3 ({@code --no-missing} leaves them out of the run, and so out of
     * the code).
     */
    public int exitCode() {
        if (count(Verdict.SUGGESTED) > 0 || countNotOnPage(Verdict.SUGGESTED) > 0) {
            return 1;
        }
        return count(Verdict.UNVERIFIED) > 0 || countNotOnPage(Verdict.UNVERIFIED) > 0 ? 3 : 0;
    }

    /** How many findings for integrations the page lacks have this verdict. */
    public long countNotOnPage(Verdict verdict) {
        return notOnPage.stream().filter(f -> f.verdict() == verdict).count();
    }
}
