package dev.primer.experiments.cli;

import dev.primer.nn.Backend;
import dev.primer.nn.Net;
import dev.primer.nn.bench.NnBench;
import dev.primer.nn.bench.Workload;
import dev.primer.nn.optim.Updates;
import dev.primer.prob.vae.Vae;
import dev.primer.random.SplitMix64;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code primer bench nn}: milliseconds per training step or inference call of a reference workload. */
@Command(name = "nn", mixinStandardHelpOptions = true,
        description = "Time a reference workload (mlp, convnet, resnet9, policy, vae): median, p10, p90 ms per step.")
final class BenchNnCommand extends CliCommand {
    @Option(names = "--workload", required = true, description = "mlp, convnet, resnet9, policy (the SL policy tower)"
            + " or vae (probmodels' 784-400-20 VAE on the expression path, binary inputs)")
    String workload;

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

    private static final String VAE = "vae";

    private Workload parse(String name) {
        try {
            return Workload.parse(name);
        } catch (IllegalArgumentException e) {
            throw badInput("unknown --workload '" + name + "': use mlp, convnet, resnet9, policy or vae");
        }
    }

    /** The VAE workload: Adam 1e-3 on a fixed batch of Bernoulli(½) pixels. */
    private NnBench.Timing vae() {
        Backend.init();
        Backend.setThreads(threads);
        Net net = Net.of(Vae.of(20).build(Updates.adam(1e-3), seed.value));
        Nd4j.getRandom().setSeed(new SplitMix64(seed.value).nextLong());
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 784).gt(0.5).castTo(DataType.FLOAT);
        return NnBench.time(VAE, net, new MultiDataSet(x, null), mode, warmup, samples);
    }

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || threads < 1 || samples < 1 || warmup < 0) {
            throw badInput("--batch, --threads and --samples must be >= 1 and --warmup >= 0");
        }
        NnBench.Timing t = VAE.equals(workload) ? vae() : NnBench.run(parse(workload), mode, batch, threads, warmup,
                samples, seed.value);
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
