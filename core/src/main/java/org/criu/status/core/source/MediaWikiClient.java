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

    private final SourceHttp http;

    public MediaWikiClient(SourceHttp http) {
        this.http = http;
    }

    /** The query URL for a title (formatversion=2, main slot: MediaWiki 1.32 and later). */
    public static String queryUrl(String api, String title) {
        return api + "?action=query&prop=revisions&rvprop=content%7Cids%7Ctimestamp&rvslots=main"
                + "&formatversion=2&format=json&titles=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    /**
     * Fetches the page.
     *
     * @throws SourceException naming the wiki and title when the API fails, reports an error, or the page is missing
     */
    public WikiPage fetch(String api, String title) throws SourceException {
        String url = queryUrl(api, title);
        ResponseJson response = http.getJsonPresent(url, SourceHttp.JSON.getTypeFactory()
                .constructType(ResponseJson.class), Map.of(), "wiki API " + api + " answered 404 (is it api.php?)");
        if (response.error != null) {
            throw new SourceException(url, "wiki API " + api + " reported an error for page '" + title + "': "
                    + response.error.code + ": " + response.error.info);
        }
        if (response.query == null || response.query.pages == null || response.query.pages.isEmpty()) {
            throw new SourceException(url, "wiki API " + api + " returned no page for '" + title + "'");
        }
        PageJson page = response.query.pages.get(0);
        if (page.missing || page.invalid) {
            throw new SourceException(url, "page '" + title + "' does not exist on " + api);
        }
        if (page.revisions == null || page.revisions.isEmpty() || page.revisions.get(0).slots == null
                || page.revisions.get(0).slots.main == null || page.revisions.get(0).slots.main.content == null) {
            throw new SourceException(url, "wiki API " + api + " returned page '" + title + "' without content");
        }
        RevisionJson rev = page.revisions.get(0);
        return new WikiPage(page.title, api, Optional.of(rev.revid), Optional.ofNullable(rev.timestamp),
                rev.slots.main.content);
    }

    record ResponseJson(QueryJson query, ErrorJson error) {
    }

    record ErrorJson(String code, String info) {
    }

    record QueryJson(List<PageJson> pages) {
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
