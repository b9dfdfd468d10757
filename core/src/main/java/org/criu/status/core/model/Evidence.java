package org.criu.status.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One cited fact: where it was read, when it happened, the quoted line or value, and what it signals.
 *
 * @param signal    what the fact says about the integration
 * @param source    a short source name: "github", "gitlab", "repology", "azul", "web"
 * @param url       a URL a person can open to see the fact (the html_url, not the API URL, where one exists)
 * @param date      when the fact happened (release date, commit date), empty when the source gives none
 * @param quote     the quoted line or value, short (a release note line, "FILE5_48")
 * @param component the part of a combined entry the fact is about ("LXD" on "LXC/LXD"), empty for the whole entry
 * @param qualifier a caveat the fact adds to the status it supports ("experimental"), empty for none
 */
public record Evidence(Signal signal, String source, String url, Optional<LocalDate> date, String quote,
                       Optional<String> component, Optional<String> qualifier) {

    private static final int MAX_QUOTE = 300;

    public Evidence {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(qualifier, "qualifier");
        if (url.isBlank()) {
            throw new IllegalArgumentException("evidence needs a URL to cite");
        }
        quote = quote.strip();
        if (quote.length() > MAX_QUOTE) {
            quote = quote.substring(0, MAX_QUOTE - 1) + "…";
        }
    }

    /** Starts a piece of evidence; the builder methods add the optional parts. */
    public static Evidence of(Signal signal, String source, String url, LocalDate date, String quote) {
        return new Evidence(signal, source, url, Optional.ofNullable(date), quote, Optional.empty(), Optional.empty());
    }

    public Evidence about(String component) {
        return new Evidence(signal, source, url, date, quote, Optional.of(component), qualifier);
    }

    public Evidence withQualifier(String qualifier) {
        return new Evidence(signal, source, url, date, quote, component, Optional.of(qualifier));
    }

    /** The status this evidence supports, empty for context. */
    public Optional<Status> supports() {
        return signal.status();
    }
}
