package org.criu.status.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code integration-status} command; only {@link #main} calls {@code System.exit}. */
@Command(name = "integration-status",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Checks the CRIU wiki page \"Integration\" against public sources and suggests status changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing to change",
                "1:at least one suggested change",
                "2:bad usage or unreadable input (the message names the input)",
                "3:no suggestion, but some checks could not run"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int SUGGESTIONS = 1;
    public static final int USAGE = 2;
    public static final int INCOMPLETE = 3;

    /**
     * The subcommands, in the order the usage lists them. Added by {@link #commandLine}, not by the annotation:
     * picocli builds a command's model when the command is added (reflection over each option of each mixin, an
     * object per annotation, the command's own fields), which a new JVM does cold, so a run builds only the command
     * it runs.
     */
    static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, CheckersCommand.class, ParseCommand.class,
            PublishCommand.class, SelftestCommand.class, RecordingCommand.class, DismissCommand.class,
            DismissCommand.Undismiss.class, CompletionCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> commands = spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: " + oneOf(commands));
    }

    public static void main(String[] args) {
        Console console = Console.detect();
        Warmup.startFor(args);
        System.exit(execute(System.getenv(), console, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given environment and streams; returns the exit code. */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return execute(env, Console.none(), out, err, args);
    }

    /** As above, on streams that {@code console} says are (or are not) terminals. */
    static int execute(Map<String, String> env, Console console, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(env, console, invoked(args));
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, Console.none());
    }

    static CommandLine commandLine(Map<String, String> env, Console console) {
        return commandLine(env, console, COMMANDS);
    }

    /**
     * The commands a command line needs: the one its first word names, if that command needs no other (every
     * command but {@code help} and {@code completion}, which describe the others); else all of them (usage, errors
     * and their suggestions list every command).
     */
    static List<Class<?>> invoked(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return command == CompletionCommand.class || command == CommandLine.HelpCommand.class
                            ? COMMANDS : List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    /** The command line with {@code commands} as its subcommands (usage lists them in this order). */
    static CommandLine commandLine(Map<String, String> env, Console console, List<Class<?>> commands) {
        Factory factory = new Factory(env, console);
        CommandLine cli = new CommandLine(new Main(), factory);
        for (Class<?> command : commands) {
            try {
                cli.addSubcommand(new CommandLine(factory.create(command), factory));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the command " + command.getName(), e);
            }
        }
        cli.setHelpFactory(new WrappingHelp());
        HelpSections.append(cli, HelpSections.EXAMPLES, HelpSections.ENVIRONMENT);
        if (cli.getSubcommands().containsKey("check")) {
            HelpSections.append(cli.getSubcommands().get("check"), HelpSections.EXAMPLES, HelpSections.ENVIRONMENT);
        }
        if (cli.getSubcommands().containsKey("parse")) {
            HelpSections.append(cli.getSubcommands().get("parse"), HelpSections.ENVIRONMENT);
        }
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserInputException) {
                commandLine.getErr().println("integration-status: " + e.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("integration-status: internal error: " + e);
            return USAGE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            String message = e.getMessage();
            List<String> suggestions = List.of();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                suggestions = unmatched.getSuggestions();
                if (!unmatched.isUnknownOption() && !failed.getSubcommands().isEmpty()
                        && failed.getCommandSpec().positionalParameters().isEmpty()) {
                    message = "'" + unmatched.getUnmatched().get(0) + "' is not a command (commands: "
                            + String.join(", ", failed.getSubcommands().keySet()) + ")";
                }
            }
            err.println("integration-status: " + message);
            if (!suggestions.isEmpty()) {
                err.println("Did you mean " + oneOf(suggestions) + "?");
            }
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return USAGE;
        });
        return cli;
    }

    /** "a", "a or b", "a, b or c". */
    static String oneOf(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** Hands the environment to commands so tests need not change the process's. */
    static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;
        private final Console console;

        Factory(Map<String, String> env) {
            this(env, Console.none());
        }

        Factory(Map<String, String> env, Console console) {
            this.env = env;
            this.console = console;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == CheckCommand.class) {
                return cls.cast(new CheckCommand(env, console));
            }
            if (cls == ParseCommand.class) {
                return cls.cast(new ParseCommand(env));
            }
            if (cls == SelftestCommand.class) {
                return cls.cast(new SelftestCommand(env));
            }
            if (cls == PublishCommand.class) {
                return cls.cast(new PublishCommand(env));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"integration-status " + org.criu.status.core.http.Http.VERSION};
        }
    }
}
