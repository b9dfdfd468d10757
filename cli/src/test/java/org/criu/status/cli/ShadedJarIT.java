package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar the README tells users to run, directly and through {@code bin/integration-status}. It
 * proves the jar's merged ServiceLoader registrations carry every checker module, that the README's demo command
 * runs as written (and exits 1, as the README says), that {@code --output} files get the umask's mode or keep
 * their own, and that the README's offline command answers every entry
 * from the bundled recording (no "no recording" gaps).
 */
class ShadedJarIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path JAR = ROOT.resolve("cli/target/integration-status.jar");

    private record Result(int code, String out, String err) {
    }

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** Runs a command line in the project's root folder. */
    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("it", ".out");
        Path err = Files.createTempFile("it", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
        List<String> folders = checkerFolders().stream().filter(f -> !f.equals("recipes")).toList();
        List<String> recipes;
        try (Stream<Path> files = Files.list(ROOT.resolve(
                "checkers/recipes/src/main/resources/META-INF/integration-status/recipes"))) {
            recipes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(result.out()).startsWith((folders.size() + recipes.size()) + " checkers");
        for (String id : folders) {
            assertThat(result.out()).contains(id + "  (module checkers/" + id + ")");
        }
        for (String file : recipes) {
            assertThat(result.out()).contains(file.replace(".yaml", "") + "  (recipe checkers/recipes/" + file + ")");
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

    /** The README's first command: build, then the offline demo through the launcher. */
    private static String readmeDemoCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## The two commands");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("\n", start)).strip();
    }

    @Test
    void theReadmeDemoBuildsVisiblyAndRunsTheDemoThroughTheLauncher() throws Exception {
        String command = readmeDemoCommand();
        String[] steps = command.split("&&");
        assertThat(steps).hasSize(2);
        assertThat(steps[0].strip()).as("the build shows progress: no -q").startsWith("./mvnw ").contains("package")
                .doesNotContain(" -q");

        Result result = exec(List.of("sh", "-c", steps[1].strip()));

        assertThat(steps[1].strip()).startsWith("bin/integration-status ");
        assertThat(result.code()).as("the README says the demo exits 1: it finds suggestions").isEqualTo(1);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(Files.readString(ROOT.resolve("docs/sample-report.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aNewOutputFileTakesItsModeFromTheUmaskAndAReplacedOneKeepsItsOwn() throws Exception {
        Path shared = tmp.resolve("shared.txt");
        Path secret = tmp.resolve("secret.txt");
        String run = "exec bin/integration-status check --replay examples/criu-2026-11 --output ";

        assertThat(exec(List.of("sh", "-c", "umask 022 && " + run + "'" + shared + "'")).code()).isEqualTo(1);
        assertThat(exec(List.of("sh", "-c", "umask 027 && " + run + "'" + secret + "'")).code()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-r-----");

        // Replaced under a stricter umask, the published file stays readable by the web server.
        assertThat(exec(List.of("sh", "-c", "umask 077 && " + run + "'" + shared + "'")).code()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(shared)).isEqualTo(Files.readString(ROOT.resolve("docs/sample-report.txt")));
    }

    @Test
    void aFolderTheUserMayNotWriteIsRefusedBeforeTheRunSayingPermissionDenied() throws Exception {
        // As root (CI containers) the run drops to the unprivileged uid 65534, which may not write a folder root
        // owns; as anyone else, the folder is made read-only. The jar and page are copied where both can read them.
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv"));
        assumeThat(!root || setpriv).as("running as root without setpriv (util-linux): cannot run as another user")
                .isTrue();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(JAR, tmp.resolve("integration-status.jar"));
        Path page = Files.writeString(tmp.resolve("page.wiki"), "== Containers ==\n=== Docker ===\nStatus: ready\n");
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString(root ? "rwxr-xr-x" : "r-xr-xr-x"));
        Path output = locked.resolve("report.txt");
        List<String> command = new ArrayList<>(root
                ? List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of());
        command.addAll(List.of(JAVA, "-XX:-UsePerfData", "-jar", jar.toString(), "check", "--page-file",
                page.toString(), "--output", output.toString()));

        Result result = exec(command);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("integration-status: --output " + output
                + ": permission denied (cannot create a file in " + locked + ")" + System.lineSeparator());
        assertThat(Files.exists(output)).isFalse();
    }

    /** A recipe reading only what the bundled recording holds: CRIU's tags feed and its cuda plugin at v4.2. */
    private static final String PLUGIN_RECIPE = """
            id: criu-gpu
            covers: [CRIU GPU plugins]
            entry: {heading: CRIU GPU plugins, section: Other}
            probes:
              - file:
                  repo: checkpoint-restore/criu
                  release: 'v\\d+\\.\\d+(\\.\\d+)?'
                  path: plugins/cuda/cuda_plugin.c
                  pattern: 'cuda-checkpoint'
                  what: a GPU plugin
                  found: released
            """;

    @Test
    void aRecipeDroppedIntoPluginsRunsWithoutARebuild() throws Exception {
        Path plugins = Files.createTempDirectory("plugins");
        Files.writeString(plugins.resolve("criu-gpu.yaml"), PLUGIN_RECIPE);

        Result list = run("checkers", "--plugins", plugins.toString());
        Result check = run("check", "--replay", "examples/criu-2026-11", "--plugins", plugins.toString(),
                "--only", "criu-gpu", "--format", "json");

        assertThat(list.out()).contains("criu-gpu  (recipe " + plugins.resolve("criu-gpu.yaml") + ")");
        assertThat(check.err()).isEmpty();
        assertThat(check.code()).isEqualTo(1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
        var added = json.path("notOnPage").get(0);
        assertThat(added.path("integration").asText()).isEqualTo("CRIU GPU plugins");
        assertThat(added.path("suggestedStatus").asText()).isEqualTo("ready");
        assertThat(added.path("evidence").get(0).path("url").asText())
                .isEqualTo("https://github.com/checkpoint-restore/criu/blob/v4.2/plugins/cuda/cuda_plugin.c#L20");
    }

    @Test
    void aBrokenPluginRecipeIsAnErrorNamingItsFileAndLine() throws Exception {
        Path plugins = Files.createTempDirectory("plugins");
        Files.writeString(plugins.resolve("criu-gpu.yaml"), PLUGIN_RECIPE.replace("pattern: 'cuda-checkpoint'",
                "pattern: 'cuda-(checkpoint'"));

        Result result = run("checkers", "--plugins", plugins.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("integration-status: recipe " + plugins.resolve("criu-gpu.yaml")
                + ", line 9: 'probes[0].pattern': bad pattern 'cuda-(checkpoint': Unclosed group at index 16"
                + System.lineSeparator());
    }
}
