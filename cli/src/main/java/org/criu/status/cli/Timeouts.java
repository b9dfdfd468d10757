package org.criu.status.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --timeout} of each command: what it bounds differs, so does its help. */
final class Timeouts {

    /** Longest {@code --timeout} accepted: an hour. Longer is a typo, and would overflow deadlines. */
    static final long MAX_SECONDS = 3600;

    /** Per request: connecting, and waiting between reads, never longer than this. */
    static final Duration MAX_PER_REQUEST = Duration.ofSeconds(20);

    private Timeouts() {
    }

    /** {@code check --timeout}: time per checker. */
    static final class PerChecker {

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        private Duration value = Duration.ofSeconds(60);

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Time allowed per checker, from when it starts, 1 to " + MAX_SECONDS
                        + " (default: ${DEFAULT-VALUE}); past it the entry is unverified. A single request waits "
                        + "at most 20 s to connect or between reads.")
        void set(long seconds) {
            value = Duration.ofSeconds(NumericOption.inRange(spec, "--timeout", seconds, 1, MAX_SECONDS, "seconds"));
        }

        Duration value() {
            return value;
        }

        /** A request's connect and read timeout: the checker's own, up to {@link #MAX_PER_REQUEST}. */
        Duration perRequest() {
            return value.compareTo(MAX_PER_REQUEST) < 0 ? value : MAX_PER_REQUEST;
        }
    }

    /** {@code parse --timeout}: how long reading the page from the wiki may wait. */
    static final class ForThePage {

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        private Duration value = MAX_PER_REQUEST;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
                description = "Time the wiki may take to connect or between reads of its answer, 1 to " + MAX_SECONDS
                        + " (default: ${DEFAULT-VALUE}).")
        void set(long seconds) {
            value = Duration.ofSeconds(NumericOption.inRange(spec, "--timeout", seconds, 1, MAX_SECONDS, "seconds"));
        }

        Duration value() {
            return value;
        }
    }
}
