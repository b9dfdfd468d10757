package org.criu.status.core.report;

/**
 * Colour and emphasis for a terminal, supplied by the caller (the CLI, through a terminal library); reports
 * lay text out first and style whole pieces after, so styling never changes what fits a line.
 */
@FunctionalInterface
public interface Styler {

    /** What a piece of text is, for the styler to choose how it looks. */
    enum Style { TITLE, ENTRY, CHANGE, KEEP, PROBLEM, NEWS, DIM }

    /** {@code text} styled; {@code text} has no line breaks and is already safe for a terminal. */
    String apply(Style style, String text);

    /** No styling at all: files, pipes, {@code NO_COLOR}. */
    Styler PLAIN = (style, text) -> text;
}
