package org.criu.status.core.testkit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

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

    /** A commit: its SHA, committer date (ISO, offset allowed), message and parents (first parent first). */
    public record CommitSpec(String sha, String isoDate, String message, List<String> parents) {
        public CommitSpec(String sha, String isoDate, String message, String parent) {
            this(sha, isoDate, message, List.of(parent));
        }
    }

    /**
     * One entry of {@code files[]} (compare, commit): {@code status} as GitHub writes it (added, removed,
     * modified, renamed, copied, changed, unchanged); {@code previousFilename} for renames, else null;
     * {@code patch} null where GitHub leaves it out (binary files, past its diff limit).
     */
    public record FileSpec(String filename, String status, String previousFilename, String patch) {
        public static FileSpec added(String filename, String patch) {
            return new FileSpec(filename, "added", null, patch);
        }

        public static FileSpec removed(String filename, String patch) {
            return new FileSpec(filename, "removed", null, patch);
        }

        public static FileSpec modified(String filename, String patch) {
            return new FileSpec(filename, "modified", null, patch);
        }

        public static FileSpec renamed(String from, String to, String patch) {
            return new FileSpec(to, "renamed", from, patch);
        }
    }

    /** A commit object as GitHub nests it in lists, comparisons and commit pages (without {@code files}). */
    public static String commitObject(String repo, CommitSpec c) {
        String utc = OffsetDateTime.parse(c.isoDate()).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        String parents = c.parents().stream().map(p -> """
                {"sha":"%1$s","url":"https://api.github.com/repos/%2$s/commits/%1$s",\
                "html_url":"https://github.com/%2$s/commit/%1$s"}""".formatted(p, repo))
                .collect(Collectors.joining(","));
        return """
                {"sha":"%1$s","node_id":"C_kwDO%1$.8s",\
                "commit":{"author":{"name":"A. Developer","email":"dev@example.org","date":"%2$s"},\
                "committer":{"name":"A. Developer","email":"dev@example.org","date":"%2$s"},\
                "message":%3$s,"tree":{"sha":"%1$s","url":"https://api.github.com/repos/%4$s/git/trees/%1$s"},\
                "url":"https://api.github.com/repos/%4$s/git/commits/%1$s","comment_count":0,\
                "verification":{"verified":false,"reason":"unsigned","signature":null,"payload":null,"verified_at":null}},\
                "url":"https://api.github.com/repos/%4$s/commits/%1$s",\
                "html_url":"https://github.com/%4$s/commit/%1$s",\
                "comments_url":"https://api.github.com/repos/%4$s/commits/%1$s/comments",\
                "author":null,"committer":null,"parents":[%5$s]}""".formatted(c.sha(), utc, jsonString(c.message()),
                repo, parents);
    }

    /** The body of {@code GET /repos/{owner}/{repo}/commits?sha=&path=}: the commits, newest first. */
    public static String history(String repo, List<CommitSpec> commits) {
        return commits.stream().map(c -> commitObject(repo, c)).collect(Collectors.joining(",", "[", "]"));
    }

    /** The body of {@code GET /repos/{owner}/{repo}/commits/{sha}}: the commit with its files. */
    public static String commitWithFiles(String repo, CommitSpec c, List<FileSpec> files) {
        String object = commitObject(repo, c);
        int additions = files.stream().mapToInt(f -> lines(f.patch(), '+')).sum();
        int deletions = files.stream().mapToInt(f -> lines(f.patch(), '-')).sum();
        return object.substring(0, object.length() - 1) + ",\"stats\":{\"total\":" + (additions + deletions)
                + ",\"additions\":" + additions + ",\"deletions\":" + deletions + "},\"files\":"
                + files(repo, c.sha(), files) + "}";
    }

    /**
     * The body of {@code GET /repos/{owner}/{repo}/compare/{base}...{head}}: {@code head} is ahead of
     * {@code base} by {@code commits} (oldest first, as GitHub lists them); {@code mergeBase} is {@code base}'s
     * commit when it is an ancestor of head.
     */
    public static String compare(String repo, String base, String head, CommitSpec mergeBase, List<CommitSpec> commits,
                                 List<FileSpec> files) {
        String headSha = commits.isEmpty() ? mergeBase.sha() : commits.get(commits.size() - 1).sha();
        String owner = repo.substring(0, repo.indexOf('/'));
        return """
                {"url":"https://api.github.com/repos/%1$s/compare/%2$s...%3$s",\
                "html_url":"https://github.com/%1$s/compare/%2$s...%3$s",\
                "permalink_url":"https://github.com/%1$s/compare/%4$s:%5$.7s...%4$s:%6$.7s",\
                "diff_url":"https://github.com/%1$s/compare/%2$s...%3$s.diff",\
                "patch_url":"https://github.com/%1$s/compare/%2$s...%3$s.patch",\
                "base_commit":%7$s,"merge_base_commit":%7$s,"status":"%8$s","ahead_by":%9$d,"behind_by":0,\
                "total_commits":%9$d,"commits":%10$s,"files":%11$s}""".formatted(repo, base, head, owner,
                mergeBase.sha(), headSha, commitObject(repo, mergeBase), commits.isEmpty() ? "identical" : "ahead",
                commits.size(), history(repo, commits), files(repo, headSha, files));
    }

    /** GitHub's Atom feed of a branch's commits ({@code https://github.com/{repo}/commits/{branch}.atom}). */
    public static String commitsFeed(String repo, String branch, List<CommitSpec> commits) {
        String name = repo.substring(repo.indexOf('/') + 1);
        String updated = commits.isEmpty() ? "2026-11-26T12:00:00Z" : commits.get(0).isoDate();
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
                  <id>tag:github.com,2008:/%1$s/commits/%2$s</id>
                  <link type="text/html" rel="alternate" href="https://github.com/%1$s/commits/%2$s"/>
                  <link type="application/atom+xml" rel="self" href="https://github.com/%1$s/commits/%2$s.atom"/>
                  <title>Recent Commits to %3$s:%2$s</title>
                  <updated>%4$s</updated>
                """.formatted(repo, branch, name, updated));
        for (CommitSpec c : commits) {
            String title = c.message().lines().findFirst().orElse("");
            out.append("""
                      <entry>
                        <id>tag:github.com,2008:Grit::Commit/%1$s</id>
                        <link type="text/html" rel="alternate" href="https://github.com/%2$s/commit/%1$s"/>
                        <title>
                            %3$s
                        </title>
                        <updated>%4$s</updated>
                        <author>
                          <name>a-developer</name>
                          <uri>https://github.com/a-developer</uri>
                        </author>
                        <content type="html">
                          &lt;pre style=&#39;white-space:pre-wrap;width:81ex&#39;&gt;%3$s&lt;/pre&gt;
                        </content>
                      </entry>
                    """.formatted(c.sha(), repo, xml(title), c.isoDate()));
        }
        return out.append("</feed>\n").toString();
    }

    private static String files(String repo, String ref, List<FileSpec> files) {
        return files.stream().map(f -> {
            int add = lines(f.patch(), '+');
            int del = lines(f.patch(), '-');
            String blobSha = Integer.toHexString((f.filename() + ref).hashCode() & 0x7fffffff);
            blobSha = (blobSha + "0000000000000000000000000000000000000000").substring(0, 40);
            return """
                    {"sha":"%1$s","filename":%2$s,"status":"%3$s","additions":%4$d,"deletions":%5$d,"changes":%6$d,\
                    "blob_url":"https://github.com/%7$s/blob/%8$s/%9$s","raw_url":"https://github.com/%7$s/raw/%8$s/%9$s",\
                    "contents_url":"https://api.github.com/repos/%7$s/contents/%9$s?ref=%8$s"%10$s%11$s}"""
                    .formatted(blobSha, jsonString(f.filename()), f.status(), add, del, add + del, repo, ref,
                            f.filename(), f.patch() == null ? "" : ",\"patch\":" + jsonString(f.patch()),
                            f.previousFilename() == null ? "" : ",\"previous_filename\":" + jsonString(f.previousFilename()));
        }).collect(Collectors.joining(",", "[", "]"));
    }

    private static int lines(String patch, char sign) {
        if (patch == null) {
            return 0;
        }
        return (int) patch.lines().filter(l -> !l.isEmpty() && l.charAt(0) == sign && !l.startsWith("+++")
                && !l.startsWith("---")).count();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
