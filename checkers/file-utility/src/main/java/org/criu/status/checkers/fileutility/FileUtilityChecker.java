package org.criu.status.checkers.fileutility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.GitHubClient.Tag;
import org.criu.status.core.source.RepologyClient;
import org.criu.status.core.source.SourceException;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Assessment;
import org.criu.status.core.spi.CheckContext;
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
    public Assessment check(Integration integration, CheckContext context) throws SourceException {
        GitHubClient github = context.github();
        List<Tag> releases = Versions.newestFirst(github.tags(REPO, 1), Tag::name, RELEASE);
        if (releases.isEmpty()) {
            return Assessment.unverified("no FILE<major>_<minor> release tags in " + REPO);
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
                atClaimed.map(e -> new Evidence(Signal.CONTEXT, e.source(), e.url(), e.date(), e.quote(),
                        e.component(), e.qualifier())).ifPresent(evidence::add);
            } else {
                atClaimed.ifPresent(evidence::add);
            }
        }
        if (atLatest.isPresent()) {
            // Editors' readers install file from their distribution: say which ones carry a release with the magic.
            distroPackages(context.repology(), oldestWithMagic.name()).ifPresent(evidence::add);
        }
        if (evidence.isEmpty()) {
            Optional<String> head = github.file(REPO, "HEAD", MAGIC);
            Optional<String> line = head.flatMap(FileUtilityChecker::firstCriuLine);
            if (line.isPresent()) {
                evidence.add(Evidence.of(Signal.IN_DEVELOPMENT, "github", GitHubClient.blobUrl(REPO, "HEAD", MAGIC),
                        null, "unreleased (after " + latest.name() + "): " + line.get()));
            } else {
                evidence.add(Evidence.of(Signal.ABSENT, "github", GitHubClient.blobUrl(REPO, latest.name(), MAGIC),
                        dateOf(github, latest), latest.name() + " and HEAD: no CRIU magic in " + MAGIC));
            }
        }
        return context.rules().assess(integration, evidence);
    }

    /**
     * Repology's packages of file at or above {@code sinceTag}'s version, as context. Context only, so a
     * Repology failure leaves it out rather than failing a check the release tags already decide.
     */
    private static Optional<Evidence> distroPackages(RepologyClient repology, String sinceTag) {
        List<RepologyClient.Package> packages;
        try {
            packages = repology.packages(REPOLOGY_PROJECT);
        } catch (SourceException e) {
            return Optional.empty();
        }
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        String since = Versions.version(sinceTag).orElseThrow();
        List<RepologyClient.Package> carrying = packages.stream()
                .filter(p -> Versions.compare(p.version(), since) >= 0).toList();
        String examples = carrying.stream().limit(4).map(p -> p.repo() + " " + p.version())
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of(Evidence.of(Signal.CONTEXT, "repology", RepologyClient.projectUrl(REPOLOGY_PROJECT), null,
                carrying.size() + " of " + packages.size() + " packaged versions of file are " + since
                        + " or newer, with CRIU magic" + (examples.isEmpty() ? "" : " (" + examples + ")")));
    }

    private Optional<Evidence> magicEvidence(GitHubClient github, Tag tag, Signal signal) throws SourceException {
        Optional<String> magic = github.file(REPO, tag.name(), MAGIC);
        if (magic.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = magic.get().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (CRIU.matcher(lines[i]).find() && !lines[i].startsWith("#")) {
                return Optional.of(Evidence.of(signal, "github",
                        GitHubClient.blobUrl(REPO, tag.name(), MAGIC) + "#L" + (i + 1), dateOf(github, tag),
                        tag.name() + " magic: " + lines[i].replaceAll("\\s+", " ").strip()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstCriuLine(String magic) {
        return magic.lines().filter(l -> CRIU.matcher(l).find() && !l.startsWith("#"))
                .map(l -> l.replaceAll("\\s+", " ").strip()).findFirst();
    }

    private static java.time.LocalDate dateOf(GitHubClient github, Tag tag) throws SourceException {
        return github.tagDate(REPO, tag).map(GitHubClient.Commit::day).orElse(null);
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
