package org.criu.status.checkers.recipes;

/** The removal contract over the {@code runc} recipe's claims (see {@link RecipeRemovalContract}). */
class RuncRemovalContractTest extends RecipeRemovalContract {
    RuncRemovalContractTest() {
        super("runc");
    }
}
