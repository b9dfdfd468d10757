package org.criu.status.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is on disk is checked before it is believed: a stored body that changed is evicted and fetched again; a
 * damaged journal or entry clears the cache with one warning and no stack trace; an unusable {@code --cache}
 * says so once and what the run does instead.
 */
class CacheIntegrityTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

    @TempDir
    Path cache;

    private static final String MAGIC = "https://raw.githubusercontent.com/file/file/FILE5_48/magic/Magdir/linux";
    private static final String BODY = "#------------------------------------------------------------------------------\n"
            + "# CRIU image files\n0\tlelong\t0x54564319\tCRIU image file v1.1\n".repeat(20);
    private static final String LAST_MODIFIED = "Mon, 08 Jun 2026 20:14:23 GMT";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<LogRecord> okhttpLogs = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            okhttpLogs.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToOkHttpsLog() {
        Logger.getLogger("okhttp3.OkHttpClient").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("okhttp3.OkHttpClient").removeHandler(capture);
    }

    /** raw.githubusercontent.com's caching: a body fresh for 5 minutes, dated {@code minutesAgo}. */
    private void stubMagic(int minutesAgo) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo));
        server.onGet(MAGIC).respond(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withHeader("Cache-Control", "max-age=300").withHeader("Date", date)
                .withHeader("Last-Modified", LAST_MODIFIED).withBody(BODY));
        server.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(server.pathFor(MAGIC)))
                .withHeader("If-Modified-Since", com.github.tomakehurst.wiremock.client.WireMock.equalTo(LAST_MODIFIED))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("Date", date)));
    }

    private String run() throws IOException {
        OkHttpClient client = Http.client(server.httpOptions().withCache(cache)
                .withVerbose(new PrintStream(log, true, StandardCharsets.UTF_8)));
        try {
            return new SourceHttp(client).get(MAGIC, Map.of()).orElseThrow().body();
        } finally {
            Http.release(client);
        }
    }

    private List<String> lines() {
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        log.reset();
        return lines;
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(cache)) {
            return all.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private void halveEveryBody() throws IOException {
        for (Path body : files(".1")) {
            byte[] bytes = Files.readAllBytes(body);
            Files.write(body, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
    }

    @Test
    void aHalvedBodyOnDiskIsEvictedAndFetchedAgain() throws Exception {
        stubMagic(0);
        run();
        halveEveryBody();
        lines();

        String second = run();

        assertThat(second).isEqualTo(BODY);
        List<String> printed = lines();
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).isEqualTo("cache entry for " + MAGIC + " is damaged (body is "
                + BODY.length() / 2 + " bytes, stored as " + BODY.length() + "): evicted, asking the network again");
        assertThat(printed.get(1)).matches("GET \\S+ 200 network \\d+ms");
        // Healed: the next run reads the stored body again, without a word.
        assertThat(run()).isEqualTo(BODY);
        assertThat(lines()).singleElement().asString().matches("GET \\S+ 200 cache \\d+ms");
    }

    @Test
    void aHalvedBodyIsCaughtAlsoWhenTheServerSaysNotModified() throws Exception {
        stubMagic(10);
        run();
        halveEveryBody();
        lines();

        String second = run();

        assertThat(second).isEqualTo(BODY);
        assertThat(lines()).first().asString().contains("is damaged (body is " + BODY.length() / 2 + " bytes");
        assertThat(server.wireMock().getAllServeEvents()).extracting(e -> e.getResponse().getStatus())
                .containsExactlyInAnyOrder(200, 304, 200);
    }

    @Test
    void aBodyChangedToTheSameLengthIsCaughtByItsDigest() throws Exception {
        stubMagic(0);
        run();
        for (Path body : files(".1")) {
            Files.writeString(body, Files.readString(body).replace("CRIU", "CRUI"));
        }
        lines();

        assertThat(run()).isEqualTo(BODY);
        assertThat(lines()).first().asString().contains("is damaged (body differs from the one stored (SHA-256))");
    }

    @Test
    void aJournalOfRandomBytesClearsTheCacheWithOneWarningAndNoStackTrace() throws Exception {
        stubMagic(0);
        run();
        Path journal = cache.resolve("http").resolve("journal");
        byte[] noise = new byte[4096];
        new java.util.Random(9).nextBytes(noise);
        Files.write(journal, noise);
        lines();

        assertThat(run()).isEqualTo(BODY);

        List<String> printed = lines();
        assertThat(printed.get(0)).startsWith("integration-status: warning: the HTTP cache in " + cache.resolve("http")
                + " was damaged (journal header line 1 is not 'libcore.io.DiskLruCache'); cleared it");
        assertThat(printed).hasSize(2);
        assertThat(printed.get(1)).matches("GET \\S+ 200 network \\d+ms");
        assertThat(okhttpLogs).as("OkHttp logged nothing (its log carries a stack trace)").isEmpty();
    }

    @Test
    void anEntryOfRandomBytesClearsTheCacheWithOneWarningAndNoStackTrace() throws Exception {
        stubMagic(0);
        run();
        for (Path entry : files(".0")) {
            byte[] noise = new byte[512];
            new java.util.Random(3).nextBytes(noise);
            noise[100] = '\n';
            Files.write(entry, noise);
        }
        lines();

        assertThat(run()).isEqualTo(BODY);

        List<String> printed = lines();
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).startsWith("integration-status: warning: the HTTP cache in " + cache.resolve("http")
                + " was damaged (entry ").contains("does not start with a URL); cleared it");
        assertThat(okhttpLogs).isEmpty();
    }

    @Test
    void aCacheThatIsAFileWarnsOnceAndTheRunGoesOnWithoutIt() throws Exception {
        Path file = cache.resolve("not-a-folder");
        Files.writeString(file, "x");
        stubMagic(0);
        OkHttpClient client = Http.client(server.httpOptions().withCache(file)
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertThat(client.cache()).isNull();
        assertThat(new SourceHttp(client).get(MAGIC, Map.of())).isPresent();
        assertThat(lines()).containsExactly("integration-status: warning: --cache " + file + ": is a file, not a "
                + "folder; running without a cache (every request is asked in full)");
    }

    @Test
    void aCacheInsideAFileWarnsOnce() throws Exception {
        Path file = cache.resolve("not-a-folder");
        Files.writeString(file, "x");

        OkHttpClient client = Http.client(server.httpOptions().withCache(file.resolve("sub"))
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertThat(client.cache()).isNull();
        assertThat(lines()).singleElement().asString().startsWith("integration-status: warning: --cache "
                + file.resolve("sub") + ": cannot create the folder (").endsWith("); running without a cache "
                + "(every request is asked in full)");
    }

    @Test
    void aReadOnlyCacheFolderWarnsOnce() throws Exception {
        Path readOnly = cache.resolve("read-only");
        Files.createDirectories(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        assumeThat(Files.isWritable(readOnly)).as("this user can write anywhere (root): nothing is read-only to it")
                .isFalse();

        OkHttpClient client = Http.client(server.httpOptions().withCache(readOnly)
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertThat(client.cache()).isNull();
        assertThat(lines()).containsExactly("integration-status: warning: --cache " + readOnly
                + ": cannot write in the folder (permission denied); running without a cache (every request is "
                + "asked in full)");
    }

    @Test
    void aFolderNobodyCanWriteInWarnsOnce() throws Exception {
        // As root a mode-0500 folder stays writable; /proc's folders are not, for anyone.
        Path procFolder = Path.of("/proc/self/fdinfo");
        assumeThat(Files.isDirectory(procFolder)).as("a Linux /proc").isTrue();

        OkHttpClient client = Http.client(server.httpOptions().withCache(procFolder)
                .withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));

        assertThat(client.cache()).isNull();
        assertThat(lines()).singleElement().asString().startsWith("integration-status: warning: --cache "
                + procFolder + ": cannot write in the folder (").endsWith("running without a cache (every request "
                + "is asked in full)");
    }
}
