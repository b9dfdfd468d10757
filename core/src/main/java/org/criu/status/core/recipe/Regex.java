package org.criu.status.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression written in a recipe (Java syntax). Compiled when the recipe is read, so a bad pattern is
 * an error naming the recipe's file and line, never a failure in the middle of a run.
 */
public record Regex(Pattern pattern) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Regex of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern matches everything; write what to look for");
        }
        try {
            return new Regex(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern '" + text + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matchesWhole(String text) {
        return pattern.matcher(text).matches();
    }

    /** Whether the pattern is found somewhere in {@code text}. */
    public boolean foundIn(String text) {
        return pattern.matcher(text).find();
    }

    @JsonValue
    @Override
    public String toString() {
        return pattern.pattern();
    }
}
