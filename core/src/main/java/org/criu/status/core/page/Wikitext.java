package org.criu.status.core.page;

import java.util.regex.Pattern;

/**
 * Writing text from sources into wikitext so that it shows as written and does nothing else: no links,
 * templates, bold, lists, signatures or tags come out of a quote, and a link is only ever a plain http(s) one.
 */
public final class Wikitext {

    /**
     * What wikitext reads as markup in running text: links, templates, tables, tags, entities, bold/italic,
     * signatures, behaviour switches, list/indent/heading marks at a line start, free and magic links.
     */
    private static final Pattern MARKUP = Pattern.compile(
            "[\\[\\]{}|<>&]|''|~~~|__|-\\{|^[*#:;=\\s-]|=$|(?i:https?:|ftp:|mailto:|//|\\bISBN\\b|\\bRFC\\b|\\bPMID\\b)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
    /** What may not stand raw in the URL part of {@code [url label]}: it would end or break the link. */
    private static final String URL_UNSAFE = " \t\"'<>[]{}|\\^`";

    private Wikitext() {
    }

    /** One line of plain text: control characters and line breaks become single spaces, runs of space collapse. */
    public static String oneLine(String text) {
        return CONTROL.matcher(text).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    }

    /**
     * {@code text} as wikitext that renders as exactly this text: kept as is when it holds nothing wikitext could
     * read as markup, else inside {@code <nowiki>} with {@code &} and {@code <} as character references (the
     * only two things nowiki still reads), so not even {@code </nowiki>} in the text can end it.
     */
    public static String neutral(String text) {
        String line = oneLine(text);
        if (!MARKUP.matcher(line).find()) {
            return line;
        }
        return "<nowiki>" + line.replace("&", "&amp;").replace("<", "&lt;") + "</nowiki>";
    }

    /** Whether {@code url} is one a report may link to: http or https, nothing else. */
    public static boolean linkable(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && lower.length() > "https://".length()
                && CONTROL.matcher(url).results().findAny().isEmpty();
    }

    /**
     * An external link {@code [url label]}, the URL with every character that would end or break the link
     * percent-encoded; a URL that is not http(s) is written as neutral text, never as a link.
     */
    public static String externalLink(String url, String label) {
        if (!linkable(url)) {
            return neutral(label + " (" + url + ")");
        }
        StringBuilder out = new StringBuilder("[");
        for (char c : url.strip().toCharArray()) {
            if (URL_UNSAFE.indexOf(c) >= 0) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(' ').append(neutral(label)).append(']').toString();
    }
}
