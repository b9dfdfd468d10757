package org.criu.status.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The page's wikitext and where it came from.
 *
 * @param title     the page title ("Integration") or the file name for {@code --page-file}
 * @param source    the api.php URL or the file path
 * @param revision  the MediaWiki revision id, empty for a file
 * @param timestamp the revision timestamp, empty for a file
 * @param wikitext  the page content, byte for byte as served
 */
public record WikiPage(String title, String source, Optional<Long> revision, Optional<Instant> timestamp,
                       String wikitext) {
    public WikiPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(wikitext, "wikitext");
    }
}
