package dev.primer.prob.mcmc;

import dev.primer.random.SplitMix64;

/** The random draws kernels share, on a {@link SplitMix64} whose one-long state travels inside kernel states. */
public final class Draws {
    private Draws() {
    }

    /** log U for U uniform on (0, 1]. */
    public static double logUniform(SplitMix64 rng) {
        return Math.log(1.0 - rng.nextDouble());
    }

    /** Momentum p ~ N(0, M) for the diagonal metric M = diag(1/invMass). */
    static double[] momentum(SplitMix64 rng, double[] invMass) {
        double[] p = new double[invMass.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussianBoxMuller() / Math.sqrt(invMass[i]);
        }
        return p;
    }
}
