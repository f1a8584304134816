package dev.primer.experiments.cli;

import picocli.CommandLine.Option;

/** {@code --seed N}, default 1: the one definition of the plain seed option, mixed into each command that takes it. */
public final class SeedOption {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "<seed>",
            description = "seed (default: ${DEFAULT-VALUE})")
    public long value;
}
