package org.criu.status.checkers.recipes;

/** The removal contract over the {@code nvidia-cuda} recipe's claims (see {@link RecipeRemovalContract}). */
class NvidiaCudaRemovalContractTest extends RecipeRemovalContract {
    NvidiaCudaRemovalContractTest() {
        super("nvidia-cuda");
    }
}
