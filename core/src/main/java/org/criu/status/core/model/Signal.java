package org.criu.status.core.model;

/**
 * What a piece of evidence says about the integration, independent of the source it came from.
 * The verdict rules ({@link org.criu.status.core.rules.VerdictRules}) turn signals into a status;
 * docs/VERDICTS.md is the table of this enum.
 */
public enum Signal {
    /** The feature ships in a release of the upstream project (release notes, a tagged tree, a package). */
    RELEASED(Status.READY, Confidence.HIGH, true),
    /**
     * Upstream removed the feature: a removal notice, or its code's deletion proven by the history (the commit that
     * deleted it; see {@link org.criu.status.core.source.PathHistory}). Code merely missing from a tree is no removal.
     */
    REMOVED(Status.DROPPED, Confidence.HIGH, true),
    /** The upstream project itself ended (archived, "end of project"). */
    PROJECT_ENDED(Status.DROPPED, Confidence.HIGH, true),
    /** Work on the feature exists (a branch, an open pull request, a prototype) but no release carries it. */
    IN_DEVELOPMENT(Status.STARTED, Confidence.MEDIUM, false),
    /** Work on the feature existed but nothing happened to it for years. */
    INACTIVE(Status.STALLED, Confidence.MEDIUM, false),
    /** The feature is nowhere in the upstream project (its tree, release notes, tracker) and no work was found. */
    ABSENT(Status.NOT_STARTED, Confidence.LOW, false),
    /** Upstream considered the feature and declined it. */
    DECLINED(Status.NOT_STARTED, Confidence.MEDIUM, false),
    /** A fact worth citing (latest release, a date) that supports no status on its own. */
    CONTEXT(null, Confidence.LOW, false);

    private final Status status;
    private final Confidence confidence;
    private final boolean decisive;

    Signal(Status status, Confidence confidence, boolean decisive) {
        this.status = status;
        this.confidence = confidence;
        this.decisive = decisive;
    }

    /** The status this signal supports; empty for {@link #CONTEXT}. */
    public java.util.Optional<Status> status() {
        return java.util.Optional.ofNullable(status);
    }

    /** The confidence a verdict resting on this signal alone gets. */
    public Confidence baseConfidence() {
        return confidence;
    }

    /** Decisive signals are events (shipped, removed, ended); the newest one decides, whatever else was found. */
    public boolean decisive() {
        return decisive;
    }
}
