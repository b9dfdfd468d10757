package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.PathHistory;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.spi.RemovalClaim;

/**
 * Lines of a release-notes or changelog file matching a pattern, read by section: {@code section} matches the
 * heading of one release's section (its first group, if any, names the release), {@code scope: newest} looks only
 * in the first section (changelogs put the newest first), {@code scope: all} in every one. Each match (at most
 * {@code max}) is cited at its line and quoted verbatim with the {@code found} signal; none gives {@code missing}.
 */
public record ReleaseNotesProbe(String repo, Optional<ReleaseSpec> release, Optional<String> branch, String path,
                                Regex section, Scope scope, Regex pattern, String what, SignalSpec found,
                                Optional<SignalSpec> missing, int max, Says says) implements Probe {

    private static final Set<String> PLACEHOLDERS = Set.of("repo", "release", "path", "what", "section");

    /** Which sections are read. */
    public enum Scope {
        NEWEST, ALL;

        @JsonCreator
        static Scope of(String name) {
            for (Scope s : values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("'scope: " + name + "': 'newest' (the first section) or 'all'");
        }
    }

    public ReleaseNotesProbe {
        repo = Templates.repo(repo);
        Objects.requireNonNull(release, "release");
        branch = Objects.requireNonNull(branch, "branch").map(String::strip).filter(b -> !b.isEmpty());
        if (release.isPresent() == branch.isPresent()) {
            throw new IllegalArgumentException("say where to read: 'release' (the newest release tag) or 'branch'"
                    + " (its current commit), one of the two");
        }
        path = Templates.require(path, "path");
        if (section == null) {
            throw new IllegalArgumentException("'section' is missing: the pattern of a release's heading"
                    + " (like '^## (v\\S+)')");
        }
        Objects.requireNonNull(scope, "scope");
        if (pattern == null) {
            throw new IllegalArgumentException("'pattern' is missing: what a line must match");
        }
        what = Templates.require(what, "what");
        if (found == null) {
            throw new IllegalArgumentException("'found' is missing: the signal a matching line gives (" + SignalSpec.names() + ")");
        }
        Objects.requireNonNull(missing, "missing");
        if (missing.filter(m -> m.signal() == Signal.REMOVED).isPresent()) {
            throw new IllegalArgumentException("'missing: removed': a line missing from release notes proves no"
                    + " removal; cite the note that says so with 'found: removed' instead");
        }
        if (max < 1) {
            throw new IllegalArgumentException("'max: " + max + "': cite at least one line");
        }
        says = says == null ? Says.DEFAULT : says;
        Templates.check(says.found(), "says.found", PLACEHOLDERS);
        Templates.check(says.missing(), "says.missing", PLACEHOLDERS);
    }

    @JsonCreator
    static ReleaseNotesProbe bind(@JsonProperty("repo") String repo, @JsonProperty("release") ReleaseSpec release,
                                  @JsonProperty("branch") String branch, @JsonProperty("path") String path,
                                  @JsonProperty("section") Regex section, @JsonProperty("scope") Scope scope,
                                  @JsonProperty("pattern") Regex pattern, @JsonProperty("what") String what,
                                  @JsonProperty("found") SignalSpec found, @JsonProperty("missing") SignalSpec missing,
                                  @JsonProperty("max") Integer max, @JsonProperty("says") Says says) {
        return new ReleaseNotesProbe(repo, Optional.ofNullable(release), Optional.ofNullable(branch), path, section,
                scope == null ? Scope.NEWEST : scope, pattern, what, found, Optional.ofNullable(missing),
                max == null ? 3 : max, says);
    }

    @Override
    public String describe() {
        return "GitHub " + repo + " " + path + " at " + FileProbe.where(release, branch) + ", "
                + (scope == Scope.NEWEST ? "the newest section" : "every section") + ": " + what;
    }

    /**
     * What this probe may report as removed once the history proves it: the lines of its file ({@code missing:
     * absent}, which a proven deletion backs with the deleting commit). None without a {@code missing} signal.
     */
    List<RemovalClaim> removalClaims() {
        if (missing.filter(m -> m.signal() == Signal.ABSENT).isEmpty()) {
            return List.of();
        }
        return List.of(RemovalClaim.github(what + " (lines of " + path + ")", repo,
                PathHistory.Subject.lines(path, AbsenceProof.marker(pattern))));
    }

    @Override
    public ProbeResult run(ProbeRun run) throws SourceException {
        ProbeRun.FileRead read = run.read(repo, release, branch, path);
        if (read.couldNotLook().isPresent()) {
            return read.couldNotLook().get();
        }
        Ref ref = read.ref();
        SourceFile file = read.file();
        Sections sections = scan(ref, path, file);
        if (sections.count() == 0) {
            return ProbeResult.couldNotLook(path + " at " + ref.label() + " has no section heading matching '"
                    + section + "': the recipe no longer fits the file");
        }
        List<Evidence> evidence = new ArrayList<>(sections.evidence());
        if (evidence.isEmpty() && missing.isPresent()) {
            if (run.mustProve(missing.get().signal())) {
                return proven(run, ref, file);
            }
            evidence.add(missing(ref, file, ""));
        }
        return ProbeResult.of(evidence);
    }

    /** What one file's sections say: how many headings, and the matching lines cited. */
    private record Sections(int count, List<Evidence> evidence) {
    }

    /** The sections of {@code file}, read at {@code ref} as {@code at} (the probe's path, or where it went). */
    private Sections scan(Ref ref, String at, SourceFile file) throws SourceException {
        List<String> lines = file.lines();
        List<Evidence> evidence = new ArrayList<>();
        String current = null;
        int sections = 0;
        for (int i = 0; i < lines.size() && evidence.size() < max; i++) {
            Matcher heading = section.pattern().matcher(lines.get(i));
            if (heading.find()) {
                sections++;
                if (scope == Scope.NEWEST && sections > 1) {
                    break;
                }
                current = heading.groupCount() >= 1 && heading.group(1) != null ? heading.group(1) : lines.get(i).strip();
                continue;
            }
            if (current != null && pattern.foundIn(lines.get(i))) {
                SourceFile.Line line = file.line(i + 1);
                String summary = Templates.fill(Optional.ofNullable(says.found())
                        .orElse("{repo} {release} {path}, section {section}: {what}"), values(ref, at, current));
                evidence.add(this.found.qualify(Evidence.of(this.found.signal(), "github", line.url(),
                        ref.evidenceDate(), summary).quoting(line.stripped())));
            }
        }
        return new Sections(sections, evidence);
    }

    /**
     * No note against an entry saying ready (or one the page lacks): an older section naming it shows the feature
     * is no newer news, not absent; otherwise the history of the file's matching lines decides: a deletion is cited
     * by its commit; a move or rename is followed, the file it went to read by section at the same ref (the change
     * cited as context); a history that never had such lines leaves the absence as mapped; a history that does not
     * say is "could not look".
     */
    private ProbeResult proven(ProbeRun run, Ref ref, SourceFile file) throws SourceException {
        if (file.firstMatching(pattern.pattern()).isPresent()) {
            return ProbeResult.of(List.of());
        }
        AbsenceProof.Outcome outcome = AbsenceProof.ask(run, repo, ref,
                PathHistory.Subject.lines(path, AbsenceProof.marker(pattern)), what);
        if (outcome instanceof AbsenceProof.Follow follow) {
            Optional<SourceFile> there = run.context().github().document(repo, ref.ref(), follow.path());
            Sections sections = there.isPresent() ? scan(ref, follow.path(), there.get()) : new Sections(0, List.of());
            if (sections.evidence().isEmpty()) {
                return new ProbeResult(List.of(follow.how()), Optional.of(path + " went to " + follow.path()
                        + ", which has no " + (sections.count() == 0 ? "section heading matching '" + section + "'"
                        : "line with " + what) + " at " + ref.label() + " either"));
            }
            List<Evidence> evidence = new ArrayList<>(sections.evidence());
            evidence.add(follow.how());
            return ProbeResult.of(evidence);
        }
        if (outcome instanceof AbsenceProof.Deleted deleted) {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(missing(ref, file, " (last in " + deleted.had() + ")"));
            evidence.addAll(deleted.proof());
            return ProbeResult.of(evidence);
        }
        if (outcome instanceof AbsenceProof.NotProven notProven) {
            return ProbeResult.couldNotLook(notProven.reason());
        }
        return ProbeResult.of(missing(ref, file, ""));
    }

    private Evidence missing(Ref ref, SourceFile file, String suffix) throws SourceException {
        Optional<LocalDate> date = ref.evidenceDate();
        String summary = Templates.fill(Optional.ofNullable(says.missing()).orElse(scope == Scope.NEWEST
                ? "{repo} {release}: no line of the newest section of {path} has {what}"
                : "{repo} {release}: no line of {path} has {what}"), values(ref, path, "")) + suffix;
        return missing.get().qualify(Evidence.of(missing.get().signal(), "github", file.url(), date, summary));
    }

    private Map<String, String> values(Ref ref, String at, String sectionName) {
        return Map.of("repo", repo, "release", ref.label(), "path", at, "what", what, "section", sectionName);
    }
}
