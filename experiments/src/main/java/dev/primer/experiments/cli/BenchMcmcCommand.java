package dev.primer.experiments.cli;

import dev.primer.prob.bench.McmcBench;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code primer bench mcmc}: ESS per gradient and per second of HMC and NUTS on the 100-d Gaussian and the banana,
 * then random-walk MH, HMC, NUTS and the learned proposal on the hard 2-D targets.
 */
@Command(name = "mcmc", mixinStandardHelpOptions = true,
        description = "HMC and NUTS (adapted step size and diagonal metric) on the 100-d Gaussian and the banana; "
                + "RWMH, HMC, NUTS and the learned proposal on a mixture, a ring, the banana and the funnel.")
final class BenchMcmcCommand extends CliCommand {
    @Option(names = "--draws", defaultValue = "1000", description = "draws per chain after warm-up (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--train", defaultValue = "2000",
            description = "updates of each learned proposal (default: ${DEFAULT-VALUE}); 0 skips the hard targets")
    int train;

    @CommandLine.Mixin
    SeedOption seed;

    @Option(names = "--json", description = "also write the table to FILE")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (draws < 10) {
            throw badInput("--draws must be >= 10");
        }
        if (train < 0) {
            throw badInput("--train must be >= 0");
        }
        List<McmcBench.Result> results = McmcBench.run(seed.value, draws);
        System.out.printf("%-5s %-16s %4s %8s %9s %10s %6s %6s %4s %6s%n", "", "target", "dim", "min_ess",
                "ess/grad", "ess/s", "step", "accept", "div", "rhat");
        for (McmcBench.Result r : results) {
            System.out.printf(Locale.ROOT, "%-5s %-16s %4d %8.0f %9.4f %10.0f %6.3f %6.2f %4d %6.3f%n", r.sampler(),
                    r.target(), r.dim(), r.minEss(), r.essPerGradient(), r.essPerSecond(), r.stepSize(),
                    r.acceptProb(), r.divergences(), r.maxRhat());
        }
        List<McmcBench.HardResult> hard = train == 0 ? List.of() : McmcBench.hard(seed.value, draws, train);
        if (!hard.isEmpty()) {
            System.out.printf("%n%-8s %-11s %8s %9s %9s %9s %6s %6s %8s %8s%n", "", "target", "min_ess", "ess/s",
                    "train_s", "ess/s+tr", "rhat", "accept", "mean_err", "var_rat");
        }
        for (McmcBench.HardResult r : hard) {
            System.out.printf(Locale.ROOT, "%-8s %-11s %8.0f %9.0f %9.1f %9.0f %6.3f %6.2f %8.3f %8.3f%n", r.sampler(),
                    r.target(), r.minEss(), r.essPerSecond(), r.trainSeconds(), r.essPerSecondWithTraining(),
                    r.maxRhat(), r.acceptRate(), r.meanError(), r.varianceRatio());
        }
        if (json != null) {
            Json.write(json, java.util.Map.of("gaussian_and_banana", results, "hard_2d", hard));
        }
        return 0;
    }
}
