package org.criu.status.checkers.recipes;

/** The removal contract over the {@code incus} recipe's claims (see {@link RecipeRemovalContract}). */
class IncusRemovalContractTest extends RecipeRemovalContract {
    IncusRemovalContractTest() {
        super("incus");
    }
}
