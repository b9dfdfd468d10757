package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.criu.status.core.source.GitHubClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing secret stays on disk: GitHub answers {@code Vary: Authorization}, which makes OkHttp's cache keep the
 * request's Authorization header with the entry; the cache must keep only a stand-in, yet still tell one token's
 * entries from another's. The cache folder is the owner's alone.
 */
class CacheSecrecyTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

    @TempDir
    Path home;

    private static final String TOKEN = "ghp_S3cr3tT0k3nF0rTh3C4ch3T3st0000000000";
    private static final String OTHER_TOKEN = "ghp_An0th3rT0k3nWh0s3C4ch3Mu5tN0tM4tch00";
    private static final String TAGS = "https://api.github.com/repos/file/file/tags?per_page=100";
    private static final String ETAG = "W/\"f1e2d3\"";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Path cache() {
        return home.resolve(".cache").resolve("integration-status");
    }

    private void stubGitHub() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        server.onGet(TAGS).respond(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Cache-Control", "private, max-age=60, s-maxage=60")
                .withHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP")
                .withHeader("ETag", ETAG).withHeader("Date", date)
                .withBody(GitHubFixtures.tags("file/file", List.of(new GitHubFixtures.TagSpec("FILE5_48",
                        "eb754ace19fed5481d8142426543100a2d6bae4e")))));
        server.onConditionalGet(TAGS, ETAG).notModified(ETAG);
    }

    private List<GitHubClient.Tag> run(String token) throws IOException {
        OkHttpClient client = Http.client(server.env(Map.of("GITHUB_TOKEN", token)).httpOptions()
                .withCache(cache()).withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));
        try {
            return new GitHubClient(new SourceHttp(client)).tags("file/file", 1);
        } finally {
            Http.release(client);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(cache())) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void noCacheFileContainsTheTokenYetTheSameTokenRevalidates() throws Exception {
        stubGitHub();

        List<GitHubClient.Tag> first = run(TOKEN);
        server.wireMock().resetRequests();
        List<GitHubClient.Tag> second = run(TOKEN);

        assertThat(second).isEqualTo(first);
        server.wireMock().verify(1, getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("If-None-Match", equalTo(ETAG))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        List<Path> files = files();
        assertThat(files).as("journal, entry, key, tag").hasSizeGreaterThanOrEqualTo(4);
        boolean standInStored = false;
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(content).as(f.toString()).doesNotContain(TOKEN).doesNotContain("Bearer");
            standInStored |= content.contains(Credential.STAND_IN_PREFIX);
        }
        assertThat(standInStored).as("the entry keeps the stand-in its Vary needs").isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anotherTokensEntryIsNotReused() throws Exception {
        stubGitHub();

        run(TOKEN);
        server.wireMock().resetRequests();
        run(OTHER_TOKEN);

        server.wireMock().verify(1, getRequestedFor(urlEqualTo(server.pathFor(TAGS)))
                .withHeader("If-None-Match", absent())
                .withHeader("Authorization", equalTo("Bearer " + OTHER_TOKEN)));
    }

    @Test
    void theFolderIsTheOwnersAloneAndSaysItIsACache() throws Exception {
        stubGitHub();

        run(TOKEN);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache().resolve("http"))))
                .isEqualTo("rwx------");
        for (Path f : files()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(cache().resolve("CACHEDIR.TAG")))
                .startsWith("Signature: 8a477f597d28d172789f06886806bc55");
    }

    @Test
    void aCacheAnEarlierVersionLeftIsDeletedAndTightened() throws Exception {
        Files.createDirectories(cache());
        Files.setPosixFilePermissions(cache(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path oldEntry = cache().resolve("0f2c4d1e5b6a79880f2c4d1e5b6a7988.0");
        Files.writeString(oldEntry, "https://api.github.com/repos/file/file/tags?per_page=100\nGET\n1\n"
                + "Authorization: Bearer " + TOKEN + "\n");
        Files.writeString(cache().resolve("journal"), "libcore.io.DiskLruCache\n1\n201105\n2\n\n");
        stubGitHub();

        run(TOKEN);

        assertThat(oldEntry).doesNotExist();
        assertThat(cache().resolve("journal")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache()))).isEqualTo("rwx------");
        assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "integration-status: warning: deleted the HTTP cache an earlier version kept in " + cache()
                        + ": its entries could hold GITHUB_TOKEN in clear text (if one was set, consider revoking it)");
        for (Path f : files()) {
            assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        }
    }

    @Test
    void standInsDifferPerTokenAndNeverShowIt() {
        Credential credential = Credential.of("Authorization", "Bearer " + TOKEN, new byte[32]);

        assertThat(credential.standIn()).startsWith(Credential.STAND_IN_PREFIX).doesNotContain(TOKEN);
        assertThat(credential.toString()).doesNotContain(TOKEN);
        assertThat(Credential.of("Authorization", "Bearer " + OTHER_TOKEN, new byte[32]).standIn())
                .isNotEqualTo(credential.standIn());
        assertThat(Credential.of("Authorization", "Bearer " + TOKEN, new byte[] {1}).standIn())
                .as("keyed: another cache folder's key gives another stand-in").isNotEqualTo(credential.standIn());
    }
}
