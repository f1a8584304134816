package dev.primer.prob.mcmc;

import dev.primer.nn.data.SplitMix64;

/** Momentum draws for a diagonal metric. */
final class Momentum {
    private Momentum() {
    }

    /** p ~ N(0, M) with M = diag(1/invMass). */
    static double[] draw(SplitMix64 rng, double[] invMass) {
        double[] p = new double[invMass.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() / Math.sqrt(invMass[i]);
        }
        return p;
    }
}
