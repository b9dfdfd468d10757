package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.spi.RemovalClaim;

/**
 * A file at the newest release (or a branch's current commit) has a line matching a pattern: the first such line
 * is cited at the ref read ({@code blob/v1.5.1/checkpoint.go#L21}) and quoted verbatim, with the {@code found}
 * signal; no such line gives the {@code missing} signal (when the recipe names one) citing the file. Several
 * {@code paths} are several citations; a path absent at the ref is skipped, all of them absent is "could not
 * look" (the upstream layout changed: the recipe needs updating).
 *
 * <p>A missing line is no removal. Where an absence would become {@code REMOVED}, or {@code ABSENT} against an
 * entry saying ready (or an entry the page lacks), the history decides first ({@link AbsenceProof}, GitHub's
 * compare through {@link PathHistory}): a renamed file or moved content is followed and read there, a deletion is
 * cited by its commit, and an absence the history does not explain is "could not look", never a removal.
 */
public record FileProbe(String repo, Optional<ReleaseSpec> release, Optional<String> branch, List<String> paths,
                        Regex pattern, String what, SignalSpec found, Optional<SignalSpec> missing, Says says)
        implements Probe {

    private static final Set<String> PLACEHOLDERS = Set.of("repo", "release", "path", "what");

    public FileProbe {
        repo = Templates.repo(repo);
        Objects.requireNonNull(release, "release");
        branch = Objects.requireNonNull(branch, "branch").map(String::strip).filter(b -> !b.isEmpty());
        if (release.isPresent() == branch.isPresent()) {
            throw new IllegalArgumentException("say where to read: 'release' (the newest release tag) or 'branch'"
                    + " (its current commit), one of the two");
        }
        if (paths == null || paths.isEmpty() || paths.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("'path' (or 'paths') is missing: the file to read");
        }
        paths = List.copyOf(paths);
        if (pattern == null) {
            throw new IllegalArgumentException("'pattern' is missing: what a line must match");
        }
        what = Templates.require(what, "what");
        if (found == null) {
            throw new IllegalArgumentException("'found' is missing: the signal a matching line gives (" + SignalSpec.names() + ")");
        }
        Objects.requireNonNull(missing, "missing");
        says = says == null ? Says.DEFAULT : says;
        Templates.check(says.found(), "says.found", PLACEHOLDERS);
        Templates.check(says.missing(), "says.missing", PLACEHOLDERS);
    }

    /** Binds the YAML keys; {@code path} and {@code paths} are one list. */
    @JsonCreator
    static FileProbe bind(@JsonProperty("repo") String repo, @JsonProperty("release") ReleaseSpec release,
                          @JsonProperty("branch") String branch, @JsonProperty("path") String path,
                          @JsonProperty("paths") List<String> paths, @JsonProperty("pattern") Regex pattern,
                          @JsonProperty("what") String what, @JsonProperty("found") SignalSpec found,
                          @JsonProperty("missing") SignalSpec missing, @JsonProperty("says") Says says) {
        if (path != null && paths != null) {
            throw new IllegalArgumentException("write 'path' or 'paths', not both");
        }
        return new FileProbe(repo, Optional.ofNullable(release), Optional.ofNullable(branch),
                path != null ? List.of(path) : paths, pattern, what, found, Optional.ofNullable(missing), says);
    }

    @Override
    public String describe() {
        return "GitHub " + repo + " " + String.join(", ", paths) + " at " + where(release, branch) + ": " + what;
    }

    static String where(Optional<ReleaseSpec> release, Optional<String> branch) {
        return release.map(r -> "the newest release (tags '" + r.tags() + "')")
                .orElseGet(() -> "the head of " + branch.orElseThrow());
    }

    /**
     * What this probe may report as removed once the history proves it ({@code missing: removed}, or
     * {@code missing: absent}, which a proven deletion backs with the deleting commit): the lines of each path
     * and, for a single path, the file itself. None without a {@code missing} signal of either kind.
     */
    List<RemovalClaim> removalClaims() {
        if (missing.filter(m -> m.signal() == Signal.REMOVED || m.signal() == Signal.ABSENT).isEmpty()) {
            return List.of();
        }
        List<RemovalClaim> claims = new ArrayList<>();
        for (String path : paths) {
            if (paths.size() == 1) {
                claims.add(RemovalClaim.github(what + " (" + path + ")", repo,
                        PathHistory.Subject.file(path, AbsenceProof.marker(pattern))));
            }
            claims.add(RemovalClaim.github(what + " (lines of " + path + ")", repo,
                    PathHistory.Subject.lines(path, AbsenceProof.marker(pattern))));
        }
        return claims;
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        ProbeRun.Resolution resolution = run.resolve(repo, release, branch);
        if (resolution.ref().isEmpty()) {
            return ProbeResult.couldNotLook(resolution.reason().orElseThrow());
        }
        Ref ref = resolution.ref().get();
        List<String> absent = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (String path : paths) {
            Optional<SourceFile> file = run.context().github().document(repo, ref.ref(), path);
            if (file.isEmpty()) {
                if (paths.size() == 1 && missing.filter(m -> run.mustProve(m.signal())).isPresent()) {
                    return proven(run, ref, PathHistory.Subject.file(path, AbsenceProof.marker(pattern)), path,
                            GitHubClient.blobUrl(repo, ref.ref(), path), evidence);
                }
                absent.add(path);
                continue;
            }
            Optional<SourceFile.Line> line = file.get().firstMatching(pattern.pattern());
            if (line.isPresent()) {
                evidence.add(found(ref, path, line.get()));
            } else if (missing.isPresent()) {
                if (run.mustProve(missing.get().signal())) {
                    ProbeResult proof = proven(run, ref, PathHistory.Subject.lines(path, AbsenceProof.marker(pattern)), path,
                            file.get().url(), evidence);
                    if (proof.couldNotLook().isPresent()) {
                        return proof;
                    }
                    evidence = new ArrayList<>(proof.evidence());
                    continue;
                }
                evidence.add(missing(ref, path, file.get().url(), ""));
            }
        }
        if (evidence.isEmpty() && absent.size() == paths.size()) {
            return ProbeResult.couldNotLook(notAt(ref, absent));
        }
        return ProbeResult.of(evidence);
    }

    /**
     * An absence the rules would turn into a removal or a "not started" against "ready": the history decides. A
     * rename or moved content is followed and read at the same ref; a deletion gives the {@code missing} signal
     * plus the deleting commit ({@code REMOVED}); lines no listed release nor canary ever had stay as mapped (but
     * never as a removal); a file that never was there, or a history that does not say, is "could not look".
     * {@code before} is what earlier paths of this probe found, kept in the result.
     */
    private ProbeResult proven(ProbeRun run, Ref ref, PathHistory.Subject subject, String path, String citation,
                               List<Evidence> before) throws SourceException {
        List<Evidence> evidence = new ArrayList<>(before);
        AbsenceProof.Outcome outcome = AbsenceProof.ask(run, repo, ref, subject, what);
        if (outcome instanceof AbsenceProof.Follow follow) {
            Optional<SourceFile.Line> there = run.context().github().document(repo, ref.ref(), follow.path())
                    .flatMap(f -> f.firstMatching(pattern.pattern()));
            if (there.isEmpty()) {
                evidence.add(follow.how());
                return new ProbeResult(evidence, Optional.of(path + " went to " + follow.path() + ", which has no"
                        + " line with " + what + " at " + ref.label() + " either"));
            }
            evidence.add(found(ref, follow.path(), there.get()));
            evidence.add(follow.how());
            return ProbeResult.of(evidence);
        }
        if (outcome instanceof AbsenceProof.Deleted deleted) {
            evidence.add(missing(ref, path, citation, " (last in " + deleted.had() + ")"));
            evidence.addAll(deleted.proof());
            return ProbeResult.of(evidence);
        }
        if (outcome instanceof AbsenceProof.NotProven notProven) {
            return new ProbeResult(evidence, Optional.of(notProven.reason()));
        }
        // Never there: no release the feed lists, nor any canary's ref, had it.
        if (subject.kind() == PathHistory.Subject.Kind.FILE) {
            return new ProbeResult(evidence, Optional.of(notAt(ref, List.of(path))));
        }
        if (missing.orElseThrow().signal() == Signal.REMOVED) {
            return new ProbeResult(evidence, Optional.of("no line of " + path + " at " + ref.label() + " has " + what
                    + ", nor had one at any release listed before it or at the recipe's canaries: nothing was removed"
                    + " that the history could show (the probe may be out of date)"));
        }
        evidence.add(missing(ref, path, citation, ""));
        return ProbeResult.of(evidence);
    }

    private Evidence found(Ref ref, String path, SourceFile.Line line) throws SourceException {
        String summary = Templates.fill(Optional.ofNullable(says.found()).orElse("{repo} {release}: {path} has {what}"),
                values(ref, path));
        return found.qualify(Evidence.of(found.signal(), "github", line.url(), ref.evidenceDate(), summary)
                .quoting(line.stripped()));
    }

    private Evidence missing(Ref ref, String path, String citation, String suffix) throws SourceException {
        SignalSpec spec = missing.orElseThrow();
        String summary = Templates.fill(Optional.ofNullable(says.missing())
                .orElse("{repo} {release}: no line of {path} has {what}"), values(ref, path)) + suffix;
        return spec.qualify(Evidence.of(spec.signal(), "github", citation, ref.evidenceDate(), summary));
    }

    private Map<String, String> values(Ref ref, String path) {
        return Map.of("repo", repo, "release", ref.label(), "path", path, "what", what);
    }

    private String notAt(Ref ref, List<String> absent) {
        return repo + " has " + (absent.size() == 1 ? "no " + absent.get(0)
                : "neither " + String.join(" nor ", absent)) + " at " + ref.label();
    }
}
