package org.criu.status.core.model;

/** Shortening quoted text the same way everywhere: cut at a word boundary, an ellipsis marking the cut. */
public final class Quotes {

    /** The mark left where text was cut. */
    public static final String ELLIPSIS = "…";

    private Quotes() {
    }

    /**
     * {@code text} if it is at most {@code max} characters, else its longest prefix that ends at a word boundary
     * (or, for one long word, at {@code max - 1}) followed by {@link #ELLIPSIS}; never longer than {@code max}.
     */
    public static String shorten(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, not " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = max - ELLIPSIS.length();
        // Never split a surrogate pair: the half left behind is not a character.
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int space = text.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }
}
