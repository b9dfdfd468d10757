package org.criu.status.checkers.recipes;

/** The removal contract over the {@code amd-gpu} recipe's claims (see {@link RecipeRemovalContract}). */
class AmdGpuRemovalContractTest extends RecipeRemovalContract {
    AmdGpuRemovalContractTest() {
        super("amd-gpu");
    }
}
