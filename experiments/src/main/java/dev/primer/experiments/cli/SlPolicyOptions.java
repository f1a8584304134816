package dev.primer.experiments.cli;

import dev.primer.experiments.core.Budget;
import dev.primer.rl.alphago.SlPolicy;
import picocli.CommandLine.Option;

/**
 * {@code --budget}, {@code --steps} and {@code --learning-rate} of an SL policy run, shared by
 * {@code alphago train-sl} and {@code cluster train-sl}.
 */
public final class SlPolicyOptions {
    @Option(names = "--budget", defaultValue = "quick",
            description = "quick (2x32 tower, 1,500 steps) or full (6x64 tower, 20,000 steps); "
                    + "default ${DEFAULT-VALUE}")
    Budget budget;

    @Option(names = "--steps", description = "updates, replacing the budget's")
    Long steps;

    @Option(names = "--learning-rate", description = "Adam's starting rate (it decays linearly to 0 at the last "
            + "update), replacing the budget's")
    Double learningRate;

    /** Returns the run these options ask for with {@code seed}, leaving out the first {@code skipOpening} moves. */
    public SlPolicy.Config config(long seed, int skipOpening) {
        SlPolicy.Config c = (budget == Budget.QUICK ? SlPolicy.Config.quick() : SlPolicy.Config.full())
                .withSeed(seed).withSkipOpening(skipOpening);
        c = steps == null ? c : c.withSteps(steps);
        return learningRate == null ? c : c.withLearningRate(learningRate);
    }
}
