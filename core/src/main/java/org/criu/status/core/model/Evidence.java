package org.criu.status.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One cited fact: where it was read, when it happened, what it says in the tool's words, the verbatim line it
 * rests on, and what it signals.
 *
 * <p>Build one with {@link #dated}, {@link #undated} or {@link #of} (whose date may be unknown): the date is
 * always said explicitly. Undated evidence is reported as "seen" on the day of the run that read it.
 *
 * @param signal    what the fact says about the integration
 * @param source    a short source name: "github", "gitlab", "repology", "azul", "web"
 * @param url       a URL a person can open to see the fact, pinned to what was read (a tag or commit, not a
 *                  moving branch, where the source allows)
 * @param date      when the fact happened (release date, commit date), empty when the source gives none
 * @param quote     the fact in the tool's words, short ("v29.7.2 ships `docker checkpoint`")
 * @param excerpt   the verbatim text of the source it rests on (a release-note line), empty when the fact is a
 *                  value rather than a line (a tag name, an absent file)
 * @param component the part of a combined entry the fact is about ("LXD" on "LXC/LXD"), empty for the whole entry
 * @param qualifier a caveat the fact adds to the status it supports ("experimental"), empty for none
 */
public record Evidence(Signal signal, String source, String url, Optional<LocalDate> date, String quote,
                       Optional<String> excerpt, Optional<String> component, Optional<String> qualifier) {

    /** Longest summary kept; longer ones are cut with an ellipsis. */
    public static final int MAX_QUOTE = 300;
    /** Longest verbatim excerpt kept; longer ones are cut with an ellipsis. */
    public static final int MAX_EXCERPT = 400;

    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(qualifier, "qualifier");
        if (url.isBlank()) {
            throw new IllegalArgumentException("evidence needs a URL to cite");
        }
        quote = Quotes.shorten(quote.strip(), MAX_QUOTE);
        excerpt = excerpt.map(String::strip).filter(e -> !e.isEmpty()).map(e -> Quotes.shorten(e, MAX_EXCERPT));
    }

    /** A fact with a date of its own (a release, a commit, a closed issue). */
    public static Evidence dated(Signal signal, String source, String url, LocalDate date, String quote) {
        return new Evidence(signal, source, url, Optional.of(Objects.requireNonNull(date, "date")), quote,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A fact with no date of its own (what a tree holds today); reports say when it was seen. */
    public static Evidence undated(Signal signal, String source, String url, String quote) {
        return new Evidence(signal, source, url, Optional.empty(), quote, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A fact whose date the source may or may not give (a tag whose commit could not be read). */
    public static Evidence of(Signal signal, String source, String url, Optional<LocalDate> date, String quote) {
        return new Evidence(signal, source, url, date, quote, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A supporting source that failed, said on the finding rather than dropped: context that supports no status
     * ("could not read Repology's packages of file: GET ... answered HTTP 503"). Use it only for a source the
     * verdict does not rest on; a failing deciding source makes the whole check fail.
     */
    public static Evidence couldNotRead(String source, String url, String what, SourceException failure) {
        return undated(Signal.CONTEXT, source, url, "could not read " + what + ": " + failure.getMessage());
    }

    /** The same fact, resting on this verbatim text of the source. */
    public Evidence quoting(String verbatim) {
        return new Evidence(signal, source, url, date, quote, Optional.of(verbatim), component, qualifier);
    }

    public Evidence about(String component) {
        return new Evidence(signal, source, url, date, quote, excerpt, Optional.of(component), qualifier);
    }

    public Evidence withQualifier(String qualifier) {
        return new Evidence(signal, source, url, date, quote, excerpt, component, Optional.of(qualifier));
    }

    /** The same fact read as another signal (the rules cite stale work as inactive). */
    public Evidence as(Signal other) {
        return new Evidence(other, source, url, date, quote, excerpt, component, qualifier);
    }

    /** The status this evidence supports, empty for context. */
    public Optional<Status> supports() {
        return signal.status();
    }
}
