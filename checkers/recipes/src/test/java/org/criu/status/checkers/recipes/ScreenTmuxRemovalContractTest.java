package org.criu.status.checkers.recipes;

/** The removal contract over the {@code screen-tmux} recipe's claims (see {@link RecipeRemovalContract}). */
class ScreenTmuxRemovalContractTest extends RecipeRemovalContract {
    ScreenTmuxRemovalContractTest() {
        super("screen-tmux");
    }
}
