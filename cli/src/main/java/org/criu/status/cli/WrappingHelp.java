package org.criu.status.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help whose option descriptions wrap at spaces only. picocli's own wrapping asks {@link java.text.BreakIterator}
 * for line breaks, which allows one after a '.' or '/' inside a word, so {@code https://api.github.com} could
 * come out as {@code https://api.} and {@code github.com} on two lines, and a path or URL copied from the help
 * would not work. Here a word longer than the column is the only thing ever cut, and the help is written so
 * that none is.
 */
final class WrappingHelp implements CommandLine.IHelpFactory {

    /** picocli's own cap on the synopsis indent, as a share of the width (private there). */
    private static final double MAX_AUTO_INDENT = 0.9;

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new Help(commandSpec, colorScheme) {
            @Override
            public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                              ColorScheme scheme) {
                int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
                int width = commandSpec().usageMessage().width();
                // picocli's default five columns; the last, the description, wraps at spaces.
                return new Layout(scheme, new SpaceWrappingTable(scheme,
                        new Column(2, 0, Overflow.TRUNCATE),
                        new Column(2, 0, Overflow.SPAN),
                        new Column(1, 0, Overflow.TRUNCATE),
                        new Column(longOptions, 1, Overflow.SPAN),
                        new Column(width - 5 - longOptions, 1, Overflow.WRAP)),
                        createDefaultOptionRenderer(), createDefaultParameterRenderer());
            }

            /** The synopsis as picocli lays it out (command name, then options aligned after it), cut at spaces. */
            @Override
            protected String insertSynopsisCommandName(int headingLength, Text details) {
                String name = commandSpec().qualifiedName();
                CommandLine.Model.UsageMessageSpec usage = commandSpec().usageMessage();
                int width = usage.width();
                int indent = headingLength + name.length() + 1;
                if (indent > usage.synopsisAutoIndentThreshold() * width) {
                    indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
                    indent = Math.min(indent, (int) (MAX_AUTO_INDENT
                            * width));
                }
                TextTable table = new SpaceWrappingTable(colorScheme(), new Column(width, 0, Overflow.WRAP));
                table.indentWrappedLines = indent;
                Text padding = Help.Ansi.OFF.new Text("X".repeat(headingLength), colorScheme());
                table.addRowValues(padding.concat(colorScheme().commandText(name)).concat(details));
                return table.toString().substring(headingLength);
            }
        };
    }

    /** A table whose wrapping columns break lines at spaces only. */
    static final class SpaceWrappingTable extends TextTable {

        SpaceWrappingTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (column.overflow != Overflow.WRAP || value == null || value.plainString().isEmpty()) {
                return super.putValue(row, col, value);
            }
            int first = column.width - column.indent;
            List<int[]> lines = lines(value.plainString(), first, first - indentWrappedLines);
            Cell last = null;
            for (int i = 0; i < lines.size(); i++) {
                Text line = value.substring(lines.get(i)[0], lines.get(i)[1]);
                if (i > 0) {
                    addEmptyRow();
                    row++;
                    line = value.substring(0, 0).concat(" ".repeat(indentWrappedLines)).concat(line);
                }
                last = super.putValue(row, col, line);
                row = last.row;
            }
            return last;
        }

        /** Greedy line filling at spaces: [start, end) of each line, spaces between lines dropped. */
        static List<int[]> lines(String text, int firstWidth, int nextWidth) {
            List<int[]> lines = new ArrayList<>();
            int start = 0;
            int n = text.length();
            while (start < n) {
                int width = lines.isEmpty() ? firstWidth : nextWidth;
                if (n - start <= width) {
                    lines.add(new int[] {start, n});
                    break;
                }
                int end = text.lastIndexOf(' ', start + width);
                if (end <= start) {
                    end = text.indexOf(' ', start); // one word longer than the line: keep it whole
                    if (end < 0) {
                        lines.add(new int[] {start, n});
                        break;
                    }
                }
                lines.add(new int[] {start, end});
                start = end;
                while (start < n && text.charAt(start) == ' ') {
                    start++;
                }
            }
            return lines;
        }
    }
}
