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
}
