package org.criu.status.core.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.SourceException;

/**
 * GitHub REST v3, returning records. File contents come from raw.githubusercontent.com, which does not
 * count against the API's hourly limit. All URLs are logical (https://api.github.com/...); {@code --origin}
 * sends them elsewhere.
 */
public final class GitHubClient {

    public static final String API = "https://api.github.com";
    public static final String RAW = "https://raw.githubusercontent.com";
    private static final Map<String, String> HEADERS = Map.of(
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final TypeFactory TYPES = SourceHttp.JSON.getTypeFactory();

    /** A repository; {@code fullName} is the current name, which differs from the asked one after a move. */
    public record Repository(String fullName, String htmlUrl, String defaultBranch, boolean archived,
                             Optional<Instant> pushedAt, Optional<String> description) {
    }

    /** A tag and the commit it points at (the tags API gives no date; see {@link #tagDate}). */
    public record Tag(String name, String sha) {
    }

    /** A commit with its committer date. */
    public record Commit(String sha, Instant date, String message, String htmlUrl) {
        public LocalDate day() {
            return date.atZone(ZoneOffset.UTC).toLocalDate();
        }
    }

    /** A release; drafts are never returned. */
    public record Release(String tagName, String name, Optional<Instant> publishedAt, boolean prerelease,
                          String body, String htmlUrl) {
    }

    /** One entry of a directory listing. */
    public record Entry(String name, String path, String type) {
    }

    /** An issue or pull request from the search API. */
    public record Issue(int number, String title, String state, Optional<String> stateReason, String htmlUrl,
                        Instant createdAt, Optional<Instant> closedAt, boolean pullRequest) {
    }

    /** A commit as the history lists it: the commit and its parents' SHAs (first parent first). */
    public record HistoryCommit(Commit commit, List<String> parents) {
    }

    /**
     * One file of a comparison or a commit ({@code files[]}): its path, how it changed ({@code added},
     * {@code removed}, {@code modified}, {@code renamed}, {@code copied}, {@code changed}, {@code unchanged}),
     * the path it had before a rename, and its unified diff. GitHub leaves {@code patch} out for binary files
     * and once a response's patches pass its size limit, without marking the entry: an absent patch means
     * "not shown", never "no change".
     */
    public record FileChange(String filename, String status, Optional<String> previousFilename, Optional<String> patch) {
    }

    /**
     * A comparison of two refs ({@code compare/{base}...{head}}). GitHub lists at most {@value #COMPARE_MAX_FILES}
     * files and {@value #COMPARE_MAX_COMMITS} commits and says nothing when it cuts: {@link #filesCut()} tells.
     *
     * @param htmlUrl       the comparison a person opens
     * @param mergeBaseDate the committer date of the two refs' merge base
     * @param totalCommits  commits between the refs
     * @param files         the files changed, at most {@value #COMPARE_MAX_FILES}
     */
    public record Comparison(String htmlUrl, Optional<Instant> mergeBaseDate, int totalCommits, List<FileChange> files) {
        /** True when GitHub may have left files out: it lists {@value #COMPARE_MAX_FILES} at most. */
        public boolean filesCut() {
            return files.size() >= COMPARE_MAX_FILES;
        }
    }

    /** A commit with the files it changed, as {@code GET /repos/{o}/{r}/commits/{sha}} gives it. */
    public record CommitFiles(Commit commit, List<String> parents, List<FileChange> files) {
    }

    /** The most files a comparison lists; more were changed when it lists this many. */
    public static final int COMPARE_MAX_FILES = 300;
    /** The most commits a comparison lists without paging. */
    public static final int COMPARE_MAX_COMMITS = 250;

    private final SourceHttp http;

    public GitHubClient(SourceHttp http) {
        this.http = http;
    }

    /** The repository, following a move (GitHub answers a renamed repository with 301); empty if none. */
    public Optional<Repository> repository(String repo) throws SourceException {
        String url = API + "/repos/" + repo;
        Optional<RepoJson> found = http.getJson(url, type(RepoJson.class), HEADERS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RepoJson r = found.get();
        return Optional.of(new Repository(required(url, r.fullName, "repository", "full_name"),
                required(url, r.htmlUrl, "repository", "html_url"),
                required(url, r.defaultBranch, "repository", "default_branch"), r.archived,
                Optional.ofNullable(r.pushedAt), Optional.ofNullable(r.description)));
    }

    /** Tags, newest first as GitHub lists them, reading at most {@code maxPages} pages of 100. */
    public List<Tag> tags(String repo, int maxPages) throws SourceException {
        String url = API + "/repos/" + repo + "/tags?per_page=100";
        List<Tag> tags = new ArrayList<>();
        for (TagJson t : paged(url, TagJson.class, maxPages)) {
            tags.add(new Tag(required(url, t.name, "tag", "name"), t.commit == null || t.commit.sha == null ? ""
                    : t.commit.sha));
        }
        return tags;
    }

    /** Releases (not drafts), newest first, at most {@code maxPages} pages of 100. */
    public List<Release> releases(String repo, int maxPages) throws SourceException {
        String url = API + "/repos/" + repo + "/releases?per_page=100";
        List<Release> releases = new ArrayList<>();
        for (ReleaseJson r : paged(url, ReleaseJson.class, maxPages)) {
            if (!r.draft) {
                String tagName = required(url, r.tagName, "release", "tag_name");
                releases.add(new Release(tagName, r.name == null ? tagName : r.name,
                        Optional.ofNullable(r.publishedAt), r.prerelease, r.body == null ? "" : r.body,
                        required(url, r.htmlUrl, "release", "html_url")));
            }
        }
        return releases;
    }

    /** One commit by sha, branch or tag name; empty if none. */
    public Optional<Commit> commit(String repo, String ref) throws SourceException {
        String url = API + "/repos/" + repo + "/commits/" + encodePath(ref);
        Optional<CommitJson> found = http.getJson(url, type(CommitJson.class), HEADERS);
        return found.isEmpty() ? Optional.empty() : Optional.of(toCommit(url, found.get()));
    }

    /** The date of a tag's commit (one request); empty if the commit is gone. */
    public Optional<Commit> tagDate(String repo, Tag tag) throws SourceException {
        return commit(repo, tag.sha().isEmpty() ? tag.name() : tag.sha());
    }

    /** Commits on the default branch, newest first, touching {@code path} when given, at most {@code max}. */
    public List<Commit> commits(String repo, Optional<String> path, Optional<Instant> since, int max)
            throws SourceException {
        StringBuilder url = new StringBuilder(API + "/repos/" + repo + "/commits?per_page=" + Math.min(100, max));
        path.ifPresent(p -> url.append("&path=").append(encodeQuery(p)));
        since.ifPresent(s -> url.append("&since=").append(s));
        List<Commit> commits = new ArrayList<>();
        for (CommitJson c : paged(url.toString(), CommitJson.class, (max + 99) / 100)) {
            if (commits.size() == max) {
                break;
            }
            commits.add(toCommit(url.toString(), c));
        }
        return commits;
    }

    /**
     * Commits reachable from {@code ref} that touched {@code path} (a file or a directory), newest first, at
     * most {@code max} (one page of up to 100), with their parents: the history {@code git log ref -- path}
     * shows. Committed on or after {@code since} when given. One request.
     */
    public List<HistoryCommit> commitsTouching(String repo, String ref, String path, Optional<Instant> since, int max)
            throws SourceException {
        String url = API + "/repos/" + repo + "/commits?sha=" + encodeQuery(ref) + "&path=" + encodeQuery(path)
                + since.map(s -> "&since=" + s).orElse("") + "&per_page=" + Math.max(1, Math.min(100, max));
        List<HistoryCommit> found = new ArrayList<>();
        for (CommitJson c : paged(url, CommitJson.class, 1)) {
            if (found.size() == max) {
                break;
            }
            found.add(new HistoryCommit(toCommit(url, c), parents(url, c)));
        }
        return found;
    }

    /**
     * Compares two refs ({@code GET /repos/{repo}/compare/{base}...{head}}: changes on {@code head} since their
     * merge base); empty when GitHub knows no such comparison (a ref is missing, or the refs share no history).
     */
    public Optional<Comparison> compare(String repo, String base, String head) throws SourceException {
        String url = API + "/repos/" + repo + "/compare/" + encodePath(base) + "..." + encodePath(head);
        Optional<CompareJson> found = http.getJson(url, type(CompareJson.class), HEADERS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CompareJson c = found.get();
        Optional<Instant> mergeBase = Optional.ofNullable(c.mergeBaseCommit).map(m -> m.commit)
                .map(d -> d.committer != null && d.committer.date != null ? d.committer.date
                        : d.author != null ? d.author.date : null);
        return Optional.of(new Comparison(required(url, c.htmlUrl, "comparison", "html_url"), mergeBase,
                c.totalCommits, fileChanges(url, c.files == null ? List.of() : c.files)));
    }

    /** One commit with the files it changed (first page: up to 300 files); empty if none. */
    public Optional<CommitFiles> commitFiles(String repo, String sha) throws SourceException {
        String url = API + "/repos/" + repo + "/commits/" + encodePath(sha);
        Optional<CommitJson> found = http.getJson(url, type(CommitJson.class), HEADERS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommitJson c = found.get();
        return Optional.of(new CommitFiles(toCommit(url, c), parents(url, c),
                fileChanges(url, c.files == null ? List.of() : c.files)));
    }

    /**
     * The commit a branch points at now, so a file read there can be cited at its SHA rather than at the moving
     * branch. Reads GitHub's commit feed ({@code https://github.com/{repo}/commits/{branch}.atom}, which does not
     * count against the API's hourly limit); only if the feed fails or names no commit, asks the API for the bare
     * SHA ({@code Accept: application/vnd.github.sha}, one request). Empty when neither knows the branch.
     */
    public Optional<BranchHead> branchHead(String repo, String branch) throws SourceException {
        String feedUrl = "https://github.com/" + repo + "/commits/" + encodePath(branch) + ".atom";
        SourceException feedFailure = null;
        try {
            Optional<AtomFeedClient.Feed> feed = new AtomFeedClient(http).feed(feedUrl);
            Optional<BranchHead> head = feed.flatMap(f -> f.entries().stream().findFirst())
                    .flatMap(e -> shaIn(e.id()).or(() -> shaIn(e.link()))
                            .map(sha -> new BranchHead(repo, branch, sha, e.updated())));
            if (head.isPresent()) {
                return head;
            }
        } catch (SourceException e) {
            feedFailure = e;
        }
        String url = API + "/repos/" + repo + "/commits/" + encodePath(branch);
        Optional<SourceHttp.Page> answer = http.get(url, Map.of("Accept", "application/vnd.github.sha",
                "X-GitHub-Api-Version", "2022-11-28"));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> sha = shaIn(answer.get().body().strip());
        if (sha.isEmpty() || !answer.get().body().strip().equals(sha.get())) {
            SourceException e = new SourceException(url, "GET " + url + " returned no commit SHA for " + repo + " "
                    + branch);
            if (feedFailure != null) {
                e.addSuppressed(feedFailure);
            }
            throw e;
        }
        return Optional.of(new BranchHead(repo, branch, sha.get(), Optional.empty()));
    }

    /** Where a branch pointed when it was read: cite {@link #sha()}, never the branch. */
    public record BranchHead(String repo, String branch, String sha, Optional<Instant> date) {
        /** The file's page at this commit. */
        public String blobUrl(String path) {
            return GitHubClient.blobUrl(repo, sha, path);
        }

        /** The directory's page at this commit. */
        public String treeUrl(String path) {
            return "https://github.com/" + repo + "/tree/" + sha + (path.isEmpty() ? "" : "/" + path);
        }

        /** The commit's page. */
        public String commitUrl() {
            return "https://github.com/" + repo + "/commit/" + sha;
        }
    }

    private static final Pattern SHA = Pattern.compile("\\b([0-9a-f]{40})\\b");

    private static Optional<String> shaIn(String text) {
        Matcher m = SHA.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<String> parents(String url, CommitJson c) throws SourceException {
        List<String> out = new ArrayList<>();
        for (ShaJson p : c.parents == null ? List.<ShaJson>of() : c.parents) {
            out.add(required(url, notNull(url, p).sha, "parent", "sha"));
        }
        return out;
    }

    private static List<FileChange> fileChanges(String url, List<FileJson> files) throws SourceException {
        List<FileChange> out = new ArrayList<>();
        for (FileJson f : files) {
            notNull(url, f);
            out.add(new FileChange(required(url, f.filename, "file", "filename"), required(url, f.status, "file",
                    "status"), Optional.ofNullable(f.previousFilename), Optional.ofNullable(f.patch)));
        }
        return out;
    }

    /** A file's text at a ref from raw.githubusercontent.com; empty when the file or ref does not exist. */
    public Optional<String> file(String repo, String ref, String path) throws SourceException {
        return http.get(RAW + "/" + repo + "/" + encodePath(ref) + "/" + encodePath(path), Map.of(),
                AnswerShape.RAW_FILE).map(SourceHttp.Page::body);
    }

    /**
     * A file at a ref from raw.githubusercontent.com, able to find and cite its lines (pinned to {@code ref});
     * empty when the file or ref does not exist.
     */
    public Optional<SourceFile> document(String repo, String ref, String path) throws SourceException {
        return file(repo, ref, path)
                .map(text -> new SourceFile(blobUrl(repo, ref, path), text, SourceFile.AnchorStyle.GITHUB));
    }

    /**
     * One file at several refs, read at once ({@link Parallel#each}): results in the refs' order, each empty when
     * the file or ref does not exist.
     */
    public List<Optional<SourceFile>> documents(String repo, List<String> refs, String path) throws SourceException {
        return http.parallel().each(refs, ref -> document(repo, ref, path));
    }

    /**
     * Several files at one ref, read at once ({@link Parallel#each}): results in the paths' order, each empty when
     * the file does not exist there.
     */
    public List<Optional<SourceFile>> documents(String repo, String ref, List<String> paths) throws SourceException {
        return http.parallel().each(paths, path -> document(repo, ref, path));
    }

    /** The web address a person opens to read a file at a ref. */
    public static String blobUrl(String repo, String ref, String path) {
        return "https://github.com/" + repo + "/blob/" + ref + "/" + path;
    }

    /** A directory read at a repository's default branch, with the repository as found (after any move). */
    public record BranchDirectory(Repository repository, String path, List<Entry> entries) {
        /** The repository's current name. */
        public String repo() {
            return repository.fullName();
        }

        public String branch() {
            return repository.defaultBranch();
        }
    }

    /**
     * Lists {@code path} at the default branch of {@code repo} (2 requests: the repository, then the listing);
     * empty when the repository or the directory does not exist, which for a checker means the upstream
     * layout changed and the checker needs updating rather than a verdict.
     */
    public Optional<BranchDirectory> directoryAtDefaultBranch(String repo, String path) throws SourceException {
        Optional<Repository> found = repository(repo);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return directory(found.get().fullName(), found.get().defaultBranch(), path)
                .map(entries -> new BranchDirectory(found.get(), path, entries));
    }

    /** A directory read at the commit a repository's default branch pointed at: cite {@link #treeUrl()}. */
    public record PinnedDirectory(Repository repository, BranchHead head, String path, List<Entry> entries) {
        /** The repository's current name. */
        public String repo() {
            return repository.fullName();
        }

        public String branch() {
            return repository.defaultBranch();
        }

        /** The commit that was read. */
        public String sha() {
            return head.sha();
        }

        /** The directory's page at that commit. */
        public String treeUrl() {
            return head.treeUrl(path);
        }
    }

    /**
     * Lists {@code path} at the commit {@code repo}'s default branch points at: the repository (1 request, follows a
     * move), its branch head (the commit feed, no API request; see {@link #branchHead}), the listing at that SHA
     * (1 request). Empty when the repository, the branch or the directory does not exist.
     */
    public Optional<PinnedDirectory> directoryAtHead(String repo, String path) throws SourceException {
        Optional<Repository> found = repository(repo);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Repository r = found.get();
        Optional<BranchHead> head = branchHead(r.fullName(), r.defaultBranch());
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return directory(r.fullName(), head.get().sha(), path)
                .map(entries -> new PinnedDirectory(r, head.get(), path, entries));
    }

    /** A directory listing at a ref (contents API); empty when the directory or ref does not exist. */
    public Optional<List<Entry>> directory(String repo, String ref, String path) throws SourceException {
        JavaType list = TYPES.constructCollectionType(List.class, EntryJson.class);
        String url = API + "/repos/" + repo + "/contents/" + encodePath(path) + "?ref=" + encodeQuery(ref);
        Optional<List<EntryJson>> entries = http.getJson(url, list, HEADERS);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> out = new ArrayList<>();
        for (EntryJson e : entries.get()) {
            notNull(url, e);
            out.add(new Entry(required(url, e.name, "listing entry", "name"),
                    required(url, e.path, "listing entry", "path"), required(url, e.type, "listing entry", "type")));
        }
        return Optional.of(out);
    }

    /** Issues and pull requests matching a search query ("repo:systemd/systemd criu in:title"), at most 100. */
    public List<Issue> searchIssues(String query) throws SourceException {
        String url = API + "/search/issues?per_page=100&q=" + encodeQuery(query);
        SearchJson result = http.getJsonPresent(url, type(SearchJson.class), HEADERS,
                "issue search " + url + " answered 404");
        List<Issue> issues = new ArrayList<>();
        for (IssueJson i : required(url, result.items, "search result", "items")) {
            notNull(url, i);
            issues.add(new Issue(i.number, required(url, i.title, "issue", "title"),
                    required(url, i.state, "issue", "state"), Optional.ofNullable(i.stateReason),
                    required(url, i.htmlUrl, "issue", "html_url"), required(url, i.createdAt, "issue", "created_at"),
                    Optional.ofNullable(i.closedAt), i.pullRequest != null));
        }
        return issues;
    }

    private <T> List<T> paged(String firstUrl, Class<T> item, int maxPages) throws SourceException {
        JavaType list = TYPES.constructCollectionType(List.class, item);
        List<T> all = new ArrayList<>();
        String url = firstUrl;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int page = 0; url != null && page < maxPages && seen.add(url); page++) {
            Optional<SourceHttp.Page> response = http.get(url, HEADERS, AnswerShape.JSON);
            if (response.isEmpty()) {
                if (page == 0) {
                    return List.of();
                }
                break;
            }
            for (T element : http.<List<T>>parse(url, response.get().body(), list)) {
                all.add(notNull(url, element));
            }
            url = next(response.get().headers().get("Link"));
        }
        return all;
    }

    static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private static Commit toCommit(String url, CommitJson c) throws SourceException {
        CommitDetailJson detail = required(url, c.commit, "commit", "commit");
        Instant date = detail.committer != null && detail.committer.date != null ? detail.committer.date
                : detail.author != null ? detail.author.date : null;
        return new Commit(required(url, c.sha, "commit", "sha"), required(url, date, "commit", "commit.committer.date"),
                detail.message == null ? "" : detail.message, required(url, c.htmlUrl, "commit", "html_url"));
    }

    /**
     * A field the API always sends; its absence means the body is not what GitHub promises (a proxy's page,
     * an API change), which is a source failure, never a NullPointerException in a checker.
     */
    private static <T> T required(String url, T value, String what, String field) throws SourceException {
        if (value == null) {
            throw new SourceException(url, "GET " + url + " returned a " + what + " without \"" + field + "\"");
        }
        return value;
    }

    private static <T> T notNull(String url, T element) throws SourceException {
        if (element == null) {
            throw new SourceException(url, "GET " + url + " returned a list with a null entry");
        }
        return element;
    }

    private static JavaType type(Class<?> c) {
        return TYPES.constructType(c);
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // JSON shapes, trimmed to the fields read.
    record RepoJson(@JsonProperty("full_name") String fullName, @JsonProperty("html_url") String htmlUrl,
                    @JsonProperty("default_branch") String defaultBranch, boolean archived,
                    @JsonProperty("pushed_at") Instant pushedAt, String description) {
    }

    record TagJson(String name, ShaJson commit) {
    }

    record ShaJson(String sha) {
    }

    record ReleaseJson(@JsonProperty("tag_name") String tagName, String name, boolean draft, boolean prerelease,
                       @JsonProperty("published_at") Instant publishedAt, String body,
                       @JsonProperty("html_url") String htmlUrl) {
    }

    record CommitJson(String sha, @JsonProperty("html_url") String htmlUrl, CommitDetailJson commit,
                      List<ShaJson> parents, List<FileJson> files) {
    }

    record FileJson(String filename, String status, @JsonProperty("previous_filename") String previousFilename,
                    String patch) {
    }

    record CompareJson(@JsonProperty("html_url") String htmlUrl,
                       @JsonProperty("merge_base_commit") CommitJson mergeBaseCommit,
                       @JsonProperty("total_commits") int totalCommits, List<FileJson> files) {
    }

    record CommitDetailJson(String message, PersonJson author, PersonJson committer) {
    }

    record PersonJson(String name, Instant date) {
    }

    record EntryJson(String name, String path, String type) {
    }

    record SearchJson(@JsonProperty("total_count") int totalCount, List<IssueJson> items) {
    }

    record IssueJson(int number, String title, String state, @JsonProperty("state_reason") String stateReason,
                     @JsonProperty("html_url") String htmlUrl, @JsonProperty("created_at") Instant createdAt,
                     @JsonProperty("closed_at") Instant closedAt,
                     @JsonProperty("pull_request") Map<String, Object> pullRequest) {
    }
}
