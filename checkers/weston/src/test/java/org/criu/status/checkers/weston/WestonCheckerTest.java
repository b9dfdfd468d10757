package org.criu.status.checkers.weston;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.criu.status.core.testkit.GitLabFixtures.ReleaseSpec;
import org.criu.status.core.testkit.GitLabFixtures.TagSpec;
import org.criu.status.core.testkit.GitLabFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs against WireMock on loopback: the kit (SourceServer) rewrites each real origin to it. */
class WestonCheckerTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String HOST = "https://gitlab.freedesktop.org";
    private static final String API = HOST + "/api/v4/projects/wayland%2Fweston";
    private static final String TAGS = API + "/repository/tags?per_page=100";
    private static final String OPTIONS_AT_9 = API + "/repository/files/meson_options.txt/raw?ref=9.0.0";
    private static final String RELEASES = API + "/releases?per_page=100";
    private static final String MERGE_REQUESTS = API + "/merge_requests?state=all&per_page=100&search=criu";
    private static final Integration PAGE_ENTRY = entry("Wayland/Weston", "stalled",
            "Ruslan Kuprieiev plans to patch Weston to let CRIU C/R graphical apps");

    private final WestonChecker checker = new WestonChecker();

    private static String fixture(String name) {
        return SourceServer.fixture(WestonCheckerTest.class, name);
    }

    /** GitLab as it answers today: releases up to 9.0.0 in the tags, no CRIU anywhere, no release entries. */
    private void gitLabAsToday() {
        server.onGet(TAGS).json(fixture("tags-today.json"));
        server.onGet(OPTIONS_AT_9).text(fixture("meson-options-today.txt"));
        server.onGet(RELEASES).json("[]");
        server.onGet(MERGE_REQUESTS).json("[]");
    }

    @Test
    void coversTheHeadingsEditorsUse() {
        assertThat(HeadingMatcher.matches("Wayland/Weston", checker.covers())).isTrue();
        assertThat(HeadingMatcher.matches("Weston", checker.covers())).isTrue();
        assertThat(checker.id()).isEqualTo("weston");
    }

    @Test
    void confirmsStalledWhenNoReleaseCarriesCriu() {
        gitLabAsToday();

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.confidence()).as("absence seen in two places").contains(Confidence.MEDIUM);
        assertThat(finding.evidence()).filteredOn(e -> e.signal() == Signal.ABSENT).extracting(Evidence::quote)
                .containsExactly("9.0.0: no CRIU build option in meson_options.txt", "no merge request mentions CRIU");
        Evidence newest = finding.evidence().stream().filter(e -> e.signal() == Signal.CONTEXT).findFirst().orElseThrow();
        assertThat(newest.quote()).isEqualTo("newest Weston release: 9.0.0");
        assertThat(newest.url()).isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/tags/9.0.0");
        assertThat(newest.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2020-09-04"));
        // Only GitLab is read: nothing counts against GitHub's hourly limit.
        assertThat(server.requests()).hasSize(4)
                .allSatisfy(r -> assertThat(r.getUrl()).startsWith("/gitlab.freedesktop.org/api/v4/"));
    }

    @Test
    void suggestsReadyWhenTheNewestReleaseHasACriuBuildOption() {
        gitLabAsToday();
        server.onGet(OPTIONS_AT_9).text(fixture("meson-options-with-criu.txt"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.READY);
        Evidence shipped = finding.evidence().get(0);
        assertThat(shipped.signal()).isEqualTo(Signal.RELEASED);
        assertThat(shipped.quote()).isEqualTo("9.0.0 has a CRIU build option in meson_options.txt");
        assertThat(shipped.excerpt()).contains("option('criu', type: 'boolean', value: false,"
                + " description: 'Compositor: let CRIU checkpoint and restore Wayland clients')");
        assertThat(shipped.url()).isEqualTo(
                "https://gitlab.freedesktop.org/wayland/weston/-/blob/9.0.0/meson_options.txt#L33");
        assertThat(shipped.date()).hasValueSatisfying(d -> assertThat(d).hasToString("2020-09-04"));
    }

    @Test
    void suggestsReadyWhenReleaseNotesAnnounceCriu() {
        gitLabAsToday();
        server.onGet(RELEASES).json(GitLabFixtures.releases(HOST, "wayland/weston", List.of(
                new ReleaseSpec("9.0.0", "9.0.0", "2020-09-04T10:30:00.000Z",
                        "Highlights:\n- PipeWire remoting\n- New CRIU plugin restores Wayland clients"))));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence().get(0).quote()).isEqualTo("9.0.0 release notes mention CRIU");
        assertThat(finding.evidence().get(0).excerpt()).contains("- New CRIU plugin restores Wayland clients");
        assertThat(finding.evidence().get(0).url()).isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/releases/9.0.0");
    }

    @Test
    void suggestsStartedWhenAnOpenMergeRequestMovedRecently() {
        gitLabAsToday();
        server.onGet(MERGE_REQUESTS).json("""
                [{"id":1,"iid":1700,"project_id":220,"title":"libweston: checkpoint/restore clients with CRIU",
                  "description":"","state":"opened","created_at":"2026-09-01T10:00:00.000Z",
                  "updated_at":"2026-10-20T10:00:00.000Z","merged_at":null,"closed_at":null,
                  "web_url":"https://gitlab.freedesktop.org/wayland/weston/-/merge_requests/1700"}]""");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.SUGGESTED);
        assertThat(finding.suggestedStatus()).contains(Status.STARTED);
        assertThat(finding.evidence().get(0).quote())
                .isEqualTo("!1700 libweston: checkpoint/restore clients with CRIU (opened)");
    }

    @Test
    void aWordInsideAnotherWordIsNotCriu() {
        gitLabAsToday();
        server.onGet(MERGE_REQUESTS).json("""
                [{"iid":9,"title":"po: update Catalan (escriu)","description":"","state":"merged",
                  "created_at":"2019-01-01T00:00:00Z","updated_at":"2019-01-02T00:00:00Z",
                  "merged_at":"2019-01-02T00:00:00Z","closed_at":null,
                  "web_url":"https://gitlab.freedesktop.org/wayland/weston/-/merge_requests/9"}]""");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(finding.evidence()).noneMatch(e -> e.quote().contains("escriu"));
    }

    @Test
    void releaseCandidatesAreNotReleases() {
        server.onGet(TAGS).json(GitLabFixtures.tags(HOST, "wayland/weston", List.of(
                new TagSpec("9.0.93", "13f501c51b536256e935eefc9bde7922c5bdd7e3", "2020-08-27T23:00:54+02:00"),
                new TagSpec("9.0.0", "04d3ae265d8d8f84352c8dac21ec40b2fe07e7d2", "2020-09-04T12:22:00+02:00"),
                new TagSpec("10.0.91", "905ddbb3b0708ec5d0277b698a357f84c840d9d9", "2021-01-10T12:00:00+01:00"))));
        server.onGet(OPTIONS_AT_9).text(fixture("meson-options-today.txt"));
        server.onGet(RELEASES).json("[]");
        server.onGet(MERGE_REQUESTS).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.evidence()).anyMatch(e -> e.quote().equals("newest Weston release: 9.0.0"));
    }

    @Test
    void readsMesonOptionsWhenTheOldFileNameIsGone() {
        gitLabAsToday();
        server.onGet(OPTIONS_AT_9).notFound();
        server.onGet(API + "/repository/files/meson.options/raw?ref=9.0.0").text(fixture("meson-options-with-criu.txt"));

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.suggestedStatus()).contains(Status.READY);
        assertThat(finding.evidence().get(0).url()).contains("/-/blob/9.0.0/meson.options#L");
    }

    @Test
    void unverifiedWithTheUrlWhenGitLabFails() {
        server.onGet(TAGS).status(503);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains(TAGS).contains("503"));
    }

    @Test
    void unverifiedWhenALaterRequestFails() {
        gitLabAsToday();
        server.onGet(MERGE_REQUESTS).status(500);

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.suggestedStatus()).isEmpty();
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("merge_requests").contains("500"));
    }

    @Test
    void unverifiedWhenThereIsNoReleaseTag() {
        server.onGet(TAGS).json("[]");

        Finding finding = server.finding(checker, PAGE_ENTRY);

        assertThat(finding.verdict()).isEqualTo(Verdict.UNVERIFIED);
        assertThat(finding.error()).hasValueSatisfying(e -> assertThat(e).contains("no release tags"));
    }
}
