/**
 * <b>Internal to core.</b> Checkers written as YAML recipes: {@link org.criu.status.core.recipe.RecipeLoader}
 * reads and validates them (from the jar and from {@code --plugins DIR}), each becomes a
 * {@link org.criu.status.core.recipe.RecipeChecker} whose probes yield evidence through the same checker API a
 * Java checker uses. A recipe author writes YAML (docs/RECIPES.md), never against this package; a Java checker
 * does not use it.
 */
package org.criu.status.core.recipe;
