package org.criu.status.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A text file as read at one ref: finds the lines that prove something, and cites them with a permalink to
 * the ref that was read ({@code blob/v29.7.2/cli/command/checkpoint/cmd.go#L10}). The one way checkers find,
 * quote and link a line. Lines are numbered from 1, as the hosts' anchors are; a trailing CR is dropped.
 *
 * @param url    the file's page at the ref that was read, without an anchor
 * @param text   the file's text
 * @param style  how the host writes a line anchor
 */
public record SourceFile(String url, String text, AnchorStyle style) {

    /** How a host anchors lines in its file view. */
    public enum AnchorStyle {
        /** {@code #L10}, {@code #L10-L12}. */
        GITHUB,
        /** {@code #L10}, {@code #L10-12}. */
        GITLAB
    }

    /** One line of the file, with the permalink that shows it. */
    public record Line(int number, String text, String url) {
        /** The line without leading and trailing blanks, for quoting. */
        public String stripped() {
            return text.strip();
        }
    }

    public SourceFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        if (url.contains("#")) {
            throw new IllegalArgumentException("a file URL carries no anchor: " + url);
        }
    }

    /** The file's lines, in order. */
    public List<String> lines() {
        String[] split = text.split("\n", -1);
        List<String> lines = new ArrayList<>(split.length);
        for (String line : split) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        // A final newline ends the last line; it does not start an empty one.
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty() && text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The first line in which {@code pattern} finds a match. */
    public Optional<Line> firstMatching(Pattern pattern) {
        return firstMatching(l -> pattern.matcher(l).find());
    }

    /** The first line that {@code test} accepts. */
    public Optional<Line> firstMatching(Predicate<String> test) {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return Optional.of(line(i + 1, lines.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Every line in which {@code pattern} finds a match, in order. */
    public List<Line> allMatching(Pattern pattern) {
        List<String> lines = lines();
        List<Line> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                found.add(line(i + 1, lines.get(i)));
            }
        }
        return found;
    }

    /** How many matches {@code pattern} has in the whole file. */
    public long count(Pattern pattern) {
        return pattern.matcher(text).results().count();
    }

    /** Line {@code number} (1-based). */
    public Line line(int number) {
        List<String> lines = lines();
        if (number < 1 || number > lines.size()) {
            throw new IndexOutOfBoundsException("line " + number + " of " + lines.size() + " in " + url);
        }
        return line(number, lines.get(number - 1));
    }

    /** The permalink to lines {@code first} to {@code last} (one line when they are equal). */
    public String rangeUrl(int first, int last) {
        if (last <= first) {
            return url + "#L" + first;
        }
        return url + "#L" + first + (style == AnchorStyle.GITHUB ? "-L" : "-") + last;
    }

    private Line line(int number, String text) {
        return new Line(number, text, url + "#L" + number);
    }
}
