package dev.primer.experiments.cli;

import dev.primer.nn.bench.NnBench;
import dev.primer.nn.bench.Workload;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer bench nn}: milliseconds per training step or inference call of a reference workload. */
@Command(name = "nn", mixinStandardHelpOptions = true,
        description = "Time a reference workload (mlp, convnet, resnet9, policy): median, p10, p90 ms per step.")
final class BenchNnCommand extends CliCommand {
    @Option(names = "--workload", required = true, description = "mlp, convnet, resnet9 or policy (the SL policy tower)")
    Workload workload;

    @Option(names = "--mode", defaultValue = "train", description = "train or infer (default: ${DEFAULT-VALUE})")
    NnBench.Mode mode;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", defaultValue = "1", description = "ND4J threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--warmup", defaultValue = "100", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--samples", defaultValue = "50", description = "timed steps (default: ${DEFAULT-VALUE})")
    int samples;

    @CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--json", description = "also write {workload, median_ms, p10_ms, p90_ms, ...} to FILE")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || threads < 1 || samples < 1 || warmup < 0) {
            throw badInput("--batch, --threads and --samples must be >= 1 and --warmup >= 0");
        }
        NnBench.Timing t = NnBench.run(workload, mode, batch, threads, warmup, samples, seed.value);
        System.out.println(t.backend());
        System.out.printf("%-9s %-6s %6s %8s %10s %10s %10s%n", "workload", "mode", "batch", "threads", "median_ms",
                "p10_ms", "p90_ms");
        System.out.printf("%-9s %-6s %6d %8d %10.2f %10.2f %10.2f%n", t.workload(), t.mode(), t.batch(), t.threads(),
                t.medianMs(), t.p10Ms(), t.p90Ms());
        if (json != null) {
            Json.write(json, t);
        }
        return 0;
    }
}
