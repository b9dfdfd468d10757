package org.criu.status.core.http;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Request tag carrying the logical URL (before {@code --origin}) down to the network interceptors, which
 * only see the wire URL: per-host limits and GitHub's rate limit are about the real host, also when every
 * origin is rewritten to one mirror.
 *
 * @param url the logical URL
 */
public record LogicalUrl(HttpUrl url) {

    /** The logical URL of a request: its tag if the origin rewrite set one, else the request's own URL. */
    public static HttpUrl of(Request request) {
        LogicalUrl tag = request.tag(LogicalUrl.class);
        return tag != null ? tag.url() : request.url();
    }
}
