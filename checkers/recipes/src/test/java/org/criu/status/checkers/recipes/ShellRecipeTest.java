package org.criu.status.checkers.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.core.testkit.GitHubFixtures.commit;
import static org.criu.status.core.testkit.SourceServer.entry;

import java.util.List;
import org.criu.status.core.model.Confidence;
import org.criu.status.core.model.Evidence;
import org.criu.status.core.model.Finding;
import org.criu.status.core.model.Integration;
import org.criu.status.core.model.Signal;
import org.criu.status.core.model.Status;
import org.criu.status.core.model.Verdict;
import org.criu.status.core.spi.HeadingMatcher;
import org.criu.status.core.testkit.GitHubFixtures.TagSpec;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock: the kit (SourceServer) rewrites each real origin to the local server. */
class ShellRecipeTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String TAGS = "https://api.github.com/repos/bminor/bash/tags?per_page=100";
    private static final String SHA_53 = "b8c60bc9ca365f8261fa97900b6fa939f6ebc303";
    private static final String RAW = "https://raw.githubusercontent.com/bminor/bash/bash-5.3/";
    private static final Integration PAGE_ENTRY = entry("Shell", "not started",
            "It would be nice to have bash (or other shell) to launch criu with --restore-sibling option and get"
                    + " new kid processes from it. Right now we workaround it with \"shell jobs\".");

    private final org.criu.status.core.recipe.RecipeChecker checker = Bundled.recipe("shell");

    private static String fixture(String name) {
        return Bundled.fixture("shell", name);
    }

    private void releasesAsToday() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        // The canary, read before an absence is trusted: bash-5.2's NEWS as it begins (verbatim).
        server.onGet("https://raw.githubusercontent.com/bminor/bash/bash-5.2/NEWS").text(fixture("news-5.2-head.txt"));
        server.onGet("https://api.github.com/repos/bminor/bash/commits/" + SHA_53).json(commit("bminor/bash", SHA_53,
                "2025-07-03T16:15:36-04:00", "Bash-5.3 distribution sources and documentation"));
    }

    private void bashAsToday(String news, String changes) {
        releasesAsToday();
        server.onGet(RAW + "NEWS").text(news);
        server.onGet(RAW + "CHANGES").text(changes);
    }

    private long apiRequests() {
        return server.requests().stream().filter(r -> r.getUrl().startsWith("/api.github.com/")).count();
    }

    @Test
    void confirmsNotStartedWhenNeitherNewsNorChangesOfTheNewestReleaseMentionCriu() {
        bashAsToday(fixture("news-bash-5.3.txt"), fixture("changes-bash-5.3.txt"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        // Two documents agree, so absence (low on its own) is medium.
        assertThat(finding.confidence()).contains(Confidence.MEDIUM);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsExactly(Signal.ABSENT, Signal.ABSENT);
        assertThat(finding.evidence()).extracting(Evidence::url).containsExactly(
                "https://github.com/bminor/bash/blob/bash-5.3/NEWS",
                "https://github.com/bminor/bash/blob/bash-5.3/CHANGES");
        assertThat(finding.evidence().get(0).quote()).isEqualTo("bash-5.3 NEWS: no mention of CRIU or restore-sibling");
        assertThat(finding.evidence().get(0).date()).hasValueSatisfying(d -> assertThat(d).hasToString("2025-07-03"));
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void suggestsReadyWhenTheNewestReleaseNewsMentionsCriu() {
        bashAsToday(fixture("news-bash-5.3-with-criu.txt"), fixture("changes-bash-5.3.txt"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.confidence()).contains(Confidence.HIGH);
        Evidence shipped = finding.evidence().get(0);
        assertThat(shipped.signal()).isEqualTo(Signal.RELEASED);
        assertThat(shipped.url()).isEqualTo("https://github.com/bminor/bash/blob/bash-5.3/NEWS#L7");
        assertThat(shipped.quote()).startsWith("bash-5.3 NEWS mentions CRIU");
        assertThat(shipped.excerpt()).hasValueSatisfying(x -> assertThat(x)
                .startsWith("a. New `checkpoint' loadable builtin: asks CRIU"));
    }

    @Test
    void aRestoreSiblingMentionAloneCounts() {
        String changes = fixture("changes-bash-5.3.txt")
                + "\nb. The shell adopts processes given with --restore-sibling as its jobs.\n";
        bashAsToday(fixture("news-bash-5.3.txt"), changes);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence().get(0).url()).startsWith("https://github.com/bminor/bash/blob/bash-5.3/CHANGES#L");
    }

    @Test
    void theCatalanEscriuIsNotCriu() {
        String changes = fixture("changes-bash-5.3.txt")
                + "\nc. po/ca.po: the Catalan messages now say \"escriu\" and \"s'escriu\" consistently.\n";
        bashAsToday(fixture("news-bash-5.3.txt"), changes);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).extracting(Evidence::signal).containsOnly(Signal.ABSENT);
    }

    @Test
    void suggestsNotStartedWhenThePageClaimsReadyButNoReleaseMentionsCriu() {
        bashAsToday(fixture("news-bash-5.3.txt"), fixture("changes-bash-5.3.txt"));
        // Against "ready" the absence is proven first: neither the oldest release listed (bash-4.0) nor the canary's
        // bash-5.2 mentions CRIU either, so there is no history to ask (no comparison requested).
        for (String ref : List.of("bash-4.0", "bash-5.2")) {
            String raw = "https://raw.githubusercontent.com/bminor/bash/" + ref + "/";
            if (!ref.equals("bash-5.2")) {
                server.onGet(raw + "NEWS").text(fixture("news-bash-5.3.txt"));
            }
            server.onGet(raw + "CHANGES").text(fixture("changes-bash-5.3.txt"));
        }

        Finding finding = server.finding(checker, entry("Shell", "ready"));

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.NOT_STARTED);
        assertThat(finding.confidence()).contains(Confidence.MEDIUM);
        assertThat(server.requests()).noneMatch(r -> r.getUrl().contains("/compare/"));
    }

    @Test
    void preReleasesAndOtherTagsAreNotTheNewestRelease() {
        server.onGet("https://raw.githubusercontent.com/bminor/bash/bash-5.2/NEWS").text(fixture("news-5.2-head.txt"));
        // The tags API lists bash-5.3-rc2 and devel-base-dist before bash-5.3; and 5.10 > 5.9 > 4.1.11.
        String sha = "0123456789abcdef0123456789abcdef01234567";
        server.onGet(TAGS).json(GitHubFixtures.tags("bminor/bash", List.of(new TagSpec("devel-base-dist", sha),
                new TagSpec("bash-5.9", sha), new TagSpec("bash-5.10-rc1", sha), new TagSpec("bash-5.10", sha),
                new TagSpec("bash-4.1.11", sha))));
        server.onGet("https://api.github.com/repos/bminor/bash/commits/" + sha)
                .json(commit("bminor/bash", sha, "2030-01-02T10:00:00-05:00", "Bash-5.10"));
        server.onGet("https://raw.githubusercontent.com/bminor/bash/bash-5.10/NEWS").text(fixture("news-bash-5.3.txt"));
        server.onGet("https://raw.githubusercontent.com/bminor/bash/bash-5.10/CHANGES")
                .text(fixture("changes-bash-5.3.txt"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.evidence().get(0).url()).isEqualTo("https://github.com/bminor/bash/blob/bash-5.10/NEWS");
    }

    @Test
    void oneMissingFileLeavesTheOtherAsEvidence() {
        releasesAsToday();
        server.onGet(RAW + "NEWS").text(fixture("news-bash-5.3.txt"));
        server.onGet(RAW + "CHANGES").notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.confidence()).contains(Confidence.LOW);
        assertThat(finding.evidence()).extracting(Evidence::url)
                .containsExactly("https://github.com/bminor/bash/blob/bash-5.3/NEWS");
    }

    @Test
    void unverifiedWhenNeitherFileExistsAtTheNewestRelease() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet(RAW + "NEWS").notFound();
        server.onGet(RAW + "CHANGES").notFound();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).contains("bminor/bash has neither NEWS nor CHANGES at bash-5.3");
    }

    @Test
    void unverifiedWithTheUrlWhenTheTagsCannotBeRead() {
        server.onGet(TAGS).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.evidence()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("500"));
    }

    @Test
    void unverifiedWithTheUrlWhenAFileCannotBeRead() {
        server.onGet(TAGS).json(fixture("tags-ok.json"));
        server.onGet(RAW + "NEWS").status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(RAW + "NEWS").contains("503"));
    }

    @Test
    void unverifiedWhenThereAreNoReleaseTags() {
        server.onGet(TAGS).json(GitHubFixtures.tags("bminor/bash",
                List.of(new TagSpec("devel-base-dist", "0123456789abcdef0123456789abcdef01234567"))));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no release tags"));
    }

    @Test
    void coversTheHeadingsEditorsUse() {
        assertThat(checker.id()).isEqualTo("shell");
        assertThat(HeadingMatcher.matches("Shell", checker.covers())).isTrue();
        assertThat(HeadingMatcher.matches("bash", checker.covers())).isTrue();
        assertThat(HeadingMatcher.matches("Screen/TMUX", checker.covers())).isFalse();
    }
}
