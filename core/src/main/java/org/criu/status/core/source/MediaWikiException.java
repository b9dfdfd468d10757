package org.criu.status.core.source;

import java.util.Optional;
import org.criu.status.core.model.SourceException;

/**
 * The wiki refused or could not do what {@link MediaWikiEditor} asked. The message is one line, fit to print
 * as is: it names the wiki or page and says what to do; it never carries a password, token or cookie.
 * {@link #code()} is MediaWiki's error code ({@code editconflict}, {@code protectedpage}, {@code blocked},
 * {@code readonly}, {@code abusefilter-disallowed}, ...) or one of this client's own: {@code login-failed},
 * {@code not-api} (the URL does not answer like api.php), {@code insecure} (credentials would travel in clear
 * text or to another host), {@code http} (an HTTP error status).
 */
public class MediaWikiException extends SourceException {

    private final String code;

    public MediaWikiException(String url, String code, String message) {
        super(url, message);
        this.code = code;
    }

    public MediaWikiException(String url, String code, String message, Throwable cause) {
        super(url, message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The page changed after the revision an edit was based on; nothing was saved.
     */
    public static final class EditConflict extends MediaWikiException {
        private final long baseRevision;
        private final Optional<Long> currentRevision;

        public EditConflict(String url, String title, long baseRevision, Optional<Long> currentRevision,
                            Optional<String> currentUser) {
            super(url, "editconflict", "edit conflict on '" + title + "': the edit was based on revision "
                    + baseRevision + ", but the page is now at "
                    + currentRevision.map(r -> "revision " + r).orElse("a newer revision")
                    + currentUser.map(u -> " (by " + u + ")").orElse("")
                    + "; nothing was overwritten. Check again and review the changes before publishing");
            this.baseRevision = baseRevision;
            this.currentRevision = currentRevision;
        }

        public long baseRevision() {
            return baseRevision;
        }

        public Optional<Long> currentRevision() {
            return currentRevision;
        }
    }
}
