package dev.primer.experiments.cli;

import dev.primer.go.bench.PlayoutBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer bench playouts}: uniformly random non-eye-filling Go playouts per second. */
@Command(name = "playouts", mixinStandardHelpOptions = true,
        description = "Random legal playouts (no filling of own single-point eyes) to the end, scored; playouts/s.")
final class BenchPlayoutsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", defaultValue = "9", description = "board size 2..25 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--seconds", defaultValue = "5", description = "measured seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--threads", defaultValue = "1", description = "threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "also write {size, playouts_per_s, threads, ...} to FILE")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (size < 2 || size > 25 || seconds <= 0 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size must be 2..25, --seconds > 0 and --threads >= 1");
        }
        PlayoutBench.Result r = PlayoutBench.run(size, seconds, threads, seed);
        System.out.printf("%dx%d  %d thread(s)  %,d playouts in %.1f s  %,.0f playouts/s%n", r.size(), r.size(),
                r.threads(), r.playouts(), r.seconds(), r.playoutsPerSecond());
        if (json != null) {
            Json.write(json, r);
        }
        return 0;
    }
}
