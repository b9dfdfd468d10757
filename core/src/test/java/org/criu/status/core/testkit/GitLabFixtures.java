package org.criu.status.core.testkit;

import static org.criu.status.core.testkit.GitHubFixtures.jsonString;

import java.util.List;

/**
 * Builds GitLab REST v4 bodies in the real API's shape (trimmed, field names and nesting as GitLab sends
 * them), so checker tests can say "these tags exist" in one line and still exercise the real JSON parsing.
 */
public final class GitLabFixtures {

    private GitLabFixtures() {
    }

    /** One tag of {@code GET /projects/:id/repository/tags}: its commit and the commit's date (ISO, offset allowed). */
    public record TagSpec(String name, String sha, String isoDate) {
    }

    /** One release of {@code GET /projects/:id/releases}. */
    public record ReleaseSpec(String tagName, String name, String isoDate, String description) {
    }

    /** The body of {@code GET /projects/:id/repository/tags} on {@code host} ("https://gitlab.freedesktop.org"). */
    public static String tags(String host, String project, List<TagSpec> tags) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < tags.size(); i++) {
            TagSpec t = tags.get(i);
            out.append(i > 0 ? "," : "").append("""
                    {"name":%1$s,"message":"","target":"%2$s",\
                    "commit":{"id":"%2$s","short_id":"%3$s","created_at":"%4$s","parent_ids":[],\
                    "title":%5$s,"message":%5$s,"author_name":"","author_email":"","authored_date":"%4$s",\
                    "committer_name":"","committer_email":"","committed_date":"%4$s","trailers":{},\
                    "extended_trailers":{},"web_url":"%6$s/%7$s/-/commit/%2$s"},\
                    "release":null,"protected":false,"created_at":null}""".formatted(jsonString(t.name()), t.sha(),
                    t.sha().substring(0, Math.min(8, t.sha().length())), t.isoDate(),
                    jsonString("build: bump to version " + t.name()), host, project));
        }
        return out.append(']').toString();
    }

    /** The body of {@code GET /projects/:id/releases} on {@code host}. */
    public static String releases(String host, String project, List<ReleaseSpec> releases) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < releases.size(); i++) {
            ReleaseSpec r = releases.get(i);
            String self = host + "/" + project + "/-/releases/" + r.tagName();
            out.append(i > 0 ? "," : "").append("""
                    {"name":%1$s,"tag_name":%2$s,"description":%3$s,"created_at":"%4$s","released_at":"%4$s",\
                    "upcoming_release":false,"author":{"id":1,"username":"release-bot","name":"","state":"active"},\
                    "commit_path":"/%5$s/-/commit/0","tag_path":"/%5$s/-/tags/%6$s",\
                    "assets":{"count":0,"sources":[],"links":[]},"evidences":[],\
                    "_links":{"self":"%7$s","closed_issues_url":"%8$s/%5$s/-/issues?scope=all&state=closed",\
                    "opened_issues_url":"%8$s/%5$s/-/issues?scope=all&state=opened"}}""".formatted(
                    jsonString(r.name()), jsonString(r.tagName()), jsonString(r.description()), r.isoDate(),
                    project, r.tagName(), self, host));
        }
        return out.append(']').toString();
    }

    /** A commit: id, committer date (ISO with offset), message, parents' ids. */
    public record CommitSpec(String id, String isoDate, String message, List<String> parentIds) {
    }

    /** One entry of {@code diffs[]}; {@code diff} is "" when GitLab hides it ({@code collapsed}/{@code tooLarge}). */
    public record DiffSpec(String oldPath, String newPath, boolean newFile, boolean renamedFile, boolean deletedFile,
                           String diff, boolean collapsed, boolean tooLarge) {
        public static DiffSpec added(String path, String diff) {
            return new DiffSpec(path, path, true, false, false, diff, false, false);
        }

        public static DiffSpec deleted(String path, String diff) {
            return new DiffSpec(path, path, false, false, true, diff, false, false);
        }

        public static DiffSpec modified(String path, String diff) {
            return new DiffSpec(path, path, false, false, false, diff, false, false);
        }

        public static DiffSpec renamed(String from, String to, String diff) {
            return new DiffSpec(from, to, false, true, false, diff, false, false);
        }
    }

    /** A commit object as GitLab's commit lists and comparisons give it. */
    public static String commit(String host, String project, CommitSpec c) {
        String title = c.message().lines().findFirst().orElse("");
        String parents = c.parentIds().stream().map(p -> "\"" + p + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return """
                {"id":"%1$s","short_id":"%2$s","created_at":"%3$s","parent_ids":[%4$s],"title":%5$s,"message":%6$s,\
                "author_name":"A. Developer","author_email":"dev@example.org","authored_date":"%3$s",\
                "committer_name":"A. Developer","committer_email":"dev@example.org","committed_date":"%3$s",\
                "trailers":{},"extended_trailers":{},"web_url":"%7$s/%8$s/-/commit/%1$s"}""".formatted(c.id(),
                c.id().substring(0, Math.min(8, c.id().length())), c.isoDate(), parents, jsonString(title),
                jsonString(c.message()), host, project);
    }

    /** The body of {@code GET /projects/:id/repository/commits?ref_name=&path=}: newest first. */
    public static String commits(String host, String project, List<CommitSpec> commits) {
        return commits.stream().map(c -> commit(host, project, c))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** The body of {@code GET /projects/:id/repository/commits/:sha/diff}. */
    public static String diffs(List<DiffSpec> diffs) {
        return diffs.stream().map(d -> """
                {"diff":%1$s,"new_path":%2$s,"old_path":%3$s,"a_mode":"%4$s","b_mode":"%5$s","new_file":%6$s,\
                "renamed_file":%7$s,"deleted_file":%8$s,"generated_file":null,"collapsed":%9$s,"too_large":%10$s}"""
                .formatted(jsonString(d.diff()), jsonString(d.newPath()), jsonString(d.oldPath()),
                        d.newFile() ? "0" : "100644", d.deletedFile() ? "0" : "100644", d.newFile(), d.renamedFile(),
                        d.deletedFile(), d.collapsed(), d.tooLarge()))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /**
     * The body of {@code GET /projects/:id/repository/compare?from=&to=}: {@code commits} oldest first, the
     * last one the head; {@code timedOut} is GitLab's {@code compare_timeout}.
     */
    public static String compare(String host, String project, String from, String to, List<CommitSpec> commits,
                                 List<DiffSpec> diffs, boolean timedOut) {
        String head = commits.isEmpty() ? "null" : commit(host, project, commits.get(commits.size() - 1));
        return """
                {"commit":%1$s,"commits":%2$s,"diffs":%3$s,"compare_timeout":%4$s,"compare_same_ref":false,\
                "web_url":"%5$s/%6$s/-/compare/%7$s...%8$s"}""".formatted(head, commits(host, project, commits),
                diffs(diffs), timedOut, host, project, from, to);
    }
}
