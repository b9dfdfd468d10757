package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.OkHttpClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent cache: a later run asks "changed since?" and unchanged resources come back as bodiless 304s
 * (which GitHub does not count against the hourly limit), or, within GitHub's max-age, not asked at all.
 */
class ConditionalRequestTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    @TempDir
    Path cache;

    private static final String REPO = "file/file";
    private static final String TAGS = "https://api.github.com/repos/file/file/tags?per_page=100";
    private static final String SHA = "eb754ace19fed5481d8142426543100a2d6bae4e";
    private static final String COMMIT = "https://api.github.com/repos/file/file/commits/" + SHA;
    private static final String TAGS_ETAG = "W/\"5b3e0f6a1c\"";
    private static final String COMMIT_ETAG = "W/\"9f2d71e0aa\"";
    private static final String MAGIC = "https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** GitHub's caching headers, dated {@code age} ago (how a response looks to a run that much later). */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder gitHub200(String body, String etag,
                                                                                              Duration age) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Cache-Control", "private, max-age=60, s-maxage=60")
                .withHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP")
                .withHeader("ETag", etag).withHeader("Date", httpDate(age))
                .withBody(body);
    }

    private static String httpDate(Duration age) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minus(age));
    }

    private void stubFileRepo(Duration age) {
        server.onGet(TAGS).respond(gitHub200(GitHubFixtures.tags(REPO,
                List.of(new GitHubFixtures.TagSpec("FILE5_48", SHA))), TAGS_ETAG, age));
        server.onGet(COMMIT).respond(gitHub200(GitHubFixtures.commit(REPO, SHA, "2026-06-08T16:14:23-04:00",
                "PR/123: release 5.48"), COMMIT_ETAG, age));
        server.onConditionalGet(TAGS, TAGS_ETAG).notModified(TAGS_ETAG);
        server.onConditionalGet(COMMIT, COMMIT_ETAG).notModified(COMMIT_ETAG);
    }

    /** One "run": a fresh client on the shared cache folder, the same calls a checker makes, then release. */
    private List<Object> run() throws Exception {
        OkHttpClient client = Http.client(server.httpOptions().withCache(cache)
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8)));
        try {
            GitHubClient github = new GitHubClient(new SourceHttp(client));
            List<GitHubClient.Tag> tags = github.tags(REPO, 1);
            return List.of(tags, github.commit(REPO, tags.get(0).sha()).orElseThrow());
        } finally {
            Http.release(client);
        }
    }

    private List<String> logLines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLaterRunRevalidatesAndUnchangedResourcesComeBackAs304s() throws Exception {
        stubFileRepo(Duration.ofMinutes(5));

        List<Object> first = run();
        server.wireMock().resetRequests();
        log.reset();
        List<Object> second = run();

        assertThat(second).isEqualTo(first);
        server.wireMock().verify(1, getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("If-None-Match", equalTo(TAGS_ETAG)));
        server.wireMock().verify(1, getRequestedFor(urlEqualTo(server.pathFor(COMMIT)))
                .withHeader("If-None-Match", equalTo(COMMIT_ETAG)));
        assertThat(server.wireMock().getAllServeEvents()).allSatisfy(
                e -> assertThat(e.getResponse().getStatus()).isEqualTo(304));
        assertThat(logLines()).hasSize(2).allSatisfy(l -> assertThat(l).matches("GET \\S+ 200 304 \\d+ms"));
    }

    @Test
    void aLaterRunWithinGitHubsMaxAgeIsAnsweredFromDiskWithoutAsking() throws Exception {
        stubFileRepo(Duration.ZERO);

        List<Object> first = run();
        server.wireMock().resetRequests();
        log.reset();
        List<Object> second = run();

        assertThat(second).isEqualTo(first);
        assertThat(server.requests()).isEmpty();
        assertThat(logLines()).hasSize(2).allSatisfy(l -> assertThat(l).matches("GET \\S+ 200 cache \\d+ms"));
    }

    @Test
    void aChangedResourceIsFetchedAgainAndReportedAsNetwork() throws Exception {
        stubFileRepo(Duration.ofMinutes(5));
        run();
        // The tags moved on: the old ETag no longer matches, so the conditional stub is replaced by a new body.
        server.wireMock().resetAll();
        String newer = GitHubFixtures.tags(REPO, List.of(new GitHubFixtures.TagSpec("FILE5_49", "0123456789abcdef"),
                new GitHubFixtures.TagSpec("FILE5_48", SHA)));
        server.onGet(TAGS).respond(gitHub200(newer, "W/\"new\"", Duration.ZERO));
        server.onGet("https://api.github.com/repos/file/file/commits/0123456789abcdef").respond(gitHub200(
                GitHubFixtures.commit(REPO, "0123456789abcdef", "2026-11-20T10:00:00Z", "release 5.49"), "W/\"c\"",
                Duration.ZERO));
        log.reset();

        List<Object> second = run();

        assertThat((List<?>) second.get(0)).hasSize(2);
        server.wireMock().verify(getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("If-None-Match", equalTo(TAGS_ETAG)));
        assertThat(logLines().get(0)).matches("GET " + java.util.regex.Pattern.quote(TAGS) + " 200 network \\d+ms");
    }

    @Test
    void lastModifiedIsRevalidatedWithIfModifiedSince() throws Exception {
        String lastModified = "Mon, 08 Jun 2026 20:14:23 GMT";
        server.onGet(MAGIC).respond(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Cache-Control", "max-age=0, must-revalidate").withHeader("Last-Modified", lastModified)
                .withBody("0\tlelong\t0x54564319\tCRIU image file v1.1\n"));
        server.wireMock().stubFor(get(urlEqualTo(server.pathFor(MAGIC)))
                .withHeader("If-Modified-Since", equalTo(lastModified)).atPriority(1)
                .willReturn(aResponse().withStatus(304)));

        for (int run = 0; run < 2; run++) {
            OkHttpClient client = Http.client(server.httpOptions().withCache(cache));
            try {
                assertThat(new GitHubClient(new SourceHttp(client)).file(REPO, "FILE5_48", "magic/Magdir/linux"))
                        .hasValueSatisfying(t -> assertThat(t).contains("CRIU image file"));
            } finally {
                Http.release(client);
            }
        }

        assertThat(server.wireMock().getAllServeEvents()).extracting(e -> e.getResponse().getStatus())
                .containsExactlyInAnyOrder(200, 304);
    }

    @Test
    void withoutACacheEveryRunAsksInFull() throws Exception {
        stubFileRepo(Duration.ofMinutes(5));

        for (int run = 0; run < 2; run++) {
            OkHttpClient client = server.client();
            new GitHubClient(new SourceHttp(client)).tags(REPO, 1);
            Http.release(client);
        }

        server.wireMock().verify(2, getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("If-None-Match", absent()));
    }
}
