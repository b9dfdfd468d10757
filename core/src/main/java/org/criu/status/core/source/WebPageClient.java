package org.criu.status.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.SourceException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a web page (documentation, a project site) the way a person sees it: its title and its visible
 * text as lines, one per paragraph, list item, heading or table cell; or the text of the elements a CSS
 * selector picks. Parsing is jsoup's, so broken HTML reads as a browser would read it.
 */
public final class WebPageClient {

    private static final Map<String, String> HEADERS = Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

    /**
     * A fetched page.
     *
     * @param url   the URL asked for
     * @param title the {@code <title>}, empty when none
     * @param lines the visible text, one entry per block (paragraph, heading, item, cell), blank ones dropped
     */
    public record WebPage(String url, String title, List<String> lines) {
        public WebPage {
            lines = List.copyOf(lines);
        }

        /** All visible text, lines joined by newlines. */
        public String text() {
            return String.join("\n", lines);
        }

        /** The lines in which {@code pattern} finds a match, in page order. */
        public List<String> linesMatching(Pattern pattern) {
            return lines.stream().filter(l -> pattern.matcher(l).find()).toList();
        }
    }

    private final SourceHttp http;

    public WebPageClient(SourceHttp http) {
        this.http = http;
    }

    /** The page; empty when it does not exist (404/410). */
    public Optional<WebPage> page(String url) throws SourceException {
        Optional<SourceHttp.Page> response = http.get(url, HEADERS, AnswerShape.WEB_PAGE);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String body = response.get().body();
        if (isPlainText(url, response.get())) {
            return Optional.of(new WebPage(url, "", body.lines().map(WebPageClient::clean)
                    .filter(l -> !l.isEmpty()).toList()));
        }
        Document doc = Jsoup.parse(body, url);
        return Optional.of(new WebPage(url, clean(doc.title()), visibleLines(doc.body())));
    }

    /**
     * The text of each element {@code cssQuery} selects ("main h2", "table.versions td:eq(0)"), in page order;
     * empty when the page does not exist. A selector that matches nothing gives an empty list.
     */
    public Optional<List<String>> select(String url, String cssQuery) throws SourceException {
        Optional<SourceHttp.Page> response = http.get(url, HEADERS, AnswerShape.WEB_PAGE);
        if (response.isEmpty()) {
            return Optional.empty();
        }
        if (isPlainText(url, response.get())) {
            return Optional.of(List.of());
        }
        Document doc = Jsoup.parse(response.get().body(), url);
        return Optional.of(doc.select(cssQuery).stream().map(e -> clean(e.text())).filter(t -> !t.isEmpty()).toList());
    }

    /** Plain text is read as lines; anything that is neither text nor HTML (JSON, an image) is not a page. */
    private static boolean isPlainText(String url, SourceHttp.Page page) throws SourceException {
        String type = Optional.ofNullable(page.headers().get("Content-Type")).orElse("text/html")
                .toLowerCase(Locale.ROOT);
        if (type.contains("html") || type.contains("xml")) {
            return false;
        }
        if (type.startsWith("text/")) {
            return true;
        }
        throw new SourceException(url, "GET " + url + " returned " + type.split(";")[0].strip() + ", not a web page");
    }

    /** Visible text by block: scripts, styles and templates are not seen; {@code <pre>} keeps its lines. */
    static List<String> visibleLines(Element root) {
        if (root == null) {
            return List.of();
        }
        Element body = root.clone();
        body.select("script, style, noscript, template, head").remove();
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element parent = t.parent();
                    boolean pre = parent != null && parent.closest("pre") != null;
                    text.append(pre ? t.getWholeText() : t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    text.append('\n');
                }
            }
        });
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            String cleaned = clean(line);
            if (!cleaned.isEmpty()) {
                lines.add(cleaned);
            }
        }
        return lines;
    }

    private static String clean(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
