package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceFile;

/**
 * A file at the newest release (or a branch's current commit) has a line matching a pattern: the first such line
 * is cited at the ref read ({@code blob/v1.5.1/checkpoint.go#L21}) and quoted verbatim, with the {@code found}
 * signal; no such line gives the {@code missing} signal (when the recipe names one) citing the file. Several
 * {@code paths} are several citations; a path absent at the ref is skipped, all of them absent is "could not
 * look" (the upstream layout changed: the recipe needs updating).
 *
 * <p>A missing line is no removal: {@code missing: removed} is reported only with proof of the commit that
 * removed it, which recipes cannot read yet, so such a probe says it could not look rather than claim a removal.
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
                absent.add(path);
                continue;
            }
            Map<String, String> values = Map.of("repo", repo, "release", ref.label(), "path", path, "what", what);
            Optional<SourceFile.Line> line = file.get().firstMatching(pattern.pattern());
            Optional<LocalDate> date = ref.evidenceDate();
            if (line.isPresent()) {
                String summary = Templates.fill(Optional.ofNullable(says.found()).orElse("{repo} {release}: {path} has {what}"), values);
                evidence.add(found.qualify(Evidence.of(found.signal(), "github", line.get().url(), date, summary)
                        .quoting(line.get().stripped())));
            } else if (missing.isPresent()) {
                if (missing.get().signal() == Signal.REMOVED) {
                    return new ProbeResult(evidence, Optional.of("no line of " + path + " at " + ref.label()
                            + " has " + what + "; a removal needs proof (the commit that removed it), which this"
                            + " recipe cannot read yet"));
                }
                String summary = Templates.fill(Optional.ofNullable(says.missing())
                        .orElse("{repo} {release}: no line of {path} has {what}"), values);
                evidence.add(missing.get().qualify(Evidence.of(missing.get().signal(), "github", file.get().url(),
                        date, summary)));
            }
        }
        if (evidence.isEmpty() && absent.size() == paths.size()) {
            return ProbeResult.couldNotLook(repo + " has " + (absent.size() == 1 ? "no " + absent.get(0)
                    : "neither " + String.join(" nor ", absent)) + " at " + ref.label());
        }
        return ProbeResult.of(evidence);
    }
}
