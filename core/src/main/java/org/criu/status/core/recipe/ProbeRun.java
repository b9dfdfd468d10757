package org.criu.status.core.recipe;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.model.Status;
import org.criu.status.core.source.AtomFeedClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;

/**
 * One recipe's run: the run's source clients, and the releases and branch heads its probes resolved, so probes
 * reading the same repository agree on the release they cite (and the feed is read once).
 */
final class ProbeRun {

    /** The sha at the end of a commit link or a commit feed entry's id. */
    private static final Pattern SHA = Pattern.compile("([0-9a-f]{40})$");

    /** A release or branch head, or why there is none to read. */
    record Resolution(Optional<Ref> ref, Optional<String> reason) {
    }

    private final CheckContext context;
    private final Integration integration;
    private final List<Canary> canaries;
    // Probes run at once (RecipeChecker): what they share is safe to reach from several threads.
    private final Map<String, Resolution> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    ProbeRun(CheckContext context, Integration integration, List<Canary> canaries) {
        this.context = context;
        this.integration = integration;
        this.canaries = List.copyOf(canaries);
    }

    CheckContext context() {
        return context;
    }

    /**
     * Whether an absence a probe would report with {@code signal} must be proven from the history first: always
     * for {@code REMOVED}; for {@code ABSENT} when the entry says ready or says nothing the rules know (an entry
     * the page lacks, or a status word they do not), where an unproven absence would become a "not started"
     * suggestion for something that may only have moved. Against "not started", "stalled" or "started" an
     * absence only keeps or lowers a status nobody claimed was shipped, and costs no request.
     */
    boolean mustProve(Signal signal) {
        return signal == Signal.REMOVED || signal == Signal.ABSENT
                && integration.status().map(s -> s == Status.READY).orElse(true);
    }

    /**
     * Refs of {@code repo} known to have had what a probe looks for: the recipe's canaries there, those about
     * {@code path} first (a canary states a fact about the past, so its ref anchors the history search).
     */
    List<String> knownRefs(String repo, String path) {
        List<String> same = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Canary canary : canaries) {
            if (canary.target() instanceof Canary.GitHubFile f && f.repo().equals(repo)) {
                (f.path().equals(path) ? same : other).add(f.ref());
            }
        }
        other.removeAll(same);
        same.addAll(other);
        return same.stream().distinct().toList();
    }

    /**
     * A file a probe reads, at the ref it resolves to ({@link #resolve}): the ref and the file, or (in
     * {@code couldNotLook}) why the probe could not look: no release or branch to read, or no such file there.
     */
    record FileRead(Ref ref, SourceFile file, Optional<ProbeResult> couldNotLook) {
    }

    /** Reads {@code path} of {@code repo} at the ref {@link #resolve} gives. */
    FileRead read(String repo, Optional<ReleaseSpec> release, Optional<String> branch, String path)
            throws SourceException {
        Resolution resolution = resolve(repo, release, branch);
        if (resolution.ref().isEmpty()) {
            return new FileRead(null, null, Optional.of(ProbeResult.couldNotLook(resolution.reason().orElseThrow())));
        }
        Ref ref = resolution.ref().get();
        Optional<SourceFile> found = context.github().document(repo, ref.ref(), path);
        return found.map(f -> new FileRead(ref, f, Optional.<ProbeResult>empty())).orElseGet(() -> new FileRead(ref,
                null, Optional.of(ProbeResult.couldNotLook(repo + " has no " + path + " at " + ref.label()))));
    }

    /** The ref a probe reads at: the newest release when {@code release} is given, else the branch's head. */
    Resolution resolve(String repo, Optional<ReleaseSpec> release, Optional<String> branch) throws SourceException {
        String key = repo + " " + release.map(r -> r.from() + " " + r.tags()).orElse("branch " + branch.orElse(""));
        // Probes run at once: the first to ask resolves, the others wait for its answer.
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Resolution cached = resolved.get(key);
            if (cached == null) {
                cached = release.isPresent() ? newestRelease(repo, release.get())
                        : branchHead(repo, branch.orElseThrow());
                resolved.put(key, cached);
            }
            return cached;
        }
    }

    private Resolution newestRelease(String repo, ReleaseSpec spec) throws SourceException {
        if (spec.from() == ReleaseSpec.From.API) {
            GitHubClient github = context.github();
            List<GitHubClient.Tag> tags = Versions.newestFirst(github.tags(repo, 1), GitHubClient.Tag::name,
                    spec.tags().pattern());
            if (tags.isEmpty()) {
                return none("no release tags matching '" + spec.tags() + "' in " + repo);
            }
            GitHubClient.Tag newest = tags.get(0);
            // Dated on first use, once: a file probe asks only after the tag's files proved readable.
            java.util.concurrent.atomic.AtomicReference<Optional<LocalDate>> memo =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Object dating = new Object();
            return found(new Ref(repo, newest.name(), newest.name(), true, () -> {
                synchronized (dating) {
                    if (memo.get() == null) {
                        memo.set(github.tagDate(repo, newest).map(GitHubClient.Commit::day));
                    }
                    return memo.get();
                }
            }, tags.stream().map(GitHubClient.Tag::name).toList()));
        }
        String url = AtomFeedClient.gitHubTags(repo);
        Optional<AtomFeedClient.Feed> feed = context.atomFeeds().feed(url);
        if (feed.isEmpty()) {
            return none("GitHub has no tags feed for " + repo + " (" + url + ")");
        }
        List<AtomFeedClient.Entry> tags = Versions.newestFirst(feed.get().entries(), AtomFeedClient.Entry::title,
                spec.tags().pattern());
        if (tags.isEmpty()) {
            return none("no release tags matching '" + spec.tags() + "' in " + url);
        }
        AtomFeedClient.Entry newest = tags.get(0);
        Optional<LocalDate> day = newest.day();
        return found(new Ref(repo, newest.title(), newest.title(), true, () -> day,
                tags.stream().map(AtomFeedClient.Entry::title).toList()));
    }

    /** The commit a branch points at now, from GitHub's commits feed (no REST API budget spent). */
    private Resolution branchHead(String repo, String branch) throws SourceException {
        String url = "https://github.com/" + repo + "/commits/" + branch + ".atom";
        Optional<AtomFeedClient.Feed> feed = context.atomFeeds().feed(url);
        if (feed.isEmpty() || feed.get().entries().isEmpty()) {
            return none("GitHub has no commits on " + repo + " " + branch + " (" + url + ")");
        }
        AtomFeedClient.Entry head = feed.get().entries().get(0);
        Optional<String> sha = sha(head.link()).or(() -> sha(head.id()));
        if (sha.isEmpty()) {
            return none(url + " names its newest commit without a sha (" + head.link() + ")");
        }
        return found(new Ref(repo, sha.get(), branch + "@" + sha.get().substring(0, 7), false, Optional::empty,
                List.of(sha.get())));
    }

    private static Optional<String> sha(String text) {
        Matcher m = SHA.matcher(text == null ? "" : text.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Resolution found(Ref ref) {
        return new Resolution(Optional.of(ref), Optional.empty());
    }

    private static Resolution none(String reason) {
        return new Resolution(Optional.empty(), Optional.of(reason));
    }
}
