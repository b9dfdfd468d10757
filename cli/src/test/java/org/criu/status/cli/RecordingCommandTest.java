package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recording seal}: the one command to run after editing a recording by hand. */
class RecordingCommandTest {

    @TempDir
    Path dir;

    private static final String EXCHANGE = """
            # hand-made: a tag list
            GET https://api.github.com/repos/file/file/tags?per_page=100
            HTTP 200
            Content-Type: application/json; charset=utf-8

            []
            """;

    @Test
    void anEditedRecordingIsRefusedUntilSealedAgain() throws Exception {
        Files.writeString(dir.resolve("tags.http"), EXCHANGE);

        CliRun refused = CliRun.of(args("check", "--replay", dir, "--only", "file-utility"));
        assertThat(refused.exitCode()).isEqualTo(Main.USAGE);
        assertThat(refused.err()).contains(dir.resolve("tags.http") + ": no Content-Length header sealing its body; "
                + "if you edited it on purpose, seal it again: integration-status recording seal " + dir);

        CliRun seal = CliRun.of(args("recording", "seal", dir));
        assertThat(seal.exitCode()).isZero();
        assertThat(seal.out()).isEqualTo(dir + ": sealed 1 of 1 exchanges (0 already matched their seal)\n");
        assertThat(Files.readString(dir.resolve("tags.http"))).startsWith("# hand-made: a tag list\n")
                .contains("Content-Length: 3\nContent-Digest: sha-256=:");

        CliRun again = CliRun.of(args("recording", "seal", dir));
        assertThat(again.out()).isEqualTo(dir + ": sealed 0 of 1 exchanges (1 already matched their seal)\n");
    }

    @Test
    void aFolderThatIsNoRecordingIsNamed() throws Exception {
        Files.write(dir.resolve("noise.http"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});

        CliRun seal = CliRun.of(args("recording", "seal", dir));

        assertThat(seal.exitCode()).isEqualTo(Main.USAGE);
        assertThat(seal.err()).startsWith("integration-status: recording seal: " + dir.resolve("noise.http")
                + ": not a recorded exchange: it is not UTF-8 text (byte 1 of 4)");
        CliRun missing = CliRun.of(args("recording", "seal", dir.resolve("nope")));
        assertThat(missing.err()).contains(dir.resolve("nope") + ": not a folder");
    }
}
