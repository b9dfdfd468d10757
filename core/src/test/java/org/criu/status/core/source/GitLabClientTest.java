package org.criu.status.core.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.testkit.GitLabFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GitLabClientTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static final String API = "https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fweston";
    private static final String TAGS = API + "/repository/tags?per_page=100";

    private GitLabClient client() {
        return server.context().gitlab();
    }

    private static String fixture(String name) {
        return SourceServer.fixture(GitLabClientTest.class, name);
    }

    @Test
    void projectIsReadByItsUrlEncodedPath() throws Exception {
        server.onGet(API).json(fixture("gitlab-project-ok.json"));

        GitLabClient.Project project = client().project("wayland/weston").orElseThrow();

        assertThat(project.id()).isEqualTo(220);
        assertThat(project.pathWithNamespace()).isEqualTo("wayland/weston");
        assertThat(project.webUrl()).isEqualTo("https://gitlab.freedesktop.org/wayland/weston");
        assertThat(project.defaultBranch()).isEqualTo("main");
        assertThat(project.archived()).isFalse();
        assertThat(project.lastActivityAt()).contains(Instant.parse("2026-08-20T09:14:02.118Z"));
        assertThat(server.requests().get(0).getUrl()).endsWith("/projects/wayland%2Fweston");
    }

    @Test
    void projectNotFoundIsEmpty() throws Exception {
        server.onGet(API).respond(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"404 Project Not Found\"}"));

        assertThat(client().project("wayland/weston")).isEmpty();
    }

    @Test
    void tagsCarryTheirDatesAndReleaseNotes() throws Exception {
        server.onGet(TAGS).json(fixture("gitlab-tags-ok.json"));

        List<GitLabClient.Tag> tags = client().tags("wayland/weston", 1);

        assertThat(tags).extracting(GitLabClient.Tag::name).containsExactly("9.0.0", "8.0.93", "8.0.0");
        GitLabClient.Tag newest = tags.get(0);
        assertThat(newest.commitSha()).isEqualTo("04d3ae265d8d8f84352c8dac21ec40b2fe07e7d2");
        assertThat(newest.date()).contains(Instant.parse("2020-09-04T10:22:00Z"));
        assertThat(newest.day()).contains(LocalDate.of(2020, 9, 4));
        assertThat(newest.releaseDescription()).contains("Weston 9.0.0 is released.");
        assertThat(tags.get(1).releaseDescription()).isEmpty();
        // An annotated tag's own creation time wins over its commit's date.
        assertThat(tags.get(2).date()).contains(Instant.parse("2020-01-24T21:00:00Z"));
    }

    @Test
    void tagsFollowXNextPageUpToTheLimit() throws Exception {
        String one = GitLabFixtures.tags(GitLabClient.FREEDESKTOP, "wayland/weston",
                List.of(new GitLabFixtures.TagSpec("9.0.0", "04d3ae265d8d8f84352c8dac21ec40b2fe07e7d2",
                        "2020-09-04T12:22:00.000+02:00")));
        String two = GitLabFixtures.tags(GitLabClient.FREEDESKTOP, "wayland/weston",
                List.of(new GitLabFixtures.TagSpec("1.6.93", "82d19aabc87a3040edb96c0bda0ef27c4edb26b8",
                        "2015-02-06T18:19:36-08:00")));
        server.onGet(TAGS).json(one, Map.of("X-Next-Page", "2", "X-Page", "1", "X-Total-Pages", "3"));
        server.onGet(TAGS + "&page=2").json(two, Map.of("X-Next-Page", "3", "X-Page", "2"));

        assertThat(client().tags("wayland/weston", 2)).extracting(GitLabClient.Tag::name)
                .containsExactly("9.0.0", "1.6.93");
        assertThat(server.requestsFor(TAGS + "&page=3")).isZero();
    }

    @Test
    void tagsFollowALinkHeaderWhenGiven() throws Exception {
        String next = API + "/repository/tags?id=wayland%2Fweston&page=2&per_page=100";
        server.onGet(TAGS).json(GitLabFixtures.tags(GitLabClient.FREEDESKTOP, "wayland/weston",
                        List.of(new GitLabFixtures.TagSpec("9.0.0", "04d3ae26", "2020-09-04T12:22:00+02:00"))),
                Map.of("Link", "<" + server.baseFor(GitLabClient.FREEDESKTOP) + next.substring(
                        GitLabClient.FREEDESKTOP.length()) + ">; rel=\"next\"", "X-Next-Page", "2"));
        server.onGet(next).json("[]", Map.of("X-Next-Page", ""));

        assertThat(client().tags("wayland/weston", 5)).hasSize(1);
        assertThat(server.requestsFor(next)).isEqualTo(1);
    }

    @Test
    void noTagsAndUnknownProjectAreBothEmpty() throws Exception {
        server.onGet(TAGS).json("[]");
        server.onGet("https://gitlab.freedesktop.org/api/v4/projects/wayland%2Fgone/repository/tags?per_page=100")
                .notFound();

        assertThat(client().tags("wayland/weston", 1)).isEmpty();
        assertThat(client().tags("wayland/gone", 1)).isEmpty();
    }

    @Test
    void serverErrorFailsNamingTheUrl() {
        server.onGet(TAGS).status(503);

        assertThatThrownBy(() -> client().tags("wayland/weston", 1))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(TAGS).hasMessageContaining("503")
                .satisfies(e -> assertThat(((SourceException) e).url()).isEqualTo(TAGS));
    }

    @Test
    void rateLimitFailsWithRetryAfter() {
        server.onGet(TAGS).respond(aResponse().withStatus(429).withHeader("Retry-After", "60"));

        assertThatThrownBy(() -> client().tags("wayland/weston", 1))
                .isInstanceOf(SourceException.class).hasMessageContaining("429").hasMessageContaining("60");
    }

    @Test
    void malformedJsonFails() {
        server.onGet(TAGS).json("[{\"name\": \"9.0.0\", \"commit\": ");

        assertThatThrownBy(() -> client().tags("wayland/weston", 1))
                .isInstanceOf(SourceException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void anHtmlPageServedWith200IsNotData() {
        server.onGet(TAGS).html("<!DOCTYPE html><html><head><title>Sign in · GitLab</title></head><body></body></html>");

        assertThatThrownBy(() -> client().tags("wayland/weston", 1))
                .isInstanceOf(SourceException.class).hasMessageContaining("returned an HTML page (text/html), not JSON");
    }

    @Test
    void releasesCarryDateNotesAndTheirPage() throws Exception {
        server.onGet(API + "/releases?per_page=100").json(fixture("gitlab-releases-ok.json"));

        List<GitLabClient.Release> releases = client().releases("wayland/weston");

        assertThat(releases).hasSize(2);
        GitLabClient.Release r = releases.get(0);
        assertThat(r.tagName()).isEqualTo("9.0.0");
        assertThat(r.day()).contains(LocalDate.of(2020, 9, 4));
        assertThat(r.description()).contains("PipeWire remoting plugin");
        assertThat(r.webUrl()).isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/releases/9.0.0");
        // Without _links the page is built from the project path.
        assertThat(releases.get(1).webUrl()).isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/releases/8.0.0");
    }

    @Test
    void releasesFailOnA5xx() {
        server.onGet(API + "/releases?per_page=100").status(500);

        assertThatThrownBy(() -> client().releases("wayland/weston")).isInstanceOf(SourceException.class)
                .hasMessageContaining("500");
    }

    @Test
    void treeListsADirectoryAtARef() throws Exception {
        server.onGet(API + "/repository/tree?per_page=100&ref=9.0.0&path=libweston").json(fixture("gitlab-tree-ok.json"));

        List<GitLabClient.TreeEntry> entries = client().tree("wayland/weston", "9.0.0", "libweston").orElseThrow();

        assertThat(entries).extracting(GitLabClient.TreeEntry::name)
                .containsExactly("backend-drm", "backend-headless", "compositor.c", "meson.build");
        assertThat(entries.get(0).type()).isEqualTo("tree");
        assertThat(entries.get(2).path()).isEqualTo("libweston/compositor.c");
    }

    @Test
    void treeOfAMissingDirectoryIsEmpty() throws Exception {
        server.onGet(API + "/repository/tree?per_page=100&ref=9.0.0&path=criu").respond(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 Tree Not Found\"}"));
        server.onGet(API + "/repository/tree?per_page=100&ref=9.0.0").json("[]");

        assertThat(client().tree("wayland/weston", "9.0.0", "criu")).isEmpty();
        assertThat(client().tree("wayland/weston", "9.0.0", "")).contains(List.of());
    }

    @Test
    void fileIsReadRawWithItsPathEncoded() throws Exception {
        server.onGet(API + "/repository/files/libweston%2Fmeson.build/raw?ref=9.0.0").text("project('weston')\n");
        server.onGet(API + "/repository/files/meson_options.txt/raw?ref=main").respond(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 File Not Found\"}"));

        assertThat(client().file("wayland/weston", "9.0.0", "libweston/meson.build")).contains("project('weston')\n");
        assertThat(client().file("wayland/weston", "main", "meson_options.txt")).isEmpty();
    }

    @Test
    void mergeRequestsAreSearchedInEveryState() throws Exception {
        server.onGet("https://gitlab.freedesktop.org/api/v4/projects/example%2Fproject/merge_requests"
                + "?state=all&per_page=100&search=criu").json(fixture("gitlab-merge-requests-ok.json"));

        List<GitLabClient.MergeRequest> found = client().mergeRequests("example/project", "criu");

        assertThat(found).extracting(GitLabClient.MergeRequest::iid).containsExactly(12L, 15L);
        assertThat(found.get(0).state()).isEqualTo("closed");
        assertThat(found.get(0).description()).startsWith("An example merge request");
        assertThat(found.get(0).updatedAt()).isEqualTo(Instant.parse("2021-03-10T14:02:01Z"));
        assertThat(found.get(0).closedAt()).contains(Instant.parse("2021-03-10T14:02:01Z"));
        assertThat(found.get(0).mergedAt()).isEmpty();
        assertThat(found.get(1).mergedAt()).contains(Instant.parse("2022-01-20T10:00:00Z"));
        assertThat(found.get(1).webUrl()).endsWith("/example/project/-/merge_requests/15");
    }

    @Test
    void anotherHostIsReachedThroughOnHost() throws Exception {
        server.origin("https://gitlab.com");
        server.onGet("https://gitlab.com/api/v4/projects/group%2Fapp/repository/tags?per_page=100").json("[]");

        GitLabClient gitlabCom = client().onHost("https://gitlab.com/");

        assertThat(gitlabCom.tags("group/app", 1)).isEmpty();
        assertThat(gitlabCom.blobUrl("group/app", "v1", "README.md"))
                .isEqualTo("https://gitlab.com/group/app/-/blob/v1/README.md");
    }

    @Test
    void webUrlsAreThoseAPersonOpens() {
        GitLabClient gitlab = new GitLabClient(null);
        assertThat(gitlab.tagUrl("wayland/weston", "9.0.0"))
                .isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/tags/9.0.0");
        assertThat(gitlab.blobUrl("wayland/weston", "9.0.0", "meson_options.txt"))
                .isEqualTo("https://gitlab.freedesktop.org/wayland/weston/-/blob/9.0.0/meson_options.txt");
    }
}
