package org.criu.status.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Bounds for numeric options, checked while the command line is parsed: a value out of range is a usage error
 * (exit 2, with "Try ... --help") before anything runs, never an overflow deep in a run. Use it from an
 * {@code @Option}-annotated setter.
 */
final class NumericOption {

    private NumericOption() {
    }

    /**
     * Returns {@code value} when it lies in [{@code min}, {@code max}].
     *
     * @param unit what the number counts, for the message ("seconds"); may be empty
     * @throws ParameterException naming the option, the value and the range otherwise
     */
    static long inRange(CommandSpec spec, String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " " + value + ": must be " + min + " to " + max
                    + (unit.isEmpty() ? "" : " " + unit));
        }
        return value;
    }
}
