package org.criu.status.core.model;

import java.io.IOException;

/**
 * A source failed: unreachable, an error status, a body that is not what the API promises, a rate limit.
 * "Not found" is not a failure: clients return an empty Optional or list for it. The message names the
 * URL and says what went wrong, fit for a report's "unverified (reason)".
 */
public class SourceException extends IOException {

    private final String url;

    public SourceException(String url, String message) {
        super(message);
        this.url = url;
    }

    public SourceException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /** The URL that failed (logical, before any origin rewrite), never null. */
    public String url() {
        return url;
    }
}
