package org.criu.status.checkers.recipes;

/** The removal contract over the {@code cri-o} recipe's claims (see {@link RecipeRemovalContract}). */
class CriORemovalContractTest extends RecipeRemovalContract {
    CriORemovalContractTest() {
        super("cri-o");
    }
}
