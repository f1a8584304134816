package dev.primer.prob.discrete;

import dev.primer.random.SplitMix64;


/**
 * Sampling categorical variables through Gumbel noise: the Gumbel-max trick, argmaxₖ(logitₖ + gₖ) ~
 * Categorical(softmax(logits)) for gₖ iid Gumbel(0, 1) (Gumbel 1954; Maddison, Tarlow &amp; Minka 2014), and its
 * continuous relaxation, Gumbel-softmax / Concrete: softmax((logits + g)/τ) (Jang, Gu &amp; Poole 2017, eq. 1;
 * Maddison, Mnih &amp; Teh 2017), which tends to a one-hot Gumbel-max sample as τ → 0.
 */
public final class Gumbel {
    private Gumbel() {
    }

    /** A standard Gumbel draw, g = −log(−log U) with U uniform on (0, 1). */
    public static double sample(SplitMix64 rng) {
        double u = rng.nextDouble();
        while (u == 0) {
            u = rng.nextDouble();
        }
        return -Math.log(-Math.log(u));
    }

    /** A category index distributed as Categorical(softmax(logits)). */
    public static int max(double[] logits, SplitMix64 rng) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double v = logits[k] + sample(rng);
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        return best;
    }

    /**
     * A point of the probability simplex: softmax((logits + g)/τ) for temperature τ &gt; 0.
     *
     * @throws IllegalArgumentException unless τ is finite and positive
     */
    public static double[] softmax(double[] logits, double temperature, SplitMix64 rng) {
        if (!(temperature > 0) || temperature == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Gumbel-softmax temperature must be finite and > 0, got " + temperature);
        }
        double[] z = new double[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < z.length; k++) {
            z[k] = (logits[k] + sample(rng)) / temperature;
            max = Math.max(max, z[k]);
        }
        double s = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            s += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= s;
        }
        return z;
    }

    /** softmax(logits), the exact category probabilities. */
    public static double[] probabilities(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double s = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            s += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= s;
        }
        return p;
    }
}
