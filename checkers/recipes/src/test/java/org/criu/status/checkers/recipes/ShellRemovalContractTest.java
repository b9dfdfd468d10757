package org.criu.status.checkers.recipes;

/** The removal contract over the {@code shell} recipe's claims (see {@link RecipeRemovalContract}). */
class ShellRemovalContractTest extends RecipeRemovalContract {
    ShellRemovalContractTest() {
        super("shell");
    }
}
