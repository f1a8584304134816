package dev.primer.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code primer} command line: experiments, report, benchmarks and the game front ends. */
@Command(name = "primer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reinforcement learning and game playing on Deeplearning4j, measured.",
        subcommands = {ListCommand.class, RunCommand.class, ReportCommand.class, TourCommand.class,
                BenchCommand.class, GtpCommand.class, MatchCommand.class, GoCommand.class, AlphaGoCommand.class,
                EnvsCommand.class, PlayCommand.class, RlCommand.class,
                CommandLine.HelpCommand.class})
public final class Main extends CommandGroup {
    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on failure, print the stack trace too")
    boolean debug;

    /** Entry point; exits with the command's status (2 for bad input, 1 for a failed run). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (for tests and the launcher). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::failed);
    }

    /** A failed run: one line naming the command and the problem (with {@code --debug}, the stack trace first). */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        boolean debug = ((Main) command.getCommandSpec().root().userObject()).debug;
        if (debug) {
            e.printStackTrace(command.getErr());
        }
        String problem = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + problem
                + (debug ? "" : " (--debug prints the stack trace)"));
        command.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }
}
