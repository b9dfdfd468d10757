package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.criu.status.core.model.SourceException;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.GitHubFixtures;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run recorded through the mirror can be replayed with the mirror gone, answer for answer. */
class RecordReplayTest {

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    @TempDir
    Path dir;

    @TempDir
    Path cacheDir;

    private static final String TAGS = "https://api.github.com/repos/file/file/tags?per_page=100";
    private static final String PAGE2 = "https://api.github.com/repositories/1/tags?per_page=100&page=2";
    private static final String MISSING = "https://raw.githubusercontent.com/file/file/FILE5_22/magic/Magdir/criu";
    private static final String TAGS_BODY = GitHubFixtures.tags("file/file",
            List.of(new GitHubFixtures.TagSpec("FILE5_48", "eb754ace19fed5481d8142426543100a2d6bae4e")));

    private void recordARun() throws IOException {
        server.onGet(TAGS).json(TAGS_BODY, Map.of("Link", "<" + PAGE2 + ">; rel=\"next\"", "ETag", "W/\"7d1f\"",
                "Set-Cookie", "_gh_sess=abc; path=/", "X-GitHub-Request-Id", "C0DE:1234"));
        server.onGet(MISSING).status(404);
        SourceHttp http = new SourceHttp(Http.client(server.httpOptions().withRecord(dir)));
        assertThat(http.get(TAGS, Map.of())).isPresent();
        assertThat(http.get(MISSING, Map.of())).isEmpty();
    }

    @Test
    void recordsOneReadableFilePerExchangeUnderTheLogicalUrl() throws IOException {
        recordARun();

        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        // The 404 made the run check that raw.githubusercontent.com answers normally: that HEAD is recorded too.
        assertThat(files).extracting(f -> f.getFileName().toString()).hasSize(3)
                .anyMatch(n -> n.startsWith("api.github.com_repos_file_file_tags_per_page_100-") && n.endsWith(".http"))
                .anyMatch(n -> n.startsWith("raw.githubusercontent.com_checkpoint-restore_criu_v4.2_COPYING-"));
        Exchange tags = Exchange.read(files.stream().filter(f -> f.toString().contains("api.github.com"))
                .findFirst().orElseThrow());
        assertThat(tags.method()).isEqualTo("GET");
        assertThat(tags.url()).isEqualTo(TAGS);
        assertThat(tags.status()).isEqualTo(200);
        assertThat(tags.body()).isEqualTo(TAGS_BODY);
        assertThat(tags.headers()).extracting(Map.Entry::getKey)
                .contains("Content-Type", "Link", "ETag")
                .doesNotContain("Set-Cookie", "X-GitHub-Request-Id");
        assertThat(tags.headers()).contains(Map.entry("Link", "<" + PAGE2 + ">; rel=\"next\""));
    }

    @Test
    void replaysTheRecordingWithTheServerGone() throws IOException {
        recordARun();
        server.wireMock().stop();
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        SourceHttp replay = new SourceHttp(Http.client(HttpOptions.defaults().withReplay(dir)
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8))));

        Optional<SourceHttp.Page> page = replay.get(TAGS, Map.of());
        assertThat(page).hasValueSatisfying(p -> {
            assertThat(p.body()).isEqualTo(TAGS_BODY);
            assertThat(p.headers().get("Link")).isEqualTo("<" + PAGE2 + ">; rel=\"next\"");
        });
        assertThat(replay.get(MISSING, Map.of())).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("GET " + TAGS + " 200 replay ");
    }

    @Test
    void aRequestWithoutARecordingFailsNamingTheUrlAndTheFolder() throws IOException {
        recordARun();
        server.wireMock().stop();
        SourceHttp replay = new SourceHttp(Http.client(HttpOptions.defaults().withReplay(dir)));
        String other = "https://api.github.com/repos/file/file/commits/FILE5_48";

        assertThatThrownBy(() -> replay.get(other, Map.of()))
                .isInstanceOf(SourceException.class)
                .hasMessage("no recording for GET " + other + " in " + dir)
                .satisfies(e -> assertThat(((SourceException) e).url()).isEqualTo(other));
    }

    @Test
    void replayNeverTouchesTheCache() throws IOException {
        recordARun();

        SourceHttp replay = new SourceHttp(Http.client(HttpOptions.defaults().withReplay(dir).withCache(cacheDir)));

        assertThat(replay.client().cache()).isNull();
        assertThat(replay.get(TAGS, Map.of())).isPresent();
        try (Stream<Path> list = Files.list(cacheDir)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void aReplayFolderMustExistAndHoldExchanges() throws IOException {
        assertThatThrownBy(() -> Http.client(HttpOptions.defaults().withReplay(dir.resolve("nope"))))
                .isInstanceOf(IOException.class).hasMessage("--replay " + dir.resolve("nope") + ": not a folder");
        assertThatThrownBy(() -> Http.client(HttpOptions.defaults().withReplay(dir)))
                .isInstanceOf(IOException.class).hasMessage("--replay " + dir + ": no recorded exchanges (*.http files)");
    }

    @Test
    void readsHandWrittenExchangesWithProvenanceCommentsOnceSealed() throws IOException {
        Path file = dir.resolve("x.http");
        Files.writeString(file, """
                # Where this came from: the tags of file/file, trimmed.
                # Second comment line.
                GET https://api.github.com/repos/file/file/tags?per_page=100
                HTTP 200
                Content-Type: application/json; charset=utf-8

                []
                """);

        assertThat(RecordingSeal.seal(dir)).isEqualTo(new RecordingSeal.Result(1, 0));
        Exchange exchange = Exchange.read(file);

        assertThat(exchange.key()).isEqualTo("GET " + TAGS);
        assertThat(exchange.headers()).containsExactly(Map.entry("Content-Type", "application/json; charset=utf-8"),
                Map.entry("Content-Length", "3"),
                Map.entry("Content-Digest", "sha-256=:N1F+Xz3GaBn2H1p7uKzhkhKCQV8QVR0t76XD6wmFtXA=:"));
        assertThat(exchange.body()).isEqualTo("[]\n");
        assertThat(Files.readString(file)).startsWith("# Where this came from: the tags of file/file, trimmed.\n"
                + "# Second comment line.\nGET ");
        assertThat(Exchange.read(writeAndReadBack(exchange))).isEqualTo(exchange);
        assertThat(RecordingSeal.seal(dir)).as("sealing twice changes nothing").isEqualTo(new RecordingSeal.Result(0, 2));
    }

    @Test
    void namesTheFileAndLineOfABrokenExchange() throws IOException {
        Path file = dir.resolve("broken.http");
        Files.writeString(file, "GET https://api.github.com/x\nHTTP OK\n\n");

        assertThatThrownBy(() -> Exchange.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": status line 'HTTP OK' is not 'HTTP nnn'");
    }

    @Test
    void recordsFailuresAsTheyCameBackAfterRetries() throws IOException {
        server.onGet(TAGS).respond(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html>Service Unavailable</html>"));
        SourceHttp http = new SourceHttp(Http.client(server.httpOptions().withRecord(dir)));

        assertThatThrownBy(() -> http.get(TAGS, Map.of())).isInstanceOf(SourceException.class);

        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.toList();
            assertThat(files).hasSize(1);
            assertThat(Exchange.read(files.get(0)).status()).isEqualTo(503);
        }
        assertThat(server.requestsFor(TAGS)).isEqualTo(3);
    }

    private Path writeAndReadBack(Exchange exchange) throws IOException {
        Path copy = dir.resolve("copy.http");
        Files.writeString(copy, exchange.toText(), StandardCharsets.UTF_8);
        return copy;
    }

    private Path recordedTagsFile() throws IOException {
        recordARun();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().contains("api.github.com")).findFirst().orElseThrow();
        }
    }

    @Test
    void aRecordingIsSealedAndCreatedWithTheUsersUmaskNotPrivate() throws IOException {
        Path file = recordedTagsFile();

        Exchange exchange = Exchange.read(file);
        assertThat(exchange.header("Content-Length")).contains(Integer.toString(
                TAGS_BODY.getBytes(StandardCharsets.UTF_8).length));
        assertThat(exchange.header("Content-Digest")).hasValueSatisfying(d -> assertThat(d).startsWith("sha-256=:"));
        // Files.createTempFile would give 0600; a recording is for sharing, so it gets what any new file gets.
        Path plain = Files.createFile(dir.resolve("plain-new-file"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void aHalvedRecordedBodyIsAnErrorNamingTheFileAndHowToSealIt() throws IOException {
        Path file = recordedTagsFile();
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - TAGS_BODY.length() / 2));
        server.wireMock().stop();

        assertThatThrownBy(() -> Http.client(HttpOptions.defaults().withReplay(dir)))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": the body is " + (TAGS_BODY.length() - TAGS_BODY.length() / 2) + " bytes, but its "
                        + "Content-Length says " + TAGS_BODY.length() + " (cut short, or edited?); if you edited it "
                        + "on purpose, seal it again: integration-status recording seal " + dir);
    }

    @Test
    void aBodyEditedToTheSameLengthIsCaughtByItsDigestAndSealingAcceptsTheEdit() throws IOException {
        Path file = recordedTagsFile();
        Files.writeString(file, Files.readString(file).replace("FILE5_48", "FILE5_49"));

        assertThatThrownBy(() -> Exchange.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file + ": the body does not match its Content-Digest (edited?)");

        RecordingSeal.seal(dir);
        assertThat(Exchange.read(file).body()).contains("FILE5_49");
    }

    @Test
    void aRecordingWithCrlfLineEndsReplaysTheSameAnswers() throws IOException {
        recordARun();
        server.wireMock().stop();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.toList()) {
                Files.writeString(f, Files.readString(f).replace("\n", "\r\n"));
            }
        }

        SourceHttp replay = new SourceHttp(Http.client(HttpOptions.defaults().withReplay(dir)));

        assertThat(replay.get(TAGS, Map.of())).hasValueSatisfying(p -> {
            assertThat(p.body()).isEqualTo(TAGS_BODY);
            assertThat(p.headers().get("Link")).isEqualTo("<" + PAGE2 + ">; rel=\"next\"");
        });
        assertThat(replay.get(MISSING, Map.of())).isEmpty();
    }

    @Test
    void aRecordingOfRandomBytesIsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("noise.http");
        byte[] noise = new byte[2048];
        new java.util.Random(1).nextBytes(noise);
        Files.write(file, noise);

        assertThatThrownBy(() -> Http.client(HttpOptions.defaults().withReplay(dir)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a recorded exchange: it is not UTF-8 text (byte ");
    }

    @Test
    void sealingKeepsCommentsCrlfAndPermissionsAndChangesOnlyTheSeal() throws IOException {
        Path file = dir.resolve("hand.http");
        String text = "# a comment\r\nGET https://api.github.com/x\r\nHTTP 200\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 99\r\n\r\nline one\r\nline two\r\n";
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));

        RecordingSeal.seal(dir);

        String sealed = Files.readString(file);
        assertThat(sealed).isEqualTo("# a comment\r\nGET https://api.github.com/x\r\nHTTP 200\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 20\r\nContent-Digest: "
                + Exchange.digest("line one\r\nline two\r\n".getBytes(StandardCharsets.UTF_8))
                + "\r\n\r\nline one\r\nline two\r\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw-r--");
        assertThat(Exchange.read(file).body()).isEqualTo("line one\r\nline two\r\n");
    }

    @Test
    void anUnsealedRecordingIsAnErrorThatSaysHowToSealIt() throws IOException {
        Path file = dir.resolve("old.http");
        Files.writeString(file, "GET https://api.github.com/x\nHTTP 200\n\n[]");

        assertThatThrownBy(() -> Exchange.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": no Content-Length header sealing its body; if you edited it on purpose, seal "
                        + "it again: integration-status recording seal " + dir);
    }
}
