package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import dev.primer.rl.alphago.SlPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --budget} and {@code --steps} of an SL policy run, shared by {@code alphago train-sl} and
 * {@code cluster train-sl}.
 */
public final class SlPolicyOptions {
    @Option(names = "--budget", defaultValue = "quick",
            description = "quick (2x32 tower, 1,500 steps) or full (6x64 tower, 20,000 steps); "
                    + "default ${DEFAULT-VALUE}")
    Budget budget;

    @Option(names = "--steps", description = "updates, replacing the budget's")
    Long steps;

    /** Returns the run these options ask for with {@code seed}, leaving out the first {@code skipOpening} moves. */
    public SlPolicy.Config config(long seed, int skipOpening) {
        SlPolicy.Config c = (budget == Budget.QUICK ? SlPolicy.Config.quick() : SlPolicy.Config.full())
                .withSeed(seed).withSkipOpening(skipOpening);
        return steps == null ? c : c.withSteps(steps);
    }
}
