package dev.primer.experiments.cli;

import picocli.CommandLine.Command;

/** {@code primer bench}: the project's speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks.",
        subcommands = {BenchNnCommand.class, BenchPlayoutsCommand.class, BenchEnvCommand.class,
                BenchMcmcCommand.class})
final class BenchCommand extends CommandGroup {
}
