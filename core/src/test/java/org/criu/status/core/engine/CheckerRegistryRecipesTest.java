package org.criu.status.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.criu.status.core.model.Integration;
import org.criu.status.core.recipe.RecipeLoader;
import org.criu.status.core.spi.CheckContext;
import org.criu.status.core.spi.CheckResult;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipes are discovered beside Java checkers: bundled on the classpath, and as *.yaml in --plugins. */
class CheckerRegistryRecipesTest {

    @TempDir
    Path tmp;

    private static String recipe(String id, String heading) {
        return """
                id: %s
                covers: [%s]
                probes:
                  - repository: {repo: example/%s}
                """.formatted(id, heading, id);
    }

    /** A class loader holding bundled recipes as a checker module's resources would. */
    private ClassLoader bundling(String... ids) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("classes"));
        Path folder = Files.createDirectories(root.resolve(RecipeLoader.FOLDER));
        StringBuilder index = new StringBuilder("# bundled recipes\n");
        for (String id : ids) {
            Files.writeString(folder.resolve(id + ".yaml"), recipe(id, id));
            index.append(id).append(".yaml\n");
        }
        Files.writeString(root.resolve(RecipeLoader.INDEX), index);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void bundledAndPluginRecipesAreListedWithTheirFiles() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("incus.yaml"), recipe("incus", "Incus"));

        CheckerRegistry registry = CheckerRegistry.load(bundling("crun", "runc"), Optional.of(plugins));

        assertThat(registry.all()).filteredOn(CheckerRegistry.Discovered::recipe)
                .extracting(d -> d.checker().id() + " " + d.module())
                .containsExactly("crun checkers/recipes/crun.yaml", "incus " + plugins.resolve("incus.yaml"),
                        "runc checkers/recipes/runc.yaml");
        assertThat(registry.forHeading("Incus").map(Checker::id)).contains("incus");
    }

    @Test
    void anIdIsUniqueAcrossJavaCheckersAndRecipes() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("runc.yaml"), recipe("runc", "runc"));

        assertThatThrownBy(() -> CheckerRegistry.load(bundling("runc"), Optional.of(plugins)))
                .isInstanceOf(CheckerRegistry.RegistryException.class)
                .hasMessage("two checkers have the id 'runc': recipe runc (checkers/recipes/runc.yaml) and recipe runc ("
                        + plugins.resolve("runc.yaml") + ")");
    }

    @Test
    void aBrokenPluginRecipeIsAnErrorNamingItsFileAndLine() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("incus.yaml"), recipe("incus", "Incus").replace("repo:", "repository:"));

        assertThatThrownBy(() -> CheckerRegistry.load(getClass().getClassLoader(), Optional.of(plugins)))
                .isInstanceOf(CheckerRegistry.RegistryException.class)
                .hasMessageStartingWith("recipe " + plugins.resolve("incus.yaml") + ", line 4: unknown key 'repository'");
    }

    @Test
    void aCheckerProposingAnEntryItDoesNotCoverIsRefused() {
        Checker odd = new Checker() {
            public String id() {
                return "odd";
            }

            public List<String> covers() {
                return List.of("Odd");
            }

            public Optional<org.criu.status.core.spi.NewEntry> newEntry() {
                return Optional.of(new org.criu.status.core.spi.NewEntry("Even", "Other"));
            }

            public CheckResult check(Integration integration, CheckContext context) {
                return CheckResult.couldNotLook("unused");
            }
        };

        assertThatThrownBy(() -> CheckerRegistry.of(List.of(odd))).hasMessageContaining("proposes the entry 'Even'");
    }
}
