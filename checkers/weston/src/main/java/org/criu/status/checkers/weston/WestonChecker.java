package org.criu.status.checkers.weston;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.GitLabClient.MergeRequest;
import org.criu.status.core.source.GitLabClient.Release;
import org.criu.status.core.source.GitLabClient.Tag;
import org.criu.status.core.source.GitLabClient;
import org.criu.status.core.source.SourceFile;
import org.criu.status.core.source.Versions;
import org.criu.status.core.spi.Canary;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;

/**
 * Weston, the Wayland reference compositor, would let CRIU checkpoint graphical applications; its real
 * upstream is wayland/weston on gitlab.freedesktop.org (the GitHub mirror stopped in 2021). Ready means a
 * release carries CRIU (a build option or its release notes); see this module's README.
 */
public final class WestonChecker implements Checker {

    static final String PROJECT = "wayland/weston";
    /** Every optional Weston feature is a meson option; newer meson also reads meson.options. */
    static final List<String> OPTION_FILES = List.of("meson_options.txt", "meson.options");
    /** X.Y.Z with Z below 90: Weston numbers alphas and release candidates x.y.91 to x.y.99. */
    private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+\\.[1-8]?\\d");
    private static final Pattern CRIU = Pattern.compile("(?i)\\bcriu\\b");

    @Override
    public String id() {
        return "weston";
    }

    /** Measured alone at 300 ms per request (docs/PERFORMANCE.md): tags, releases, the build options at the newest tag, merge requests. */
    @Override
    public int expectedDepth() {
        return 4;
    }

    @Override
    public List<String> covers() {
        return List.of("Wayland/Weston", "Weston", "Wayland");
    }

    @Override
    public List<String> sources() {
        return List.of("GitLab gitlab.freedesktop.org wayland/weston: tags, releases, merge requests",
                "wayland/weston meson_options.txt at the newest release");
    }

    /** Weston 9.0.0 declares its build options in meson_options.txt, the file the probe reads. */
    @Override
    public List<Canary> canaries() {
        return List.of(Canary.gitLabFile("Weston 9.0.0 declares its build options (backend-drm) in meson_options.txt",
                GitLabClient.FREEDESKTOP, PROJECT, "9.0.0", OPTION_FILES.get(0), "^\\s*'backend-drm',"));
    }

    @Override
    public CheckResult check(Integration integration, CheckContext context) throws SourceException {
        GitLabClient gitlab = context.gitlab();
        Optional<Tag> newest = Versions.newestFirst(gitlab.tags(PROJECT, 1), Tag::name, RELEASE).stream().findFirst();
        if (newest.isEmpty()) {
            return CheckResult.couldNotLook("no release tags (X.Y.Z) in " + PROJECT + " on " + gitlab.baseUrl());
        }
        Tag release = newest.get();
        Optional<LocalDate> releaseDay = release.day();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of(Signal.CONTEXT, "gitlab", gitlab.tagUrl(PROJECT, release.name()), releaseDay,
                "newest Weston release: " + release.name()));

        Optional<String> optionFile = Optional.empty();
        Optional<Evidence> option = Optional.empty();
        for (String file : OPTION_FILES) {
            Optional<SourceFile> options = gitlab.document(PROJECT, release.name(), file);
            if (options.isPresent()) {
                optionFile = Optional.of(file);
                option = criuOption(release, file, options.get());
                break;
            }
        }
        option.ifPresent(evidence::add);
        List<Release> releases = gitlab.releases(PROJECT);
        Optional<Evidence> notes = releaseNotes(releases);
        notes.ifPresent(evidence::add);
        List<Evidence> work = mergeRequests(gitlab, release);
        evidence.addAll(work);

        if (option.isEmpty() && notes.isEmpty() && work.isEmpty()) {
            // Absence, said of each place read; two places make it more than one file's word.
            String where = optionFile.map(f -> release.name() + ": no CRIU build option in " + f)
                    .orElse(release.name() + ": no meson options file");
            if (!releases.isEmpty()) {
                where += "; none of " + releases.size() + " release notes mentions CRIU";
            }
            evidence.add(Evidence.of(Signal.ABSENT, "gitlab",
                    gitlab.blobUrl(PROJECT, release.name(), optionFile.orElse(OPTION_FILES.get(0))), releaseDay, where));
            evidence.add(Evidence.undated(Signal.ABSENT, "gitlab", mergeRequestSearchUrl(gitlab),
                    "no merge request mentions CRIU"));
        }
        return CheckResult.evidence(evidence);
    }

    /**
     * A CRIU line in the newest release's meson options: the feature ships, dated by the release. The quote is
     * the whole {@code option(...)} block the line sits in, condensed to one line.
     */
    private static Optional<Evidence> criuOption(Tag release, String file, SourceFile options) {
        String[] lines = options.lines().toArray(String[]::new);
        for (int i = 0; i < lines.length; i++) {
            if (!CRIU.matcher(lines[i]).find() || lines[i].strip().startsWith("#")) {
                continue;
            }
            int start = i;
            String quote = lines[i].strip();
            int open = optionStart(lines, i);
            if (open >= 0) {
                start = open;
                StringBuilder block = new StringBuilder();
                for (int j = open; j < lines.length; j++) {
                    block.append(' ').append(lines[j].strip());
                    if (j > open && lines[j].strip().startsWith(")")) {
                        break;
                    }
                }
                quote = block.toString().strip().replace("( ", "(").replace(" )", ")");
            }
            return Optional.of(Evidence.of(Signal.RELEASED, "gitlab", options.line(start + 1).url(), release.day(),
                    release.name() + " has a CRIU build option in " + file).quoting(quote));
        }
        return Optional.empty();
    }

    /** The line opening the {@code option(} block that holds line {@code at}, or -1 when it is not in one. */
    private static int optionStart(String[] lines, int at) {
        for (int j = at; j >= 0 && at - j < 10; j--) {
            String line = lines[j].strip();
            if (line.startsWith("option(")) {
                return j;
            }
            if (j < at && line.startsWith(")")) {
                return -1;
            }
        }
        return -1;
    }

    /** The newest release whose notes mention CRIU. */
    private static Optional<Evidence> releaseNotes(List<Release> releases) {
        for (Release r : releases) {
            Optional<String> line = r.description().lines().filter(l -> CRIU.matcher(l).find()).findFirst();
            if (line.isPresent() && RELEASE.matcher(r.tagName()).matches()) {
                return Optional.of(Evidence.of(Signal.RELEASED, "gitlab", r.webUrl(), r.day(),
                        r.tagName() + " release notes mention CRIU").quoting(line.get().strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * Merge requests about CRIU: merged before the newest release means shipped; merged after it or still
     * open means work in progress (dated by its last activity, so old open work reads as stalled); closed
     * unmerged means an abandoned attempt.
     */
    private static List<Evidence> mergeRequests(GitLabClient gitlab, Tag release) throws SourceException {
        List<Evidence> found = new ArrayList<>();
        Instant released = release.date().orElse(Instant.MIN);
        for (MergeRequest mr : gitlab.mergeRequests(PROJECT, "criu")) {
            if (!CRIU.matcher(mr.title()).find() && !CRIU.matcher(mr.description()).find()) {
                continue;
            }
            String quote = "!" + mr.iid() + " " + mr.title() + " (" + mr.state() + ")";
            Signal signal;
            Instant when;
            if (mr.mergedAt().isPresent()) {
                when = mr.mergedAt().get();
                signal = when.isAfter(released) ? Signal.IN_DEVELOPMENT : Signal.RELEASED;
                quote += when.isAfter(released) ? ", merged after " + release.name() : ", merged before " + release.name();
            } else if ("opened".equals(mr.state())) {
                when = mr.updatedAt();
                signal = Signal.IN_DEVELOPMENT;
            } else {
                when = mr.closedAt().orElse(mr.updatedAt());
                signal = Signal.INACTIVE;
            }
            found.add(Evidence.dated(signal, "gitlab", mr.webUrl(), day(when), quote));
        }
        return found;
    }

    private static String mergeRequestSearchUrl(GitLabClient gitlab) {
        return gitlab.webUrl(PROJECT) + "/-/merge_requests?scope=all&state=all&search=criu";
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
