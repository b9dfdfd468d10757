package org.criu.status.core.source;

import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * What a good answer from a source looks like, so {@link SourceHttp} can tell an answer from something that only
 * came back with a 200: a login wall, a captive portal, a CDN's error page, another host after a redirect. Each
 * client asks with the shape its source promises: raw.githubusercontent.com serves files as text/plain, GitHub's,
 * GitLab's, Repology's, Azul's and MediaWiki's APIs serve JSON, GitHub's feeds Atom XML.
 */
public enum AnswerShape {
    /** An API's JSON: {@code application/json} or a {@code +json} type ({@code application/vnd.github+json}). */
    JSON("JSON"),
    /** A file's raw text (raw.githubusercontent.com, GitLab's {@code /raw}): any type but an HTML page. */
    RAW_FILE("the file's raw text"),
    /** An Atom feed: {@code application/atom+xml}, or XML. */
    ATOM("an Atom feed"),
    /** A page for people: HTML, XHTML or plain text; the host may add or drop "www." on the way. */
    WEB_PAGE("a web page"),
    /**
     * No promise: any successful answer, also from another host a redirect led to (GitHub sends tarballs to
     * codeload.github.com). A 404 still counts as absence only from the host asked. Typed clients never use it.
     */
    ANY("an answer");

    private final String what;

    AnswerShape(String what) {
        this.what = what;
    }

    /** What the source promised, for messages: "JSON", "the file's raw text". */
    public String what() {
        return what;
    }

    /**
     * Why a successful answer of {@code contentType} starting with {@code body} is not this shape ("an HTML page
     * (text/html)"), or null when it is. A missing Content-Type is judged by the body.
     */
    public String problem(String contentType, String body) {
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type == null) {
            return this != ANY && this != WEB_PAGE && looksLikeHtml(body) ? "an HTML page (no Content-Type)" : null;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        String full = type.type().toLowerCase(Locale.ROOT) + "/" + subtype;
        boolean html = subtype.equals("html") || subtype.equals("xhtml+xml");
        return switch (this) {
            case JSON -> subtype.equals("json") || subtype.endsWith("+json") ? null
                    : (html ? "an HTML page (" + full + ")" : full);
            case RAW_FILE -> html ? "an HTML page (" + full + ")" : null;
            case ATOM -> subtype.equals("atom+xml") || subtype.equals("xml") ? null
                    : (html ? "an HTML page (" + full + ")" : full);
            case WEB_PAGE, ANY -> null;
        };
    }

    /**
     * Whether a 404 with this Content-Type and body can be the origin's own "not found". An API or raw-file host
     * answers a missing resource in its own format; an HTML page in its place comes from something in between (a
     * proxy, a CDN, a captive portal), which proves nothing about the resource.
     */
    public boolean acceptsNotFound(String contentType, String body) {
        if (this != JSON && this != RAW_FILE) {
            return true;
        }
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type == null) {
            return !looksLikeHtml(body);
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return !subtype.equals("html") && !subtype.equals("xhtml+xml");
    }

    /**
     * Whether {@code answered} (the last hop of the redirects followed) is the source {@code asked} for: the same
     * host; for web pages also the same host with or without "www.".
     */
    public boolean sameSource(HttpUrl asked, HttpUrl answered) {
        if (asked.host().equalsIgnoreCase(answered.host())) {
            return true;
        }
        return this == WEB_PAGE && withoutWww(asked.host()).equalsIgnoreCase(withoutWww(answered.host()));
    }

    /** The Accept header that asks for this shape. */
    public String accept() {
        return switch (this) {
            case JSON -> "application/json";
            case ATOM -> "application/atom+xml, application/xml;q=0.9";
            case WEB_PAGE -> "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
            case RAW_FILE, ANY -> "*/*";
        };
    }

    private static String withoutWww(String host) {
        return host.toLowerCase(Locale.ROOT).startsWith("www.") ? host.substring(4) : host;
    }

    /** An HTML document, whatever it calls itself: what a login wall or an error page sends. */
    static boolean looksLikeHtml(String body) {
        if (body == null) {
            return false;
        }
        int i = 0;
        int n = Math.min(body.length(), 1024);
        while (i < n && (Character.isWhitespace(body.charAt(i)) || body.charAt(i) == '\uFEFF')) {
            i++;
        }
        String start = body.substring(i, Math.min(body.length(), i + 15)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body");
    }
}
