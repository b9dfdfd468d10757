package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.criu.status.core.testkit.SourceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputFile}: checked before the run, written atomically, the mode kept or taken from the umask, errors
 * that say why and name the user's path. (ShadedJarIT also runs the jar under two umasks.)
 */
class OutputFileTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final SourceServer server = new SourceServer();

    private static Set<PosixFilePermission> mode(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacingAFileKeepsItsMode() throws IOException {
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw-rw-r--")) {
            Path report = Files.writeString(tmp.resolve("report-" + mode + ".txt"), "old\n");
            Files.setPosixFilePermissions(report, PosixFilePermissions.fromString(mode));

            OutputFile.prepare("--output", report).write("new report\n");

            assertThat(Files.readString(report)).isEqualTo("new report\n");
            assertThat(PosixFilePermissions.toString(mode(report))).isEqualTo(mode);
        }
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotATempFilesOwnerOnlyMode() throws IOException {
        // What the system gives any program's new file here: 0666 less this process's umask.
        Path reference = Files.createFile(tmp.resolve("reference"));
        assumeThat(PosixFilePermissions.toString(mode(reference))).as("a umask of 077 would hide the difference")
                .isNotEqualTo("rw-------");
        Path report = tmp.resolve("new.txt");

        OutputFile.prepare("--output", report).write("report\n");

        assertThat(mode(report)).isEqualTo(mode(reference));
        assertThat(filesIn(tmp)).containsExactly("new.txt", "reference");
    }

    @Test
    void theFileIsReplacedByARenameSoAReaderSeesTheOldOrTheNewNeverHalf() throws IOException {
        Path report = Files.writeString(tmp.resolve("report.txt"), "old report\n");
        try (InputStream reader = Files.newInputStream(report)) {
            OutputFile.prepare("--output", report).write("new report\n");

            // The open file is the old one, whole: the new content arrived as another file renamed over it.
            assertThat(new String(reader.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("old report\n");
        }
        assertThat(Files.readString(report)).isEqualTo("new report\n");
        assertThat(filesIn(tmp)).containsExactly("report.txt");
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(Files.createDirectory(tmp.resolve("www")).resolve("criu.txt"), "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("www", "criu.txt"));

        OutputFile.prepare("--output", link).write("new\n");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(mode(real))).isEqualTo("rw-r--r--");
    }

    @Test
    void aDeviceIsWrittenInPlaceNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeThat(Files.exists(devNull)).isTrue();

        OutputFile.prepare("--output", devNull).write("report\n");

        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.isDirectory(devNull)).isFalse();
        assertThat(Files.exists(devNull)).isTrue();
    }

    @Test
    void aDestinationThatCannotBeWrittenIsRefusedSayingWhyAndNamingTheUsersPath() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("reports"));
        Path aFile = Files.writeString(tmp.resolve("plain"), "x");

        assertThatThrownBy(() -> OutputFile.prepare("--output", folder)).isInstanceOf(UserInputException.class)
                .hasMessage("--output " + folder + ": is a folder");
        assertThatThrownBy(() -> OutputFile.prepare("--output", tmp.resolve("missing/report.txt")))
                .hasMessage("--output " + tmp.resolve("missing/report.txt") + ": folder " + tmp.resolve("missing")
                        + " does not exist");
        assertThatThrownBy(() -> OutputFile.prepare("--output", aFile.resolve("report.txt")))
                .hasMessage("--output " + aFile.resolve("report.txt") + ": " + aFile + " is not a folder");
        assertThatThrownBy(() -> OutputFile.prepare("--report-dir", Path.of("relative/missing/r.txt")))
                .hasMessageStartingWith("--report-dir relative/missing/r.txt: folder ");
        assertThat(filesIn(tmp)).containsExactly("plain", "reports");
    }

    @Test
    void aFolderOrFileThisUserMayNotWriteIsRefusedBeforeTheRun() throws IOException {
        assumeThat(root()).as("root may write anywhere; run the tests as another user to see this").isFalse();
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path readOnly = Files.writeString(tmp.resolve("read-only.txt"), "keep\n");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assertThatThrownBy(() -> OutputFile.prepare("--output", locked.resolve("r.txt")))
                    .hasMessage("--output " + locked.resolve("r.txt") + ": permission denied (cannot create a file in "
                            + locked + ")");
            assertThatThrownBy(() -> OutputFile.prepare("--output", readOnly))
                    .hasMessage("--output " + readOnly + ": the file is read-only (permission denied)");
            assertThat(Files.readString(readOnly)).isEqualTo("keep\n");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void systemErrorsAreExplainedWithoutTheTemporaryFilesName() {
        Path folder = Path.of("/srv/www");
        String temp = "/srv/www/.criu.txt.1x2y3z.tmp";

        assertThat(OutputFile.explain(new AccessDeniedException(temp), folder))
                .isEqualTo("permission denied (cannot create a file in /srv/www)");
        assertThat(OutputFile.explain(new FileSystemException(temp, null, "Read-only file system"), folder))
                .isEqualTo("read-only file system (/srv/www)");
        assertThat(OutputFile.explain(new FileSystemException(temp, null, "No space left on device"), folder))
                .isEqualTo("no space left on the device holding /srv/www");
        assertThat(OutputFile.explain(new FileSystemException(temp, "/srv/www/criu.txt", "Is a directory"), folder))
                .isEqualTo("is a folder");
        assertThat(OutputFile.explain(new NoSuchFileException(temp), folder)).isEqualTo("folder /srv/www does not exist");
        assertThat(OutputFile.explain(new FileSystemException(temp, null, "Input/output error"), folder))
                .isEqualTo("cannot write: Input/output error").doesNotContain(".tmp");
    }

    @Test
    void checkRefusesABadDestinationBeforeMakingASingleRequest() {
        server.serveRecording(CheckCommandTest.RECORDING);
        Path missing = tmp.resolve("no-such-folder/report.txt");

        CliRun run = CliRun.of(args("check", "--no-cache", "--output", missing, server.originArgs()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("integration-status: --output " + missing + ": folder "
                + missing.getParent() + " does not exist" + System.lineSeparator());
        assertThat(server.requests()).as("the run never started").isEmpty();
    }

    @Test
    void checkAndParseWriteTheirOutputFileAndNothingToStdout() throws IOException {
        Path report = tmp.resolve("report.json");
        Path parsed = tmp.resolve("parsed.json");

        CliRun check = CliRun.of(args("check", "--replay", CheckCommandTest.RECORDING, "--format", "json",
                "--output", report));
        CliRun parse = CliRun.of(args("parse", "--replay", CheckCommandTest.RECORDING, "--format", "json",
                "--output", parsed));

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).isEmpty();
        assertThat(Files.readString(report)).contains("\"integrations\" : 13");
        assertThat(parse.exitCode()).isZero();
        assertThat(parse.out()).isEmpty();
        assertThat(Files.readString(parsed)).contains("\"title\" : \"Integration\"").contains("\"heading\" : \"Docker\"");
        assertThat(CliRun.of(args("parse", "--replay", CheckCommandTest.RECORDING, "--output", tmp)).err())
                .isEqualTo("integration-status: --output " + tmp + ": is a folder" + System.lineSeparator());
    }

    @Test
    void withoutAFileTheTextGoesToStdout() {
        StringWriter out = new StringWriter();

        OutputFile.write(Optional.empty(), "report\n", new PrintWriter(out));

        assertThat(out.toString()).isEqualTo("report\n");
    }
}
