package org.criu.status.core.model;

/** The outcome for one entry. */
public enum Verdict {
    /** The sources agree with the page. */
    CONFIRMED("confirmed"),
    /** The sources say something else; the finding carries the suggested status and its evidence. */
    SUGGESTED("suggested"),
    /** The check could not decide (a source failed, timed out, or gave no usable evidence). */
    UNVERIFIED("unverified"),
    /** No discovered checker covers the entry. */
    NO_CHECKER("no-checker");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
