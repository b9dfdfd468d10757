package org.criu.status.core.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceFile;

/**
 * A known fact about the past that a checker's probe must keep seeing ("docker/cli v20.10.0 ships the
 * checkpoint command"). When it stops holding, the source changed shape under the checker (a repository moved, a
 * file was renamed, an API answers differently) and an absence the checker reports can no longer be trusted:
 * {@code selftest} says so, and {@code check} marks the checker's entries {@code unverified}
 * ("probe out of date: ...").
 *
 * <p>A canary is data: what to fetch ({@link Target}: a file at a fixed tag or commit on GitHub or GitLab, or a
 * URL) and what must be found there ({@code find}, a regular expression matched against each line). Recipes
 * declare them in YAML with the same names, which Jackson reads into this record:
 * <pre>
 * canaries:
 *   - fact: docker/cli v20.10.0 ships the checkpoint command
 *     github: docker/cli                # or  gitlab: wayland/weston  (host: https://gitlab.freedesktop.org)
 *     ref: v20.10.0                     # a tag or commit: a fact about the past, never a moving branch
 *     path: cli/command/checkpoint/cmd.go
 *     find: 'Use:\s*"checkpoint"'
 *   - fact: systemd's tracker still finds request #258
 *     url: https://api.github.com/search/issues?per_page=100&amp;q=...
 *     find: '"number":\s*258\b'
 * </pre>
 *
 * @param fact   the fact in words, as a report names it
 * @param target what to fetch
 * @param find   the regular expression some line of it must match
 */
public record Canary(String fact, Target target, String find) {

    /** Refs that move: a canary pinned to one would state a fact about today, not the past. */
    private static final Set<String> MOVING = Set.of("head", "main", "master", "trunk", "develop", "devel");

    /** Where a canary looks. */
    public sealed interface Target permits GitHubFile, GitLabFile, Url {
        /** The address a person opens to check the fact by hand. */
        String url();
    }

    /** A file at a tag or commit of a GitHub repository, read from raw.githubusercontent.com (no API request). */
    public record GitHubFile(String repo, String ref, String path) implements Target {
        public GitHubFile {
            require(repo, "github");
            fixedRef(ref);
            require(path, "path");
        }

        @Override
        public String url() {
            return GitHubClient.blobUrl(repo, ref, path);
        }
    }

    /** A file at a tag or commit of a GitLab project on {@code host}. */
    public record GitLabFile(String host, String project, String ref, String path) implements Target {
        public GitLabFile {
            require(host, "host");
            require(project, "gitlab");
            fixedRef(ref);
            require(path, "path");
        }

        @Override
        public String url() {
            return host.replaceFirst("/+$", "") + "/" + project + "/-/blob/" + ref + "/" + path;
        }
    }

    /** Any URL the run's HTTP client can GET (an API answer, a feed); its body is matched line by line. */
    public record Url(String url) implements Target {
        public Url {
            require(url, "url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("a canary url must be http(s): " + url);
            }
        }
    }

    public Canary {
        require(fact, "fact");
        Objects.requireNonNull(target, "a canary needs something to fetch: github, gitlab or url");
        require(find, "find");
        Pattern compiled;
        try {
            compiled = Pattern.compile(find);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("canary '" + fact + "': find is not a regular expression: "
                    + e.getDescription(), e);
        }
        if (compiled.matcher("").find()) {
            throw new IllegalArgumentException("canary '" + fact + "': find /" + find
                    + "/ matches an empty line, so it would hold anywhere");
        }
    }

    /** A fact about a file at a tag or commit of a GitHub repository. */
    public static Canary gitHubFile(String fact, String repo, String ref, String path, String find) {
        return new Canary(fact, new GitHubFile(repo, ref, path), find);
    }

    /** A fact about a file at a tag or commit of a GitLab project. */
    public static Canary gitLabFile(String fact, String host, String project, String ref, String path, String find) {
        return new Canary(fact, new GitLabFile(host, project, ref, path), find);
    }

    /** A fact about what a URL answers. */
    public static Canary url(String fact, String url, String find) {
        return new Canary(fact, new Url(url), find);
    }

    /**
     * The YAML/JSON form (see the class comment): exactly one of {@code github}, {@code gitlab} or {@code url};
     * {@code ref} and {@code path} with a repository; {@code host} only with {@code gitlab} (default
     * gitlab.freedesktop.org). A wrong combination is an {@link IllegalArgumentException} naming the canary.
     */
    @JsonCreator
    public static Canary fromSpec(@JsonProperty("fact") String fact, @JsonProperty("github") String github,
                                  @JsonProperty("gitlab") String gitlab, @JsonProperty("host") String host,
                                  @JsonProperty("url") String url, @JsonProperty("ref") String ref,
                                  @JsonProperty("path") String path, @JsonProperty("find") String find) {
        String name = fact == null ? "(no fact)" : fact;
        int targets = (github != null ? 1 : 0) + (gitlab != null ? 1 : 0) + (url != null ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("canary '" + name + "': give exactly one of github, gitlab or url");
        }
        if (url != null && (ref != null || path != null || host != null)) {
            throw new IllegalArgumentException("canary '" + name + "': a url canary takes no ref, path or host");
        }
        if (github != null && host != null) {
            throw new IllegalArgumentException("canary '" + name + "': host goes with gitlab, not github");
        }
        if (url == null && (ref == null || path == null)) {
            throw new IllegalArgumentException("canary '" + name + "': a repository canary needs ref and path");
        }
        Target target = github != null ? new GitHubFile(github, ref, path)
                : gitlab != null ? new GitLabFile(host != null ? host : "https://gitlab.freedesktop.org", gitlab, ref,
                path)
                : new Url(url);
        return new Canary(fact, target, find);
    }

    /** The compiled {@link #find}. */
    public Pattern pattern() {
        return Pattern.compile(find);
    }

    /** How a canary fared. */
    public enum Outcome {
        /** The fact still holds. */
        HELD,
        /** The fact no longer holds: the file is gone, or no line matches. The probe is out of date. */
        FAILED,
        /** The source failed, so the fact could not be checked. */
        COULD_NOT_CHECK
    }

    /**
     * A canary's result: {@code where} is the line that holds the fact ({@code #L12}) or the address looked at;
     * {@code detail} says, in words, what was found or what is missing.
     */
    public record Result(Canary canary, Outcome outcome, String where, String detail) {
        public boolean held() {
            return outcome == Outcome.HELD;
        }

        /** One line for a report: "probe out of date: FACT: DETAIL". */
        public String describe() {
            return switch (outcome) {
                case HELD -> canary.fact() + ": holds (" + where + ")";
                case FAILED -> "probe out of date: " + canary.fact() + ": " + detail;
                case COULD_NOT_CHECK -> "probe not verified: could not check that " + canary.fact() + ": " + detail;
            };
        }
    }

    /**
     * Fetches the target through the run's clients (so a file the checker already read costs nothing) and
     * looks for {@link #find}. Never throws: a failing source is {@link Outcome#COULD_NOT_CHECK}.
     */
    public Result check(CheckContext context) {
        Optional<String> text;
        try {
            if (target instanceof GitHubFile f) {
                text = context.github().file(f.repo(), f.ref(), f.path());
            } else if (target instanceof GitLabFile f) {
                text = context.gitlab().onHost(f.host()).file(f.project(), f.ref(), f.path());
            } else {
                text = context.http().get(target.url(), Map.of()).map(p -> p.body());
            }
        } catch (SourceException e) {
            return new Result(this, Outcome.COULD_NOT_CHECK, target.url(), e.getMessage());
        }
        if (text.isEmpty()) {
            return new Result(this, Outcome.FAILED, target.url(), target.url() + " is gone (404)");
        }
        SourceFile file = new SourceFile(target.url().replaceFirst("#.*$", ""), text.get(),
                target instanceof GitLabFile ? SourceFile.AnchorStyle.GITLAB : SourceFile.AnchorStyle.GITHUB);
        Pattern pattern = pattern();
        Optional<SourceFile.Line> line = file.firstMatching(pattern);
        if (line.isEmpty()) {
            return new Result(this, Outcome.FAILED, target.url(),
                    target.url() + " no longer has a line matching /" + find + "/");
        }
        // A fact known to be there answered as it should: its host answers normally in this run, so a 404 from
        // it later counts as absence without a probe of its own (HostHealth).
        context.http().hosts().proven(target instanceof GitHubFile ? GitHubClient.RAW + "/"
                : target instanceof GitLabFile f ? "https://" + f.host() + "/" : target.url());
        String where = target instanceof Url ? target.url() : line.get().url();
        return new Result(this, Outcome.HELD, where, "line " + line.get().number() + " matches /" + find + "/");
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a canary needs " + field);
        }
    }

    private static void fixedRef(String ref) {
        require(ref, "ref");
        if (MOVING.contains(ref.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a canary reads a fixed tag or commit, not the moving ref '" + ref
                    + "': it states a fact about the past");
        }
    }
}
