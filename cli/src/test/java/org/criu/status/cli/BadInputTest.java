package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.criu.status.core.http.Http;
import org.criu.status.core.http.HttpOptions;
import org.criu.status.core.source.MediaWikiClient;
import org.criu.status.core.source.SourceHttp;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with exit 2 and one line naming the input; never a stack trace. */
class BadInputTest {

    private static final String PAGE_QUERY = "https://criu.org/api.php?action=query&prop=revisions"
            + "&rvprop=content%7Cids%7Ctimestamp&rvslots=main&formatversion=2&format=json&titles=Integration";

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    @TempDir
    Path tmp;

    private static void assertUsageError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(fragments).doesNotContain("\tat ").doesNotContain("Exception in");
    }

    @Test
    void aMissingPageFile() {
        assertUsageError(CliRun.of(args("check", "--page-file", tmp.resolve("nope.wiki"))), "--page-file",
                "nope.wiki", "no such file");
        assertUsageError(CliRun.of(args("parse", "--page-file", tmp.resolve("nope.wiki"))), "nope.wiki");
    }

    @Test
    void aPageWithNoEntries() throws IOException {
        Path page = Files.writeString(tmp.resolve("empty.wiki"), "Nothing to see.\n");
        assertUsageError(CliRun.of(args("check", "--page-file", page)), "empty.wiki", "no integration entry found");
    }

    @Test
    void aWikiApiError() {
        server.onGet(PAGE_QUERY).json("""
                {"error":{"code":"readapidenied","info":"You need read permission to use this module.",
                "*":"See https://criu.org/api.php for API usage."},"servedby":"mw1"}""");
        assertUsageError(CliRun.of(args("check", "--no-cache", server.originArgs())), "page 'Integration'",
                "https://criu.org/api.php", "readapidenied");
    }

    @Test
    void aMissingWikiPage() {
        server.onGet(PAGE_QUERY.replace("titles=Integration", "titles=Integraton")).json("""
                {"batchcomplete":true,"query":{"pages":[{"ns":0,"title":"Integraton","missing":true}]}}""");
        assertUsageError(CliRun.of(args("parse", "--no-cache", "--page", "Integraton", server.originArgs())),
                "'Integraton' does not exist");
    }

    @Test
    void aWikiThatIsDown() {
        server.onGet(PAGE_QUERY).status(503);
        assertUsageError(CliRun.of(args("check", "--no-cache", server.originArgs())), "https://criu.org/api.php", "503");
    }

    @Test
    void badFlagValues() {
        assertUsageError(CliRun.of(args("check", "--origin", "api.github.com")), "--origin", "FROM=TO");
        assertUsageError(CliRun.of(args("check", "--origin", "https://api.github.com=not a url")), "not an absolute");
        assertUsageError(CliRun.of(args("check", "--format", "yaml")), "--format", "yaml");
        assertUsageError(CliRun.of(args("check", "--only", "no-such-checker")), "no-such-checker");
        assertUsageError(CliRun.of(args("check", "--replay", tmp.resolve("absent"))), "--replay", "absent");
        assertUsageError(CliRun.of(args("check", "--timeout", "0", "--page-file", tmp)), "--timeout 0: must be 1 to 3600");
        assertUsageError(CliRun.of(args("checkers", "--plugins", tmp.resolve("absent"))), "--plugins", "not a folder");
        assertUsageError(CliRun.of(args("frobnicate")), "frobnicate");
        assertUsageError(CliRun.of(args()), "a command is required");
    }

    @Test
    void numbersOutOfRangeAreRefusedBeforeAnyRequest() {
        server.serveRecording(CheckCommandTest.RECORDING);

        for (List<String> bad : List.of(List.of("--timeout", "10000000000"), List.of("--timeout", "3601"),
                List.of("--timeout", "-1"), List.of("--jobs", "0"), List.of("--jobs", "65"),
                List.of("--jobs", "-3"))) {
            CliRun run = CliRun.of(args("check", "--no-cache", bad, server.originArgs()));
            assertUsageError(run, bad.get(0) + " " + bad.get(1) + ": must be 1 to ");
            assertThat(run.err()).contains("Try 'integration-status check --help'.").doesNotContain("internal error");
        }
        assertUsageError(CliRun.of(args("check", "--jobs", "99999999999")), "--jobs", "99999999999");
        assertUsageError(CliRun.of(args("check", "--timeout", "soon")), "--timeout", "soon");
        assertUsageError(CliRun.of(args("parse", "--no-cache", "--timeout", "0", server.originArgs())),
                "--timeout 0: must be 1 to 3600 seconds");
        assertThat(server.requests()).as("nothing ran").isEmpty();

        assertThat(CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--timeout", "3600", "--jobs", "64"))
                .exitCode()).as("the bounds themselves are fine").isEqualTo(1);
    }

    @Test
    void aWikiThatCannotBeReachedSaysSoAndPointsAtTheOfflineOptions() throws IOException {
        // A port bound but not listening on loopback: connecting is refused at once, as with no server at all;
        // binding it keeps any other process from taking it during the test.
        try (Socket reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String wiki = "http://127.0.0.1:" + reserved.getLocalPort() + "/api.php";

            CliRun run = CliRun.of(args("check", "--no-cache", "--wiki", wiki));

            assertUsageError(run, "page 'Integration' from " + wiki, "could not connect",
                    "(after 3 attempts)", "No network? --replay DIR runs offline", "--page-file FILE");
        }
    }

    @Test
    void aNameThatDoesNotResolveSaysSoAndPointsAtTheOfflineOptions() throws IOException {
        // The run's own client (retries and all), with a resolver that knows no name: no DNS is asked.
        OkHttpClient client = Http.client(HttpOptions.defaults().withSleeper(d -> { }).withEnv(Map.of())).newBuilder()
                .dns(host -> {
                    throw new UnknownHostException(host);
                }).build();
        PageOptions page = new PageOptions();
        page.wiki = "https://criu.org/api.php";
        page.title = "Integration";
        page.file = Optional.empty();
        try {
            assertThatThrownBy(() -> page.load(new SourceHttp(client))).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("failed: could not resolve host criu.org (no network, or no DNS answer for "
                            + "that name) (after 3 attempts)")
                    .hasMessageEndingWith(PageOptions.OFFLINE_HINT);
        } finally {
            Http.release(client);
        }
    }

    @Test
    void aPageFileLargerThanAWikiPageIsRefusedWithoutReadingItAll() throws IOException {
        // 64 GiB, sparse: it takes no disk, and reading it whole would never end (or run out of memory).
        Path huge = tmp.resolve("huge.wiki");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(64L << 30);
        }

        assertUsageError(CliRun.of(args("parse", "--page-file", huge)), "--page-file " + huge
                + ": larger than 2097152 bytes (2 MiB), the most a MediaWiki page holds by default");
        assertUsageError(CliRun.of(args("check", "--page-file", huge)), "--page-file " + huge + ": larger than");
    }

    @Test
    void aPageFileUpToTheCapIsReadAndOneByteMoreIsNot() throws IOException {
        byte[] cap = new byte[MediaWikiClient.MAX_PAGE_BYTES];
        java.util.Arrays.fill(cap, (byte) 'x');
        Path atCap = Files.write(tmp.resolve("at-cap.wiki"), cap);
        Path over = Files.write(tmp.resolve("over.wiki"), java.util.Arrays.copyOf(cap, cap.length + 1));
        java.util.Arrays.fill(cap, cap.length - 2, cap.length, (byte) 0xc3); // a broken UTF-8 sequence
        Path broken = Files.write(tmp.resolve("broken.wiki"), cap);

        assertThat(PageOptions.read(atCap)).hasSize(MediaWikiClient.MAX_PAGE_BYTES);
        assertThatThrownBy(() -> PageOptions.read(over)).hasMessageContaining("larger than 2097152 bytes");
        assertThatThrownBy(() -> PageOptions.read(broken)).hasMessage("--page-file " + broken + ": not UTF-8 text");
        assertThatThrownBy(() -> PageOptions.read(tmp)).hasMessage("--page-file " + tmp + ": is a folder, not a file");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = CliRun.of(args("check", "--help"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("1   at least one suggested change")
                .contains("--replay=DIR").contains("--origin=FROM=TO");
    }
}
