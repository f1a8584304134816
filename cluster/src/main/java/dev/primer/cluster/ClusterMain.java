package dev.primer.cluster;

import dev.primer.experiments.cli.Main;
import picocli.CommandLine;

/**
 * The {@code primer} command line with {@code primer cluster} added: the launcher runs this class, with the cluster
 * module and Spark on the class path, for {@code ./primer cluster ...} only.
 */
public final class ClusterMain {
    private ClusterMain() {
    }

    /** Entry point; exits with the command's status (2 for bad input, 1 for a failed run). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Returns primer's command line with the {@code cluster} group added (for tests and the launcher). */
    public static CommandLine commandLine() {
        // options of subcommands added later are configured again: enum values are case-insensitive everywhere
        return Main.commandLine().addSubcommand(new ClusterCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
