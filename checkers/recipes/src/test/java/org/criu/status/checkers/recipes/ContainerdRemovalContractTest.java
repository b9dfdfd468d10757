package org.criu.status.checkers.recipes;

/** The removal contract over the {@code containerd} recipe's claims (see {@link RecipeRemovalContract}). */
class ContainerdRemovalContractTest extends RecipeRemovalContract {
    ContainerdRemovalContractTest() {
        super("containerd");
    }
}
