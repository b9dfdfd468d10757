package org.criu.status.core.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.WikiPage;

/** Reads a page's current wikitext, revision id and timestamp through MediaWiki's action API. */
public final class MediaWikiClient {

    public static final String DEFAULT_API = "https://criu.org/api.php";

    /**
     * The largest page read: MediaWiki's default {@code $wgMaxArticleSize} (2048 KiB of UTF-8), so a page a
     * wiki could hold with its defaults is never refused, and a wrong or runaway input never grows without bound.
     */
    public static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

    private final SourceHttp http;

    public MediaWikiClient(SourceHttp http) {
        this.http = http;
    }

    /** The query URL for a title (formatversion=2, main slot: MediaWiki 1.32 and later). */
    public static String queryUrl(String api, String title) {
        return api + "?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp&rvslots=main"
                + "&formatversion=2&format=json&titles=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    /** The query URL for one revision by id (a report's base revision, to publish what was reviewed). */
    public static String revisionUrl(String api, long revision) {
        return api + "?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp&rvslots=main"
                + "&formatversion=2&format=json&revids=" + revision;
    }

    /**
     * Fetches the page.
     *
     * @throws SourceException naming the wiki and title when the API fails, reports an error, or the page is missing
     */
    public WikiPage fetch(String api, String title) throws SourceException {
        return read(api, queryUrl(api, title), "page '" + title + "'");
    }

    /**
     * Fetches one revision of a page, by id.
     *
     * @throws SourceException naming the wiki and revision when the API fails or the revision does not exist
     */
    public WikiPage fetchRevision(String api, long revision) throws SourceException {
        return read(api, revisionUrl(api, revision), "revision " + revision);
    }

    private WikiPage read(String api, String url, String what) throws SourceException {
        ResponseJson response = http.getJsonPresent(url, SourceHttp.JSON.getTypeFactory()
                .constructType(ResponseJson.class), Map.of(), "wiki API " + api + " answered 404 (is it api.php?)");
        if (response.error != null) {
            throw new SourceException(url, "wiki API " + api + " reported an error for " + what + ": "
                    + response.error.code + ": " + response.error.info);
        }
        if (response.query != null && response.query.badrevids != null && !response.query.badrevids.isEmpty()) {
            throw new SourceException(url, what + " does not exist on " + api);
        }
        if (response.query == null || response.query.pages == null || response.query.pages.isEmpty()) {
            throw new SourceException(url, "wiki API " + api + " returned nothing for " + what);
        }
        PageJson page = response.query.pages.get(0);
        if (page.missing || page.invalid) {
            throw new SourceException(url, what + " does not exist on " + api);
        }
        if (page.revisions == null || page.revisions.isEmpty() || page.revisions.get(0).slots == null
                || page.revisions.get(0).slots.main == null || page.revisions.get(0).slots.main.content == null) {
            throw new SourceException(url, "wiki API " + api + " returned " + what + " without content");
        }
        RevisionJson rev = page.revisions.get(0);
        long bytes = utf8Length(rev.slots.main.content);
        if (bytes > MAX_PAGE_BYTES) {
            throw new SourceException(url, what + " from " + api + " is " + bytes + " bytes of wikitext, "
                    + "more than the " + MAX_PAGE_BYTES + " (2 MiB) a MediaWiki page holds by default "
                    + "($wgMaxArticleSize); refusing it");
        }
        return new WikiPage(page.title, api, Optional.of(rev.revid), Optional.ofNullable(rev.timestamp),
                rev.slots.main.content);
    }

    /** The UTF-8 size of {@code text}, counted without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    record ResponseJson(QueryJson query, ErrorJson error) {
    }

    record ErrorJson(String code, String info) {
    }

    record QueryJson(List<PageJson> pages, Map<String, Object> badrevids) {
    }

    record PageJson(String title, boolean missing, boolean invalid, List<RevisionJson> revisions) {
    }

    record RevisionJson(long revid, Instant timestamp, SlotsJson slots) {
    }

    record SlotsJson(SlotJson main) {
    }

    record SlotJson(String content, @JsonProperty("contentmodel") String contentModel) {
    }
}
