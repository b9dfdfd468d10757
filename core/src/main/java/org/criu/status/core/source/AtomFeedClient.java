package org.criu.status.core.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.criu.status.core.model.SourceException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads Atom feeds with jsoup's XML parser. GitHub publishes one per repository for tags and releases
 * ({@code https://github.com/{owner}/{repo}/tags.atom}): dated, and not counted against the REST API's
 * hourly limit, which makes them the cheap way to date a repository's tags.
 */
public final class AtomFeedClient {

    private static final Map<String, String> HEADERS = Map.of("Accept", "application/atom+xml, application/xml;q=0.9");

    /** One entry: its id, title, the link a person opens, and when it was last updated (or published). */
    public record Entry(String id, String title, String link, Optional<Instant> updated) {
        /** The UTC day of {@link #updated()}, for evidence. */
        public Optional<LocalDate> day() {
            return updated.map(u -> u.atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    /** A feed: its title and entries in feed order (GitHub: newest first). */
    public record Feed(String title, List<Entry> entries) {
        public Feed {
            entries = List.copyOf(entries);
        }
    }

    private final SourceHttp http;

    public AtomFeedClient(SourceHttp http) {
        this.http = http;
    }

    /** GitHub's feed of a repository's tags, newest first. */
    public static String gitHubTags(String repo) {
        return "https://github.com/" + repo + "/tags.atom";
    }

    /** GitHub's feed of a repository's releases, newest first. */
    public static String gitHubReleases(String repo) {
        return "https://github.com/" + repo + "/releases.atom";
    }

    /**
     * The feed at {@code url}; empty when it does not exist (404/410).
     *
     * @throws SourceException when the source fails or the body is not an Atom feed (an HTML page, an
     *                         unreadable date)
     */
    public Optional<Feed> feed(String url) throws SourceException {
        Optional<SourceHttp.Page> response = http.get(url, HEADERS, AnswerShape.ATOM);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String body = response.get().body();
        Document doc = Jsoup.parse(body, url, Parser.xmlParser());
        Element feed = doc.children().stream().filter(e -> e.tagName().equals("feed")).findFirst()
                .orElseThrow(() -> new SourceException(url, "GET " + url + " returned "
                        + (doc.selectFirst("html") != null ? "an HTML page" : "a body") + ", not an Atom feed"));
        List<Entry> entries = new ArrayList<>();
        for (Element entry : feed.children()) {
            if (!entry.tagName().equals("entry")) {
                continue;
            }
            String date = childText(entry, "updated").or(() -> childText(entry, "published")).orElse("");
            entries.add(new Entry(childText(entry, "id").orElse(""), childText(entry, "title").orElse(""),
                    link(entry), date.isEmpty() ? Optional.empty() : Optional.of(instant(url, date))));
        }
        return Optional.of(new Feed(childText(feed, "title").orElse(""), entries));
    }

    private static Optional<String> childText(Element parent, String name) {
        return parent.children().stream().filter(e -> e.tagName().equals(name)).findFirst()
                .map(e -> e.text().strip());
    }

    /** The alternate link (the one for people); Atom says a link without rel is alternate. */
    private static String link(Element entry) {
        String fallback = "";
        for (Element link : entry.children()) {
            if (!link.tagName().equals("link")) {
                continue;
            }
            String rel = link.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                return link.attr("href");
            }
            if (fallback.isEmpty()) {
                fallback = link.attr("href");
            }
        }
        return fallback;
    }

    private static Instant instant(String url, String date) throws SourceException {
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            throw new SourceException(url, "GET " + url + " returned an entry dated '" + date
                    + "', not an RFC 3339 date", e);
        }
    }
}
