package org.criu.status.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.criu.status.core.state.State;
import org.criu.status.core.state.StateException;
import org.criu.status.core.state.StateFile;
import org.criu.status.core.state.Tracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dismiss ENTRY --reason TEXT --state FILE}: an editor's decision not to act on a suggestion. It is
 * recorded against the evidence the suggestion rests on: later runs list it as dismissed, with the reason, until
 * that evidence changes; then it comes back.
 */
@Command(name = "dismiss", mixinStandardHelpOptions = true,
        description = "Dismiss the suggestion for an entry until its evidence changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:dismissed", "2:bad usage, or no suggestion for that entry in the state file"})
final class DismissCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ENTRY", description = "The entry's heading (\"SLURM workload manager\") "
            + "or its checker id (slurm), any case.")
    String entry;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why: shown with the dismissed "
            + "suggestion in every report.")
    String reason;

    @Option(names = "--state", paramLabel = "FILE", required = true, description = "The state file check --state "
            + "writes.")
    Path state;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    DismissCommand() {
        this(Clock.systemUTC());
    }

    DismissCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        State current = Undismiss.read(state);
        try {
            State next = Tracker.dismiss(current, entry, reason, clock.instant(), state.toString());
            Undismiss.write(state, next);
            spec.commandLine().getOut().println("Dismissed the suggestion for '" + Undismiss.key(next, entry, state)
                    + "' until its evidence changes.");
            return Main.OK;
        } catch (StateException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** {@code undismiss ENTRY --state FILE}: the suggestion counts again from the next run. */
    @Command(name = "undismiss", mixinStandardHelpOptions = true,
            description = "Take back a dismissal: the suggestion counts again from the next run.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:undismissed", "2:bad usage, or no dismissal for that entry in the state file"})
    static final class Undismiss implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ENTRY", description = "The entry's heading or its checker id.")
        String entry;

        @Option(names = "--state", paramLabel = "FILE", required = true, description = "The state file.")
        Path state;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            State current = read(state);
            try {
                State next = Tracker.undismiss(current, entry, state.toString());
                write(state, next);
                spec.commandLine().getOut().println("The suggestion for '" + key(next, entry, state)
                        + "' counts again from the next run.");
                return Main.OK;
            } catch (StateException e) {
                throw new UserInputException(e.getMessage());
            }
        }

        static State read(Path file) {
            if (!java.nio.file.Files.exists(file)) {
                throw new UserInputException("--state " + file + ": no such file; run check --state " + file
                        + " first");
            }
            try {
                return StateFile.readAnyPage(file);
            } catch (StateException e) {
                throw new UserInputException("--state " + e.getMessage());
            }
        }

        static void write(Path file, State state) {
            CheckCommand.writeState(file, state);
        }

        static String key(State state, String entry, Path file) {
            try {
                return Tracker.entryKey(state, entry, file.toString());
            } catch (StateException e) {
                return entry;
            }
        }
    }
}
