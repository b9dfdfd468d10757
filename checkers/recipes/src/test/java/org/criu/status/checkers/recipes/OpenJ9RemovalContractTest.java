package org.criu.status.checkers.recipes;

/** The removal contract over the {@code openj9} recipe's claims (see {@link RecipeRemovalContract}). */
class OpenJ9RemovalContractTest extends RecipeRemovalContract {
    OpenJ9RemovalContractTest() {
        super("openj9");
    }
}
