package org.criu.status.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from sources made safe to print: C0 and C1 control characters (ESC starting an ANSI or OSC sequence, a
 * bell, a carriage return that would overwrite the line), DEL and the bidirectional overrides that reorder what
 * a terminal shows are written as visible escapes ({@code \x1b}, {@code \u202e}); line breaks and tabs stay.
 */
public final class TerminalSafe {

    private static final Pattern UNSAFE = Pattern.compile(
            "\\r(?!\\n)|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");
    private static final Pattern UNSAFE_LINE = Pattern.compile(
            "[\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]");

    private TerminalSafe() {
    }

    /** {@code text} with every unsafe character escaped; line breaks ({@code \n}, {@code \r\n}) and tabs kept. */
    public static String text(String text) {
        return escape(UNSAFE.matcher(text));
    }

    /** One line: like {@link #text}, and line breaks and tabs escaped too. */
    public static String line(String text) {
        return escape(UNSAFE_LINE.matcher(text));
    }

    /** Whether {@code text} holds anything {@link #text} would escape. */
    public static boolean isSafe(String text) {
        return !UNSAFE.matcher(text).find();
    }

    private static String escape(Matcher m) {
        return m.replaceAll(r -> {
            char c = r.group().charAt(0);
            return Matcher.quoteReplacement(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        });
    }
}
