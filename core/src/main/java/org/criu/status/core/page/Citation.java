package org.criu.status.core.page;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;

/**
 * A source to cite on the page: its URL and a short label an editor would write for it ("docker/cli v29.7.2
 * cmd.go"), made from the URL so that it names what was read (repository, tag or commit, file).
 */
public record Citation(String url, String label) {

    private static final Pattern GITHUB = Pattern.compile(
            "https?://github\\.com/([^/#?]+)/([^/#?]+)(?:/(blob|tree|releases/tag|commit|issues|pull)/([^/#?]+)(/[^#?]*)?)?/?(?:[#?].*)?");
    private static final Pattern GITLAB = Pattern.compile(
            "https?://(gitlab\\.[^/]+)/((?:[^/#?]+/)*[^/#?]+)/-/(blob|tree|tags|releases|merge_requests|issues|commit)/([^/#?]+)(/[^#?]*)?(?:[#?].*)?");

    public Citation {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(label, "label");
    }

    /** The citation for a piece of evidence. */
    public static Citation of(Evidence evidence) {
        return of(evidence.url());
    }

    public static Citation of(String url) {
        return new Citation(url, labelFor(url));
    }

    /** {@code [url label]} for the page. */
    public String wikitext() {
        return Wikitext.externalLink(url, label);
    }

    static String labelFor(String url) {
        Matcher gh = GITHUB.matcher(url);
        if (gh.matches()) {
            String repo = gh.group(1) + "/" + gh.group(2);
            if (gh.group(3) == null) {
                return repo;
            }
            return switch (gh.group(3)) {
                case "issues", "pull" -> repo + "#" + gh.group(4);
                case "commit" -> repo + " " + shortRef(gh.group(4));
                case "releases/tag" -> repo + " " + gh.group(4);
                default -> repo + " " + shortRef(gh.group(4)) + lastSegment(gh.group(5));
            };
        }
        Matcher gl = GITLAB.matcher(url);
        if (gl.matches()) {
            String repo = gl.group(2);
            return switch (gl.group(3)) {
                case "merge_requests" -> repo + "!" + gl.group(4);
                case "issues" -> repo + "#" + gl.group(4);
                case "blob", "tree" -> repo + " " + shortRef(gl.group(4)) + lastSegment(gl.group(5));
                default -> repo + " " + shortRef(gl.group(4));
            };
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() != null) {
                String host = uri.getHost().replaceFirst("^www\\.", "");
                return host + lastSegment(uri.getPath());
            }
        } catch (IllegalArgumentException e) {
            // not a URI: the label says so rather than guessing
        }
        return "source";
    }

    private static String shortRef(String ref) {
        return ref.matches("[0-9a-f]{40}") ? ref.substring(0, 12) : ref;
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return "";
        }
        List<String> parts = List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
        return parts.isEmpty() ? "" : " " + parts.get(parts.size() - 1);
    }
}
