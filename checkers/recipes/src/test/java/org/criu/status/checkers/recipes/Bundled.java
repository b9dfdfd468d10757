package org.criu.status.checkers.recipes;

import org.criu.status.core.recipe.RecipeChecker;
import org.criu.status.core.recipe.RecipeException;
import org.criu.status.core.recipe.RecipeLoader;
import org.criu.status.core.testkit.SourceServer;

/** Reads the bundled recipes and their fixtures the way a run does (from this module's classpath). */
final class Bundled {

    private Bundled() {
    }

    /** The bundled recipe {@code <id>.yaml}, validated as the registry reads it. */
    static RecipeChecker recipe(String id) {
        try {
            return RecipeLoader.bundled(Bundled.class.getClassLoader(), id + ".yaml");
        } catch (RecipeException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A fixture of recipe {@code id}: {@code src/test/resources/org/criu/status/checkers/recipes/<id>/<name>}. */
    static String fixture(String id, String name) {
        return SourceServer.fixture(Bundled.class, id + "/" + name);
    }
}
