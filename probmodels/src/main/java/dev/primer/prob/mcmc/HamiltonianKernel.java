package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;

/**
 * The Hamiltonian kernels ({@link Hmc}, {@link Nuts}): they share {@link HamiltonianState} and start a chain the
 * same way, with Stan's warmup adapting the step size towards the acceptance target δ.
 */
public sealed interface HamiltonianKernel extends Kernel<HamiltonianState> permits Hmc, Nuts {
    /** The log density sampled. */
    LogDensity target();

    /** δ, the acceptance statistic step-size adaptation aims at. */
    double targetAccept();

    @Override
    default HamiltonianState init(double[] x0, int warmup, long seed) {
        return HamiltonianState.start(target(), x0, warmup, seed, targetAccept());
    }
}
