package org.criu.status.checkers.fileutility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * The file utility recognises CRIU images through its magic database ({@code magic/Magdir/linux}).
 * Ready means a released {@code FILE5_NN} tag ships CRIU magic; see this module's README.
 */
public final class FileUtilityChecker implements Checker {

    static final String REPO = "file/file";
    static final String MAGIC = "magic/Magdir/linux";
    static final String REPOLOGY_PROJECT = "file";
    private static final Pattern RELEASE = Pattern.compile("FILE\\d+_\\d+");
    private static final Pattern CRIU = Pattern.compile("\\bCRIU\\b");
    private static final Pattern VERSION_IN_NOTES = Pattern.compile("\\b(\\d+)\\.(\\d+)\\b");

    @Override
    public String id() {
        return "file-utility";
    }

    @Override
    public List<String> covers() {
        return List.of("The file utility", "file");
    }

    @Override
    public List<String> sources() {
        return List.of("GitHub file/file tags (FILE5_NN)", "file/file magic/Magdir/linux at the newest release",
                "Repology project 'file' (distribution package versions, context)");
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Tag> releases = Versions.newestFirst(github.tags(REPO, 1), Tag::name, RELEASE);
        if (releases.isEmpty()) {
            return CheckResult.couldNotLook("no FILE<major>_<minor> release tags in " + REPO);
        }
        Tag latest = releases.get(0);
        List<Evidence> evidence = new ArrayList<>();
        Optional<Evidence> atLatest = magicEvidence(github, latest, Signal.RELEASED);
        if (atLatest.isPresent()) {
            evidence.add(atLatest.get());
        }
        // The page names the first release with CRIU magic ("starting from 5.23"); check that claim too.
        Optional<Tag> claimed = claimedRelease(integration, releases);
        Tag oldestWithMagic = latest;
        if (claimed.isPresent() && !claimed.get().equals(latest)) {
            Optional<Evidence> atClaimed = magicEvidence(github, claimed.get(), Signal.RELEASED);
            if (atClaimed.isPresent()) {
                oldestWithMagic = claimed.get();
            }
            if (atClaimed.isPresent() && atLatest.isEmpty()) {
                // Shipped once, gone from the newest release: removed, dated by the newest release.
                evidence.add(Evidence.of(Signal.REMOVED, "github", GitHubClient.blobUrl(REPO, latest.name(), MAGIC),
                        dateOf(github, latest), latest.name() + ": no CRIU magic in " + MAGIC
                                + " (present in " + claimed.get().name() + ")"));
                atClaimed.map(e -> e.as(Signal.CONTEXT)).ifPresent(evidence::add);
            } else {
                atClaimed.ifPresent(evidence::add);
            }
        }
        if (atLatest.isPresent()) {
            // Editors' readers install file from their distribution: say which ones carry a release with the magic.
            distroPackages(context.repology(), oldestWithMagic.name()).ifPresent(evidence::add);
        }
        if (evidence.isEmpty()) {
            Optional<SourceFile.Line> line = github.document(REPO, "HEAD", MAGIC).flatMap(FileUtilityChecker::firstCriuLine);
            if (line.isPresent()) {
                evidence.add(Evidence.undated(Signal.IN_DEVELOPMENT, "github", line.get().url(),
                        "CRIU magic on the default branch, in no release after " + latest.name())
                        .quoting(condensed(line.get())));
            } else {
                evidence.add(Evidence.of(Signal.ABSENT, "github", GitHubClient.blobUrl(REPO, latest.name(), MAGIC),
                        dateOf(github, latest), latest.name() + " and HEAD: no CRIU magic in " + MAGIC));
            }
        }
        return CheckResult.evidence(evidence);
    }

    /**
     * Repology's packages of file at or above {@code sinceTag}'s version, as context. Context only, so a
     * Repology failure does not fail a check the release tags already decide; it is said on the finding.
     */
    private static Optional<Evidence> distroPackages(RepologyClient repology, String sinceTag) {
        List<RepologyClient.Package> packages;
        try {
            packages = repology.packages(REPOLOGY_PROJECT);
        } catch (SourceException e) {
            return Optional.of(Evidence.couldNotRead("repology", RepologyClient.projectUrl(REPOLOGY_PROJECT),
                    "Repology's packages of file", e));
        }
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        String since = Versions.version(sinceTag).orElseThrow();
        List<RepologyClient.Package> carrying = packages.stream()
                .filter(p -> Versions.compare(p.version(), since) >= 0).toList();
        String examples = carrying.stream().limit(4).map(p -> p.repo() + " " + p.version())
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of(Evidence.undated(Signal.CONTEXT, "repology", RepologyClient.projectUrl(REPOLOGY_PROJECT),
                carrying.size() + " of " + packages.size() + " packaged versions of file are " + since
                        + " or newer, with CRIU magic" + (examples.isEmpty() ? "" : " (" + examples + ")")));
    }

    private Optional<Evidence> magicEvidence(GitHubClient github, Tag tag, Signal signal) throws SourceException {
        Optional<SourceFile.Line> line = github.document(REPO, tag.name(), MAGIC)
                .flatMap(FileUtilityChecker::firstCriuLine);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Evidence.of(signal, "github", line.get().url(), dateOf(github, tag),
                tag.name() + " ships CRIU magic in " + MAGIC).quoting(condensed(line.get())));
    }

    /** The first magic entry naming CRIU (a comment line is no entry). */
    private static Optional<SourceFile.Line> firstCriuLine(SourceFile magic) {
        return magic.firstMatching(l -> CRIU.matcher(l).find() && !l.startsWith("#"));
    }

    /** A magic line with its tab-aligned columns condensed to single spaces, as a reader quotes it. */
    private static String condensed(SourceFile.Line line) {
        return line.text().replaceAll("\\s+", " ").strip();
    }

    private static Optional<java.time.LocalDate> dateOf(GitHubClient github, Tag tag) throws SourceException {
        return github.tagDate(REPO, tag).map(GitHubClient.Commit::day);
    }

    /** The release the page's notes name ("File utility starting from 5.23"), if it exists as a tag. */
    private static Optional<Tag> claimedRelease(Integration integration, List<Tag> releases) {
        Matcher m = VERSION_IN_NOTES.matcher(integration.notesText());
        while (m.find()) {
            String name = "FILE" + m.group(1) + "_" + m.group(2);
            Optional<Tag> tag = releases.stream().filter(t -> t.name().equals(name)).findFirst();
            if (tag.isPresent()) {
                return tag;
            }
        }
        return Optional.empty();
    }
}
