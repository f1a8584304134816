package dev.primer.experiments.cli;

import picocli.CommandLine.Option;

/** {@code --size} and {@code --komi} of the games a command plays, default 9x9 and komi 7. */
final class BoardOptions {
    @Option(names = "--size", defaultValue = "9", description = "board size (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--komi", defaultValue = "7", description = "komi (default: ${DEFAULT-VALUE})")
    double komi;
}
