package org.criu.status.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.recipe.RecipeLoader;
import org.criu.status.core.spi.Checker;
import org.junit.jupiter.api.Test;

/**
 * The removal contract (core test kit, {@code RemovalContract}: rename, moved content, restructured tree,
 * deletion, failing comparison) runs over every checker that declares it can claim a removal: each such checker's
 * module binds it in a test, and a checker that binds it declares a claim. The same holds for every bundled recipe:
 * the recipes module binds the contract to a recipe by a concrete test class extending its
 * {@code RecipeRemovalContract} (itself a {@code RemovalContract}) with {@code super("<id>")}. Reads whatever
 * checkers and recipes exist, so a new one is held to it without touching this test.
 */
class RemovalContractCoverageTest {

    private static final Path CHECKERS = Path.of(System.getProperty("user.dir")).getParent().resolve("checkers");
    private static final Path RECIPE_TESTS = CHECKERS.resolve("recipes/src/test/java");

    /** A concrete class binding the recipes' contract: {@code class X extends RecipeRemovalContract {}}. */
    private static final Pattern RECIPE_BINDING = Pattern.compile(
            "^(?!.*\\babstract\\b)[^\\n]*\\bclass\\s+\\w+\\s+extends\\s+RecipeRemovalContract\\b", Pattern.MULTILINE);
    /** The recipe it binds, named in its constructor. */
    private static final Pattern BOUND_ID = Pattern.compile("\\bsuper\\(\\s*\"([^\"]+)\"\\s*\\)");

    private static Stream<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindsTheContract(String id) {
        return javaFiles(CHECKERS.resolve(id).resolve("src/test/java"))
                .anyMatch(f -> read(f).contains("extends RemovalContract"));
    }

    /** Recipe id to the test class that binds the contract to it, from the recipes module's tests. */
    private static Map<String, String> recipeBindings() {
        Map<String, String> bound = new TreeMap<>();
        for (Path file : javaFiles(RECIPE_TESTS).toList()) {
            String text = read(file);
            if (!RECIPE_BINDING.matcher(text).find()) {
                continue;
            }
            Matcher id = BOUND_ID.matcher(text);
            assertThat(id.find()).as(file + " extends RecipeRemovalContract without naming its recipe in"
                    + " super(\"<id>\")").isTrue();
            String previous = bound.put(id.group(1), file.getFileName().toString());
            assertThat(previous).as("recipe " + id.group(1) + " bound twice").isNull();
        }
        return bound;
    }

    @Test
    void everyCheckerThatCanClaimARemovalRunsTheSharedContract() {
        List<Checker> checkers = ServiceLoader.load(Checker.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(checkers).isNotEmpty();
        for (Checker checker : checkers) {
            boolean claims = !checker.removalClaims().isEmpty();
            assertThat(bindsTheContract(checker.id()))
                    .as(checker.id() + (claims ? " declares removal claims but no test extends RemovalContract"
                            : " runs RemovalContract but declares no removal claim"))
                    .isEqualTo(claims);
        }
        assertThat(checkers).filteredOn(c -> !c.removalClaims().isEmpty()).extracting(Checker::id)
                .contains("docker", "file-utility", "lxc", "podman");
    }

    @Test
    void everyRecipeThatCanClaimARemovalRunsTheSharedContract() throws Exception {
        List<RecipeChecker> recipes = RecipeLoader.bundled(getClass().getClassLoader());
        assertThat(recipes).isNotEmpty();
        assertThat(read(RECIPE_TESTS.resolve("org/criu/status/checkers/recipes/RecipeRemovalContract.java")))
                .as("the recipes' binding is the core test kit's contract").contains("extends RemovalContract");
        Map<String, String> bound = recipeBindings();
        assertThat(recipes).filteredOn(r -> !r.removalClaims().isEmpty() && !bound.containsKey(r.id()))
                .extracting(Checker::id).as("recipes declaring removal claims with no test in " + RECIPE_TESTS
                        + " extending RecipeRemovalContract with super(\"<id>\")").isEmpty();
        assertThat(recipes).filteredOn(r -> r.removalClaims().isEmpty() && bound.containsKey(r.id()))
                .extracting(r -> r.id() + " (" + bound.get(r.id()) + ")")
                .as("recipes running RecipeRemovalContract but declaring no removal claim").isEmpty();
        assertThat(bound.keySet()).as("every binding names a bundled recipe")
                .isSubsetOf(recipes.stream().map(Checker::id).collect(Collectors.toSet()));
        assertThat(recipes).filteredOn(r -> !r.removalClaims().isEmpty()).extracting(Checker::id)
                .contains("runc", "shell", "screen-tmux");
    }
}
