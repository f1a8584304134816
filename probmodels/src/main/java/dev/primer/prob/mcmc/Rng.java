package dev.primer.prob.mcmc;

import dev.primer.nn.data.SplitMix64;

/** Random draws for kernels, on a {@link SplitMix64} whose one-long state travels inside kernel states. */
final class Rng {
    private Rng() {
    }

    /** log U for U uniform on (0, 1]. */
    static double logUniform(SplitMix64 rng) {
        return Math.log(1.0 - rng.nextDouble());
    }
}
