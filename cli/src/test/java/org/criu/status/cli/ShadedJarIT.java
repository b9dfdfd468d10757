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
