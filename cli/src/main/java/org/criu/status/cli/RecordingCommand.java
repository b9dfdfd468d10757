package org.criu.status.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.criu.status.core.http.RecordingSeal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recording}: work on a {@code --record} folder. */
@Command(name = "recording", mixinStandardHelpOptions = true,
        description = "Work on a recording folder (what --record writes and --replay reads).",
        subcommands = {RecordingCommand.Seal.class})
final class RecordingCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: seal");
    }

    /** {@code recording seal DIR}: after editing exchanges by hand, seal their bodies again. */
    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = {"Seal every .http file in DIR again after editing it: write each body's Content-Length "
                    + "and Content-Digest (SHA-256) into its head. Nothing else in the files changes.",
                    "--replay refuses a body that does not match its seal, so a body cut short or edited by "
                            + "accident is never replayed as an answer."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:sealed", "2:DIR or one of its files is not a recording (the message names it)"})
    static final class Seal implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "The recording folder.")
        Path dir;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            RecordingSeal.Result result;
            try {
                result = RecordingSeal.seal(dir);
            } catch (IOException e) {
                throw new UserInputException("recording seal: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: sealed %d of %d exchanges (%d already matched their seal)%n", dir, result.sealed(),
                    result.files(), result.alreadySealed());
            out.flush();
            return Main.OK;
        }
    }
}
