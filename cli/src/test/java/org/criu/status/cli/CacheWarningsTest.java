package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What {@code check} says about a cache it cannot use or found damaged: one line on stderr, and the run goes on. */
class CacheWarningsTest {

    @RegisterExtension
    final SourceServer server = new SourceServer();

    @TempDir
    Path tmp;

    private CliRun check(String cache) {
        return CliRun.of(Map.of("HOME", tmp.toString()), args("check", "--only", "file-utility", "--format", "json",
                "--cache", cache, server.originArgs()));
    }

    @Test
    void aCacheThatIsAFileWarnsOnceAndTheRunGoesOnWithoutIt() throws Exception {
        server.serveRecording(CheckCommandTest.RECORDING);
        Path file = Files.writeString(tmp.resolve("cache-file"), "not a folder");

        CliRun run = check(file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("integration-status: warning: --cache " + file + ": is a file, not a folder; "
                + "running without a cache (every request is asked in full)\n");
        assertThat(run.out()).contains("\"verdict\" : \"confirmed\"");
    }

    @Test
    void aDamagedJournalWarnsOnceWithoutAStackTrace() throws Exception {
        server.serveRecording(CheckCommandTest.RECORDING);
        Path cache = tmp.resolve("cache");
        assertThat(check(cache.toString()).err()).isEmpty();
        Files.write(cache.resolve("http").resolve("journal"), new byte[] {0x13, 0x37, (byte) 0xff, '\n', 0x00});

        CliRun run = check(cache.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).containsExactly("integration-status: warning: the HTTP cache in "
                + cache.resolve("http") + " was damaged (journal header line 1 is not 'libcore.io.DiskLruCache'); "
                + "cleared it, it fills again as the run goes");
    }
}
