package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar the README tells users to run. It proves the jar's merged ServiceLoader
 * registrations carry every checker module, and that the README's offline command answers every entry
 * from the bundled recording (no "no recording" gaps).
 */
class ShadedJarIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path JAR = ROOT.resolve("cli/target/integration-status.jar");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("it", ".out");
        Path err = Files.createTempFile("it", ".err");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> checkerFolders() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("checkers"))) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        }
    }

    @Test
    void theJarDiscoversEveryCheckerModule() throws Exception {
        Result result = run("checkers");

        assertThat(result.code()).as(result.err()).isZero();
        List<String> folders = checkerFolders();
        assertThat(result.out()).startsWith(folders.size() + " checkers");
        for (String id : folders) {
            assertThat(result.out()).contains(id + "  (module checkers/" + id + ")");
        }
    }

    @Test
    void theReadmeOfflineCommandAnswersEveryCheckedEntryFromTheRecording() throws Exception {
        Result result = run("check", "--replay", "examples/criu-2026-11", "--format", "json");

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isIn(0, 1);
        assertThat(result.out()).doesNotContain("no recording for").contains("\"integrations\" : 13");
    }

    @Test
    void theSampleReportInDocsIsWhatTheReadmeCommandPrintsToday() throws Exception {
        Result result = run("check", "--replay", "examples/criu-2026-11");

        assertThat(result.code()).isIn(0, 1);
        assertThat(result.out()).as("docs/sample-report.txt is stale: regenerate it with "
                        + "java -jar cli/target/integration-status.jar check --replay examples/criu-2026-11 "
                        + "> docs/sample-report.txt")
                .isEqualTo(Files.readString(ROOT.resolve("docs/sample-report.txt"), StandardCharsets.UTF_8));
    }
}
