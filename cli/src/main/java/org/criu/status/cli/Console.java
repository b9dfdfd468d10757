package org.criu.status.cli;

import java.util.Map;
import java.util.Optional;
import org.criu.status.core.report.Styler;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * What the process writes to: whether stdout and stderr are terminals and how wide stdout's is, as JLine's
 * terminal providers tell (native isatty/ioctl through JNI, else the exec provider). Tests pass their own.
 *
 * <p>The process's own streams are probed on a thread of their own ({@link #detect}), beside the start of the
 * command: loading a terminal provider costs a cold JVM tens of milliseconds that a check need not wait for.
 */
final class Console {

    /** What a probe found. */
    private record Found(boolean stdoutTerminal, boolean stderrTerminal, int width) {
    }

    private final java.util.concurrent.Future<Found> found;

    /**
     * @param stdoutTerminal stdout is a terminal (colour, terminal width)
     * @param stderrTerminal stderr is a terminal (progress lines)
     * @param width          columns of stdout's terminal, 0 when unknown
     */
    Console(boolean stdoutTerminal, boolean stderrTerminal, int width) {
        this.found = java.util.concurrent.CompletableFuture.completedFuture(
                new Found(stdoutTerminal, stderrTerminal, width));
    }

    private Console(java.util.concurrent.Future<Found> found) {
        this.found = found;
    }

    /** Neither stream is a terminal: files, pipes, tests. */
    static Console none() {
        return new Console(false, false, 0);
    }

    /** The process's own streams, probed on a daemon thread started now; asking waits for the probe. */
    static Console detect() {
        java.util.concurrent.FutureTask<Found> probe = new java.util.concurrent.FutureTask<>(Console::probe);
        Thread thread = new Thread(probe, "console-probe");
        thread.setDaemon(true);
        thread.start();
        return new Console(probe);
    }

    private static Found probe() {
        for (String name : new String[] {"jni", "exec"}) {
            try {
                TerminalProvider provider = TerminalProvider.load(name);
                boolean out = provider.isSystemStream(SystemStream.Output);
                boolean err = provider.isSystemStream(SystemStream.Error);
                return new Found(out, err, out ? Math.max(0, provider.systemStreamWidth(SystemStream.Output)) : 0);
            } catch (Throwable e) {
                // this provider does not work here (no native library, no stty): try the next, else assume none
            }
        }
        return new Found(false, false, 0);
    }

    private Found found() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return found.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the answer comes within milliseconds: wait for it, keep the interrupt
                } catch (java.util.concurrent.ExecutionException e) {
                    return new Found(false, false, 0); // cannot happen: probe() catches everything
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** stdout is a terminal (colour, terminal width). */
    boolean stdoutTerminal() {
        return found().stdoutTerminal();
    }

    /** stderr is a terminal (progress lines). */
    boolean stderrTerminal() {
        return found().stderrTerminal();
    }

    /** Columns of stdout's terminal, 0 when unknown. */
    int width() {
        return found().width();
    }

    /** The text report's width: --width, else the terminal's, else the width for files and pipes. */
    int reportWidth(Optional<Integer> asked, int fallback) {
        return asked.orElse(stdoutTerminal() && width() > 0 ? width() : fallback);
    }

    /** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
    boolean colour(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return stdoutTerminal() && (noColor == null || noColor.isEmpty());
    }

    /** Styles for the text report, written as ANSI by JLine. */
    static Styler ansi() {
        return (style, text) -> new AttributedString(text, switch (style) {
            case TITLE -> AttributedStyle.BOLD;
            case ENTRY -> AttributedStyle.BOLD;
            case CHANGE -> AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
            case KEEP -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case PROBLEM -> AttributedStyle.BOLD.foreground(AttributedStyle.RED);
            case NEWS -> AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
            case DIM -> AttributedStyle.DEFAULT.faint();
        }).toAnsi();
    }
}
