package org.criu.status.checkers.recipes;

/** The removal contract over the {@code crun} recipe's claims (see {@link RecipeRemovalContract}). */
class CrunRemovalContractTest extends RecipeRemovalContract {
    CrunRemovalContractTest() {
        super("crun");
    }
}
