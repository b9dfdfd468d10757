package org.criu.status.core.recipe;

/** A recipe that cannot be used: the message names its file and, where known, the line and key at fault. */
public final class RecipeException extends Exception {

    private final String origin;
    private final int line;

    RecipeException(String origin, int line, String message) {
        super("recipe " + origin + (line > 0 ? ", line " + line : "") + ": " + message);
        this.origin = origin;
        this.line = line;
    }

    /** The recipe's file as the user knows it (a path under --plugins, or the bundled resource). */
    public String origin() {
        return origin;
    }

    /** The 1-based line at fault, 0 when the fault is the whole file. */
    public int line() {
        return line;
    }
}
