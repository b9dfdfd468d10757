package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.criu.status.cli.CliRun.args;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkers}, {@code --plugins} with a checker jar compiled here, and {@code parse}. */
class PluginsAndParseTest {

    @TempDir
    Path tmp;

    /** Compiles a one-class checker into {@code plugins/<name>.jar} with its ServiceLoader registration. */
    private Path pluginJar(String className, String id, String heading) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + className));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + className));
        Path source = Files.writeString(src.resolve(className + ".java"), """
                package example;
                import java.util.List;
                import org.criu.status.core.model.*;
                import org.criu.status.core.spi.*;
                public final class %s implements Checker {
                    public String id() { return "%s"; }
                    public List<String> covers() { return List.of("%s"); }
                    public CheckResult check(Integration integration, CheckContext context) {
                        return CheckResult.couldNotLook("plugin %s ran");
                    }
                }
                """.formatted(className, id, heading, id));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertThat(rc).isZero();
        Path jar = Files.createDirectories(tmp.resolve("plugins")).resolve(id + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("example/" + className + ".class"));
            out.write(Files.readAllBytes(classes.resolve("example/" + className + ".class")));
            out.putNextEntry(new JarEntry("META-INF/services/org.criu.status.core.spi.Checker"));
            out.write(("example." + className + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar.getParent();
    }

    @Test
    void checkersListsTheDiscoveredCheckers() {
        CliRun run = CliRun.of(args("checkers"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("file-utility  (module checkers/file-utility)").contains("covers:  The file utility | file");
    }

    @Test
    void pluginsAddCheckersFromJarsAndTheyRunOnTheirEntries() throws IOException {
        Path plugins = pluginJar("NomadChecker", "nomad", "Nomad");
        Path page = Files.writeString(tmp.resolve("page.wiki"), "== Other ==\n=== Nomad ===\nStatus: started\n");

        CliRun list = CliRun.of(args("checkers", "--plugins", plugins));
        // --no-missing: the bundled recipes for integrations the page lacks would read the network.
        CliRun check = CliRun.of(args("check", "--plugins", plugins, "--page-file", page, "--no-cache", "--no-missing"));

        assertThat(list.out()).contains("nomad  (module nomad.jar)").contains("file-utility");
        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).contains("Nomad: unverified: plugin nomad ran").doesNotContain("Not on the page");
    }

    @Test
    void aPluginReusingAnIdIsAClearError() throws IOException {
        Path plugins = pluginJar("AnotherFileChecker", "file-utility", "file");

        CliRun run = CliRun.of(args("checkers", "--plugins", plugins));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("two checkers have the id 'file-utility'").contains("example.AnotherFileChecker");
    }

    @Test
    void aRecipeInPluginsIsListedAndRunsOnItsEntry() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("recipes"));
        Files.writeString(plugins.resolve("nomad.yaml"), """
                id: nomad
                covers: [Nomad]
                probes:
                  - file:
                      repo: hashicorp/nomad
                      release: 'v\\d+\\.\\d+\\.\\d+'
                      path: CHANGELOG.md
                      pattern: '(?i)\\bcriu\\b'
                      what: CRIU
                      found: released
                """);
        Path page = Files.writeString(tmp.resolve("page.wiki"), "== Other ==\n=== Nomad ===\nStatus: started\n");

        CliRun list = CliRun.of(args("checkers", "--plugins", plugins));
        // Nothing listens on port 9: the recipe's feed fails fast, and --no-missing keeps the bundled recipes off.
        CliRun check = CliRun.of(args("check", "--plugins", plugins, "--page-file", page, "--no-cache", "--no-missing",
                "--origin", "https://github.com=http://127.0.0.1:9", "--timeout", "5"));

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("nomad  (recipe " + plugins.resolve("nomad.yaml") + ")")
                .contains("source:  GitHub hashicorp/nomad CHANGELOG.md at the newest release");
        assertThat(check.out()).contains("Nomad: unverified: ").contains("github.com/hashicorp/nomad/tags.atom");
    }

    @Test
    void aBrokenRecipeInPluginsIsAUsageErrorNamingFileAndLine() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(plugins.resolve("nomad.yaml"), "id: nomad\ncovers: [Nomad]\nprobes:\n  - files: {}\n");

        CliRun run = CliRun.of(args("checkers", "--plugins", plugins));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("integration-status: recipe " + plugins.resolve("nomad.yaml")
                + ", line 4: 'probes[0]': unknown probe 'files'; probes are file, release-notes");
    }

    @Test
    void parseShowsTheEntriesOfThe2015Layout() throws IOException {
        Path page = Files.writeString(tmp.resolve("old.wiki"), """
                == OpenVZ ==
                Status: in progress

                == CoreOS Rocket ==
                Status: not started
                """);

        CliRun run = CliRun.of(args("parse", "--page-file", page));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("old.wiki").contains("2 entries")
                .contains("[-] OpenVZ\n  status: 'in progress' = started")
                .contains("[-] CoreOS Rocket\n  status: 'not started' = not started");
    }

    @Test
    void parseAsJsonFromTheRecordedWikiKeepsRevisionAndTimestamp() throws IOException {
        CliRun run = CliRun.of(args("parse", "--format", "json", "--replay", CheckCommandTest.RECORDING));

        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(json.path("revision").asLong()).isEqualTo(5678);
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(json.path("entries")).hasSize(13);
        assertThat(json.path("entries").get(10).path("heading").asText()).isEqualTo("SLURM workload manager");
        assertThat(json.path("entries").get(10).path("status").asText()).isEqualTo("ready");
        List<String> sections = List.of("Container platforms", "Tools and utilities", "Other");
        json.path("entries").forEach(e -> assertThat(sections).contains(e.path("section").asText()));
    }
}
