package org.criu.status.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.criu.status.core.model.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recipe is validated when read: every fault is named with its file and line, before any run. */
class RecipeLoaderTest {

    static final String RUNC = """
            id: runc
            covers: [runc]
            entry:
              heading: runc
              section: Container platforms
              note: runc checkpoints and restores containers with CRIU.
            probes:
              - file:
                  repo: opencontainers/runc
                  release: 'v\\d+\\.\\d+\\.\\d+'
                  path: checkpoint.go
                  pattern: '"checkpoint"'
                  what: the runc checkpoint command
                  found: released
                  missing: absent
            """;

    @TempDir
    Path tmp;

    private static RecipeException fault(String text) {
        try {
            RecipeLoader.parse("plugins/runc.yaml", text);
        } catch (RecipeException e) {
            return e;
        }
        throw new AssertionError("the recipe was accepted:\n" + text);
    }

    @Test
    void aValidRecipeBecomesACheckerWithItsEntryAndSources() throws Exception {
        RecipeChecker runc = RecipeLoader.parse("plugins/runc.yaml", RUNC);

        assertThat(runc.id()).isEqualTo("runc");
        assertThat(runc.covers()).containsExactly("runc");
        assertThat(runc.newEntry()).hasValueSatisfying(e -> {
            assertThat(e.heading()).isEqualTo("runc");
            assertThat(e.section()).isEqualTo("Container platforms");
            assertThat(e.note()).contains("runc checkpoints and restores containers with CRIU.");
        });
        assertThat(runc.sources()).containsExactly("GitHub opencontainers/runc checkpoint.go at the newest release"
                + " (tags 'v\\d+\\.\\d+\\.\\d+'): the runc checkpoint command");
        FileProbe probe = (FileProbe) runc.probes().get(0);
        assertThat(probe.found().signal()).isEqualTo(Signal.RELEASED);
        assertThat(probe.missing()).hasValueSatisfying(m -> assertThat(m.signal()).isEqualTo(Signal.ABSENT));
        assertThat(probe.release()).hasValueSatisfying(r -> assertThat(r.from()).isEqualTo(ReleaseSpec.From.FEED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key        | '      pattern:'           | '      patern:'          | 12 | unknown key 'patern' in 'probes[0]'; known keys here: branch, found, missing, path
            bad pattern        | '      pattern: ''"checkpoint"''' | '      pattern: ''(criu''' | 12 | bad pattern '(criu': Unclosed group
            unknown signal     | '      found: released'    | '      found: relased'   | 14 | 'relased' is no signal; signals are released, removed, project-ended
            unknown probe      | '  - file:'                | '  - fiel:'             | 8  | unknown probe 'fiel'; probes are file, release-notes, field
            bad repo           | '      repo: opencontainers/runc' | '      repo: runc' | 9  | 'repo: runc' is not owner/name
            release and branch | '      path: checkpoint.go' | '      branch: main\\n      path: checkpoint.go' | 8 | say where to read: 'release'
            duplicate key      | '      what:'              | '      path: x.go\\n      what:' | 13 | Duplicate field 'path'
            bad placeholder    | '      missing: absent'    | '      missing: absent\\n      says: {found: ''{tag} ships it''}' | 16 | 'says.found' uses {tag}, which this probe cannot fill
            """)
    void aFaultIsNamedWithTheRecipesFileAndLine(String fault, String from, String to, int lineNo, String message) {
        String text = RUNC.replace(from, to.replace("\\n", "\n"));
        assertThat(text).as("the edit applies").isNotEqualTo(RUNC);

        RecipeException e = fault(text);

        assertThat(e.getMessage()).startsWith("recipe plugins/runc.yaml, line " + lineNo + ": ").contains(message);
        assertThat(e.line()).isEqualTo(lineNo);
    }

    private static final String CANARIES = """
            canaries:
              - fact: runc v1.1.0 ships the checkpoint command
                github: opencontainers/runc
                ref: v1.1.0
                path: checkpoint.go
                find: '"checkpoint"'
            """;

    @Test
    void aRecipeDeclaresCanariesAsData() throws Exception {
        RecipeChecker runc = RecipeLoader.parse("plugins/runc.yaml", RUNC.replace("probes:\n", CANARIES + "probes:\n"));

        assertThat(runc.canaries()).containsExactly(org.criu.status.core.spi.Canary.gitHubFile(
                "runc v1.1.0 ships the checkpoint command", "opencontainers/runc", "v1.1.0", "checkpoint.go",
                "\"checkpoint\""));
        assertThat(RecipeLoader.parse("plugins/runc.yaml", RUNC).canaries()).isEmpty();
    }

    @Test
    void aCanaryOnAMovingBranchIsRefusedWithItsLine() {
        RecipeException e = fault(RUNC.replace("probes:\n", CANARIES.replace("ref: v1.1.0", "ref: main") + "probes:\n"));

        assertThat(e.getMessage()).startsWith("recipe plugins/runc.yaml, line ").contains("moving ref 'main'");
    }

    @Test
    void aMissingFieldIsNamed() {
        RecipeException e = fault(RUNC.replace("      what: the runc checkpoint command\n", ""));

        // The probe's own line: where its keys are.
        assertThat(e.getMessage()).isEqualTo("recipe plugins/runc.yaml, line 8: 'probes[0]': 'what' is missing");
    }

    @Test
    void anIdThatIsNotTheFileNameIsRefusedAtItsLine() {
        RecipeException e = fault(RUNC.replace("id: runc", "id: crun"));

        assertThat(e.getMessage()).isEqualTo("recipe plugins/runc.yaml, line 1: id 'crun' is not the file's name:"
                + " call the file crun.yaml, or the recipe runc");
    }

    @Test
    void anEntryHeadingTheRecipeDoesNotCoverIsRefused() {
        RecipeException e = fault(RUNC.replace("  heading: runc", "  heading: crun"));

        assertThat(e.getMessage()).startsWith("recipe plugins/runc.yaml, line 4: entry heading 'crun'");
    }

    @Test
    void yamlThatIsNotYamlIsNamedWithItsLine() {
        RecipeException e = fault(RUNC + "  - file: [unclosed\n");

        assertThat(e.getMessage()).startsWith("recipe plugins/runc.yaml, line ");
        assertThat(e.line()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void aFieldProbeCannotMapAValueToRemoved() {
        RecipeException e = fault("""
                id: runc
                covers: [runc]
                probes:
                  - field:
                      repo: kubernetes/enhancements
                      branch: master
                      path: kep.yaml
                      key: stage
                      values:
                        withdrawn: removed
                """);

        assertThat(e.getMessage()).contains("a field's value proves no removal");
    }

    @Test
    void aDirectoryOfRecipesIsReadInFileNameOrder() throws Exception {
        Files.writeString(tmp.resolve("runc.yaml"), RUNC);
        Files.writeString(tmp.resolve("crun.yaml"), RUNC.replace("id: runc", "id: crun")
                .replace("covers: [runc]", "covers: [crun]").replace("heading: runc", "heading: crun"));
        Files.writeString(tmp.resolve("notes.txt"), "not a recipe");

        assertThat(RecipeLoader.fromDirectory(tmp)).extracting(RecipeChecker::id).containsExactly("crun", "runc");
    }
}
