package dev.primer.prob.mcmc;

import dev.primer.nn.data.SplitMix64;

/** Random draws for kernels, on a {@link SplitMix64} whose one-long state travels inside kernel states. */
final class Rng {
    private Rng() {
    }

    /** A fresh vector of d standard normals. */
    static double[] normals(SplitMix64 rng, int d) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = rng.nextGaussian();
        }
        return z;
    }

    /** log U for U uniform on (0, 1]. */
    static double logUniform(SplitMix64 rng) {
        return Math.log(1.0 - rng.nextDouble());
    }
}
