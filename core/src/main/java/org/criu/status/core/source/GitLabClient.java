package org.criu.status.core.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.criu.status.core.model.SourceException;

/**
 * GitLab REST v4 on one GitLab host (default gitlab.freedesktop.org, where Wayland and Weston live),
 * returning records. Project paths are namespaced ("wayland/weston") and sent URL-encoded
 * ({@code wayland%2Fweston}), as the API requires. Public projects need no token; {@code GITLAB_TOKEN}
 * is added by the HTTP layer for its own host only.
 */
public final class GitLabClient {

    public static final String FREEDESKTOP = "https://gitlab.freedesktop.org";
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");
    private static final TypeFactory TYPES = SourceHttp.JSON.getTypeFactory();

    /** A project; {@code pathWithNamespace} is the current path, which differs from the asked one after a move. */
    public record Project(long id, String pathWithNamespace, String webUrl, String defaultBranch, boolean archived,
                          Optional<Instant> lastActivityAt) {
    }

    /**
     * A tag with its date: the tag's own creation time where GitLab gives one (annotated tags, newer GitLab),
     * else its commit's committer date. {@code releaseDescription} is the release notes attached to the tag.
     */
    public record Tag(String name, String commitSha, Optional<Instant> date, Optional<String> releaseDescription) {
        /** The UTC day of {@link #date()}, for evidence. */
        public Optional<LocalDate> day() {
            return date.map(d -> d.atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    /** A release: tag, title, release date, notes (Markdown) and the page a person opens. */
    public record Release(String tagName, String name, Optional<Instant> releasedAt, String description,
                          String webUrl) {
        public Optional<LocalDate> day() {
            return releasedAt.map(d -> d.atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    /** One entry of a directory listing; {@code type} is "tree" (directory) or "blob" (file). */
    public record TreeEntry(String name, String type, String path) {
    }

    /** A merge request; {@code state} is opened, closed, locked or merged; {@code updatedAt} is its last activity. */
    public record MergeRequest(long iid, String title, String description, String state, Instant createdAt,
                               Instant updatedAt, Optional<Instant> mergedAt, Optional<Instant> closedAt,
                               String webUrl) {
    }

    /** A commit: id, first line, whole message, committer date, page, parents' ids. */
    public record Commit(String id, String title, String message, Instant committedDate, String webUrl,
                         List<String> parentIds) {
        public LocalDate day() {
            return committedDate.atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    /**
     * One file of a comparison or a commit ({@code diffs[]}). GitLab leaves {@code diff} empty for a file past
     * its diff limits and says so with {@code collapsed} or {@code too_large}.
     */
    public record FileDiff(String oldPath, String newPath, boolean newFile, boolean renamedFile, boolean deletedFile,
                           String diff, boolean collapsed, boolean tooLarge) {
        /** The diff is not shown (collapsed, too large, or empty for a file that changed). */
        public boolean diffHidden() {
            return collapsed || tooLarge;
        }
    }

    /**
     * A comparison ({@code repository/compare?from=&to=}). {@code timedOut} is GitLab's {@code compare_timeout}:
     * the diffs are then incomplete (the commits never are).
     */
    public record Comparison(String webUrl, boolean timedOut, List<Commit> commits, List<FileDiff> diffs) {
    }

    private final SourceHttp http;
    private final String base;

    /** A client for gitlab.freedesktop.org. */
    public GitLabClient(SourceHttp http) {
        this(http, FREEDESKTOP);
    }

    /** A client for the GitLab at {@code baseUrl} ("https://gitlab.com"); the API lives under /api/v4. */
    public GitLabClient(SourceHttp http, String baseUrl) {
        this.http = http;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The same client on another GitLab host. */
    public GitLabClient onHost(String baseUrl) {
        return new GitLabClient(http, baseUrl);
    }

    /** The host's base URL, e.g. https://gitlab.freedesktop.org. */
    public String baseUrl() {
        return base;
    }

    /** The project; empty if none (or not visible without a token). */
    public Optional<Project> project(String path) throws SourceException {
        return http.<ProjectJson>getJson(api(path), TYPES.constructType(ProjectJson.class), HEADERS)
                .map(p -> new Project(p.id, p.pathWithNamespace, p.webUrl, p.defaultBranch, p.archived,
                        Optional.ofNullable(p.lastActivityAt).map(OffsetDateTime::toInstant)));
    }

    /** Tags, most recently updated first as GitLab lists them, reading at most {@code maxPages} pages of 100. */
    public List<Tag> tags(String path, int maxPages) throws SourceException {
        List<Tag> tags = new ArrayList<>();
        for (TagJson t : paged(api(path) + "/repository/tags?per_page=100", TagJson.class, maxPages)) {
            OffsetDateTime date = t.createdAt != null ? t.createdAt
                    : t.commit == null ? null
                    : t.commit.committedDate != null ? t.commit.committedDate : t.commit.createdAt;
            tags.add(new Tag(t.name, t.commit == null ? "" : t.commit.id,
                    Optional.ofNullable(date).map(OffsetDateTime::toInstant),
                    Optional.ofNullable(t.release).map(r -> r.description).filter(d -> !d.isBlank())));
        }
        return tags;
    }

    /** Releases, newest first (GitLab sorts by released_at), the first 100. */
    public List<Release> releases(String path) throws SourceException {
        List<Release> releases = new ArrayList<>();
        for (ReleaseJson r : paged(api(path) + "/releases?per_page=100", ReleaseJson.class, 1)) {
            String url = r.links != null && r.links.self != null ? r.links.self
                    : webUrl(path) + "/-/releases/" + encodeSegment(r.tagName);
            releases.add(new Release(r.tagName, r.name == null ? r.tagName : r.name,
                    Optional.ofNullable(r.releasedAt).map(OffsetDateTime::toInstant),
                    r.description == null ? "" : r.description, url));
        }
        return releases;
    }

    /**
     * The entries of directory {@code dir} ("" for the root) at {@code ref}, up to 10 pages of 100; empty when
     * the project, ref or directory does not exist.
     */
    public Optional<List<TreeEntry>> tree(String path, String ref, String dir) throws SourceException {
        StringBuilder url = new StringBuilder(api(path) + "/repository/tree?per_page=100&ref=" + encodeQuery(ref));
        if (!dir.isEmpty()) {
            url.append("&path=").append(encodeQuery(dir));
        }
        Optional<List<TreeJson>> entries = pagedOrEmpty(url.toString(), TreeJson.class, 10);
        return entries.map(l -> l.stream().map(e -> new TreeEntry(e.name, e.type, e.path)).toList());
    }

    /** A file's text at a ref (the raw endpoint); empty when the project, ref or file does not exist. */
    public Optional<String> file(String path, String ref, String filePath) throws SourceException {
        return http.get(api(path) + "/repository/files/" + encodeSegment(filePath) + "/raw?ref=" + encodeQuery(ref),
                Map.of(), AnswerShape.RAW_FILE).map(SourceHttp.Page::body);
    }

    /** A file at a ref, able to find and cite its lines; empty when the project, ref or file does not exist. */
    public Optional<SourceFile> document(String path, String ref, String filePath) throws SourceException {
        return file(path, ref, filePath)
                .map(text -> new SourceFile(blobUrl(path, ref, filePath), text, SourceFile.AnchorStyle.GITLAB));
    }

    /** Merge requests in any state whose title or description contains {@code search}, newest first, at most 100. */
    public List<MergeRequest> mergeRequests(String path, String search) throws SourceException {
        String url = api(path) + "/merge_requests?state=all&per_page=100&search=" + encodeQuery(search);
        List<MergeRequest> found = new ArrayList<>();
        for (MergeRequestJson m : paged(url, MergeRequestJson.class, 1)) {
            if (m.createdAt == null || m.webUrl == null) {
                throw new SourceException(url, "GET " + url + " returned a merge request without created_at or web_url");
            }
            found.add(new MergeRequest(m.iid, m.title == null ? "" : m.title,
                    m.description == null ? "" : m.description, m.state, m.createdAt.toInstant(),
                    (m.updatedAt == null ? m.createdAt : m.updatedAt).toInstant(),
                    Optional.ofNullable(m.mergedAt).map(OffsetDateTime::toInstant),
                    Optional.ofNullable(m.closedAt).map(OffsetDateTime::toInstant), m.webUrl));
        }
        return found;
    }

    /**
     * Compares two refs ({@code GET /projects/:id/repository/compare?from=&to=}, from their merge base, as
     * {@code git diff from...to}); empty when the project or a ref does not exist.
     */
    public Optional<Comparison> compare(String path, String from, String to) throws SourceException {
        String url = api(path) + "/repository/compare?from=" + encodeQuery(from) + "&to=" + encodeQuery(to);
        Optional<CompareJson> found = http.getJson(url, TYPES.constructType(CompareJson.class), HEADERS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CompareJson c = found.get();
        List<Commit> commits = new ArrayList<>();
        for (CommitJson commit : c.commits == null ? List.<CommitJson>of() : c.commits) {
            commits.add(toCommit(url, commit, path));
        }
        List<FileDiff> diffs = new ArrayList<>();
        for (DiffJson d : c.diffs == null ? List.<DiffJson>of() : c.diffs) {
            diffs.add(toDiff(url, d));
        }
        String web = c.webUrl != null ? c.webUrl : webUrl(path) + "/-/compare/" + from + "..." + to;
        return Optional.of(new Comparison(web, c.compareTimeout, commits, diffs));
    }

    /**
     * Commits reachable from {@code ref} that touched {@code filePath} (a file or directory), newest first, at
     * most {@code max} (one page of up to 100), committed on or after {@code since} when given.
     */
    public List<Commit> commitsTouching(String path, String ref, String filePath, Optional<Instant> since, int max)
            throws SourceException {
        String url = api(path) + "/repository/commits?ref_name=" + encodeQuery(ref) + "&path=" + encodeQuery(filePath)
                + since.map(s -> "&since=" + s).orElse("") + "&per_page=" + Math.max(1, Math.min(100, max));
        List<Commit> found = new ArrayList<>();
        for (CommitJson c : paged(url, CommitJson.class, 1)) {
            if (found.size() == max) {
                break;
            }
            found.add(toCommit(url, c, path));
        }
        return found;
    }

    /** The files one commit changed ({@code repository/commits/:sha/diff}, up to 10 pages of 100). */
    public List<FileDiff> commitDiff(String path, String sha) throws SourceException {
        String url = api(path) + "/repository/commits/" + encodeSegment(sha) + "/diff?per_page=100";
        List<FileDiff> diffs = new ArrayList<>();
        for (DiffJson d : pagedOrEmpty(url, DiffJson.class, 10).orElseThrow(() -> new SourceException(url,
                "GET " + url + " answered 404: no commit " + sha + " in " + path))) {
            diffs.add(toDiff(url, d));
        }
        return diffs;
    }

    private Commit toCommit(String url, CommitJson c, String path) throws SourceException {
        if (c == null || c.id == null || c.committedDate == null) {
            throw new SourceException(url, "GET " + url + " returned a commit without id or committed_date");
        }
        return new Commit(c.id, c.title == null ? "" : c.title, c.message == null ? "" : c.message,
                c.committedDate.toInstant(), c.webUrl != null ? c.webUrl : webUrl(path) + "/-/commit/" + c.id,
                c.parentIds == null ? List.of() : List.copyOf(c.parentIds));
    }

    private static FileDiff toDiff(String url, DiffJson d) throws SourceException {
        if (d == null || d.oldPath == null || d.newPath == null) {
            throw new SourceException(url, "GET " + url + " returned a diff without old_path or new_path");
        }
        return new FileDiff(d.oldPath, d.newPath, d.newFile, d.renamedFile, d.deletedFile,
                d.diff == null ? "" : d.diff, d.collapsed, d.tooLarge);
    }

    /** The project's page: https://gitlab.freedesktop.org/wayland/weston. */
    public String webUrl(String path) {
        return base + "/" + path;
    }

    /** The page a person opens to read a file at a ref. */
    public String blobUrl(String path, String ref, String filePath) {
        return webUrl(path) + "/-/blob/" + ref + "/" + filePath;
    }

    /** The page of one tag. */
    public String tagUrl(String path, String tag) {
        return webUrl(path) + "/-/tags/" + tag;
    }

    private String api(String path) {
        return base + "/api/v4/projects/" + encodeSegment(path);
    }

    private <T> List<T> paged(String firstUrl, Class<T> item, int maxPages) throws SourceException {
        return pagedOrEmpty(firstUrl, item, maxPages).orElse(List.of());
    }

    /** Reads pages while GitLab names a next one (Link rel="next", else X-Next-Page); empty on a 404 first page. */
    private <T> Optional<List<T>> pagedOrEmpty(String firstUrl, Class<T> item, int maxPages) throws SourceException {
        JavaType list = TYPES.constructCollectionType(List.class, item);
        List<T> all = new ArrayList<>();
        String url = firstUrl;
        for (int page = 0; url != null && page < maxPages; page++) {
            Optional<SourceHttp.Page> response = http.get(url, HEADERS, AnswerShape.JSON);
            if (response.isEmpty()) {
                if (page == 0) {
                    return Optional.empty();
                }
                break;
            }
            all.addAll(http.<List<T>>parse(url, response.get().body(), list));
            url = next(url, response.get().headers());
        }
        return Optional.of(all);
    }

    static String next(String url, Headers headers) {
        String link = GitHubClient.next(headers.get("Link"));
        if (link != null) {
            return link;
        }
        String nextPage = headers.get("X-Next-Page");
        if (nextPage == null || nextPage.isBlank()) {
            return null;
        }
        return HttpUrl.get(url).newBuilder().setQueryParameter("page", nextPage.strip()).build().toString();
    }

    /** Encodes one path segment completely ("wayland/weston" -> "wayland%2Fweston"), as GitLab expects ids. */
    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // JSON shapes, trimmed to the fields read. GitLab writes times with offsets ("2020-09-04T12:22:00.000+02:00").
    record ProjectJson(long id, @JsonProperty("path_with_namespace") String pathWithNamespace,
                       @JsonProperty("web_url") String webUrl, @JsonProperty("default_branch") String defaultBranch,
                       boolean archived, @JsonProperty("last_activity_at") OffsetDateTime lastActivityAt) {
    }

    record TagJson(String name, TagCommitJson commit, TagReleaseJson release,
                   @JsonProperty("created_at") OffsetDateTime createdAt) {
    }

    record TagCommitJson(String id, @JsonProperty("created_at") OffsetDateTime createdAt,
                         @JsonProperty("committed_date") OffsetDateTime committedDate) {
    }

    record TagReleaseJson(@JsonProperty("tag_name") String tagName, String description) {
    }

    record ReleaseJson(@JsonProperty("tag_name") String tagName, String name, String description,
                       @JsonProperty("released_at") OffsetDateTime releasedAt,
                       @JsonProperty("_links") ReleaseLinksJson links) {
    }

    record ReleaseLinksJson(String self) {
    }

    record TreeJson(String id, String name, String type, String path) {
    }

    record CompareJson(CommitJson commit, List<CommitJson> commits, List<DiffJson> diffs,
                       @JsonProperty("compare_timeout") boolean compareTimeout,
                       @JsonProperty("web_url") String webUrl) {
    }

    record CommitJson(String id, String title, String message,
                      @JsonProperty("committed_date") OffsetDateTime committedDate,
                      @JsonProperty("web_url") String webUrl, @JsonProperty("parent_ids") List<String> parentIds) {
    }

    record DiffJson(@JsonProperty("old_path") String oldPath, @JsonProperty("new_path") String newPath,
                    @JsonProperty("new_file") boolean newFile, @JsonProperty("renamed_file") boolean renamedFile,
                    @JsonProperty("deleted_file") boolean deletedFile, String diff, boolean collapsed,
                    @JsonProperty("too_large") boolean tooLarge) {
    }

    record MergeRequestJson(long iid, String title, String description, String state,
                            @JsonProperty("created_at") OffsetDateTime createdAt,
                            @JsonProperty("updated_at") OffsetDateTime updatedAt,
                            @JsonProperty("merged_at") OffsetDateTime mergedAt,
                            @JsonProperty("closed_at") OffsetDateTime closedAt, @JsonProperty("web_url") String webUrl) {
    }
}
