package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code tour}. */
final class RunOptionsMixin {
    @Option(names = "--budget", defaultValue = "quick", description = "quick or full (default: ${DEFAULT-VALUE})")
    Budget budget;

    @Option(names = "--seed", defaultValue = "1", description = "seed for every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "results", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;
}
