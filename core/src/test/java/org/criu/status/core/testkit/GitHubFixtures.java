package org.criu.status.core.testkit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Builds GitHub REST bodies in the real API's shape (trimmed to the fields clients read), so checker
 * tests can say "these tags exist" in one line and still exercise the real JSON parsing.
 */
public final class GitHubFixtures {

    private GitHubFixtures() {
    }

    /** One tag of {@code GET /repos/{o}/{r}/tags}. */
    public record TagSpec(String name, String sha) {
    }

    /** The body of {@code GET /repos/{owner}/{repo}/tags}. */
    public static String tags(String repo, List<TagSpec> tags) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < tags.size(); i++) {
            TagSpec t = tags.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("""
                    {"name":"%1$s","zipball_url":"https://api.github.com/repos/%3$s/zipball/refs/tags/%1$s",\
                    "tarball_url":"https://api.github.com/repos/%3$s/tarball/refs/tags/%1$s",\
                    "commit":{"sha":"%2$s","url":"https://api.github.com/repos/%3$s/commits/%2$s"},\
                    "node_id":"REF_kwDO%2$.8s"}""".formatted(t.name(), t.sha(), repo));
        }
        return out.append(']').toString();
    }

    /** The body of {@code GET /repos/{owner}/{repo}/commits/{ref}}, dated {@code isoDate} (offset allowed). */
    public static String commit(String repo, String sha, String isoDate, String message) {
        String utc = OffsetDateTime.parse(isoDate).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        return """
                {"sha":"%1$s","node_id":"C_kwDO%1$.8s",\
                "commit":{"author":{"name":"A. Developer","email":"dev@example.org","date":"%2$s"},\
                "committer":{"name":"A. Developer","email":"dev@example.org","date":"%2$s"},\
                "message":%3$s,"tree":{"sha":"%1$s","url":"https://api.github.com/repos/%4$s/git/trees/%1$s"},\
                "comment_count":0},\
                "url":"https://api.github.com/repos/%4$s/commits/%1$s",\
                "html_url":"https://github.com/%4$s/commit/%1$s",\
                "parents":[],"files":[]}""".formatted(sha, utc, jsonString(message), repo);
    }

    /** A JSON string literal. */
    public static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
