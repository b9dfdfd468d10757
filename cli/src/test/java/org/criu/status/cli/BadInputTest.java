package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertUsageError(CliRun.of(args("check", "--timeout", "0", "--page-file", tmp)), "--timeout");
        assertUsageError(CliRun.of(args("checkers", "--plugins", tmp.resolve("absent"))), "--plugins", "not a folder");
        assertUsageError(CliRun.of(args("frobnicate")), "frobnicate");
        assertUsageError(CliRun.of(args()), "a command is required");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = CliRun.of(args("check", "--help"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("1   at least one suggested change")
                .contains("--replay=DIR").contains("--origin=FROM=TO");
    }
}
