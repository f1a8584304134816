package dev.primer.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code primer} command line: experiments, report, benchmarks and the game front ends. */
@Command(name = "primer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reinforcement learning and game playing on Deeplearning4j, measured.",
        subcommands = {ListCommand.class, RunCommand.class, ReportCommand.class, TourCommand.class,
                BenchCommand.class, GtpCommand.class, MatchCommand.class, GoCommand.class, AlphaGoCommand.class, EnvsCommand.class,
                PlayCommand.class, RlCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point; exits with the command's status (2 for bad usage). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (for tests and the launcher). */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
