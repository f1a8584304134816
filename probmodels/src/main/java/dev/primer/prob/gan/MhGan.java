package dev.primer.prob.gan;

import dev.primer.prob.mcmc.Draws;
import dev.primer.prob.optim.Newton;
import dev.primer.prob.targets.LogisticRegression;
import dev.primer.random.SplitMix64;

/**
 * Sampling a GAN through its discriminator. If D is the optimal discriminator between data p and generator q,
 * D/(1 − D) = p/q, so generator samples can be corrected towards p: as independent Metropolis–Hastings proposals
 * accepted with probability min(1, (1/D(x) − 1)/(1/D(x′) − 1)) (MH-GAN, Turner et al. 2019, eq. 4 and Alg. 1), or by
 * rejection with probability p/(M q) (discriminator rejection sampling, Azadi et al. 2019, §3.1). Both work on the
 * discriminator's calibrated logit ℓ = log(D/(1 − D)), the estimated log density ratio.
 */
public final class MhGan {
    private static final int NEWTON_STEPS = 25;
    private static final double RIDGE = 1e-6;

    private MhGan() {
    }

    /**
     * Platt scaling of a discriminator's logit, ℓ = slope·logit + intercept, fitted by logistic regression on
     * held-out real images (label 1) and fresh generator samples (label 0). Turner et al. (2019, §3.3) show that
     * MH-GAN needs a calibrated D; a discriminator over-fitted to the training data is not.
     *
     * @param slope     a
     * @param intercept b
     */
    public record Calibration(double slope, double intercept) {
        /** The identity calibration. */
        public static final Calibration NONE = new Calibration(1, 0);

        /** Fits a and b to raw logits of real and of generated images by Newton's method on the logistic loss. */
        public static Calibration fit(double[] realLogits, double[] fakeLogits) {
            int n = realLogits.length + fakeLogits.length;
            double[][] x = new double[n][];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                boolean real = i < realLogits.length;
                x[i] = new double[] {real ? realLogits[i] : fakeLogits[i - realLogits.length], 1};
                y[i] = real ? 1 : 0;
            }
            LogisticRegression loss = new LogisticRegression(x, y, RIDGE);
            double[] w = {1, 0};
            for (int k = 0; k < NEWTON_STEPS; k++) {
                w = new Newton().step(loss, w);
            }
            return new Calibration(w[0], w[1]);
        }

        /** The calibrated logit of a raw one. */
        public double apply(double logit) {
            return slope * logit + intercept;
        }
    }

    /**
     * MH-GAN's acceptance probability of proposal x′ from state x given their calibrated logits:
     * min(1, (1/D(x) − 1)/(1/D(x′) − 1)) = min(1, e^{ℓ(x′) − ℓ(x)}), since 1/D − 1 = e^{−ℓ}.
     */
    public static double acceptance(double currentLogit, double proposalLogit) {
        return Math.min(1, Math.exp(proposalLogit - currentLogit));
    }

    /**
     * One independent-MH chain over generator samples given their calibrated logits: starts at sample 0 and
     * proposes samples 1, 2, … in turn; returns the index of the state after the last proposal. (Turner et al.
     * start at a real image and restart if nothing is accepted; starting at a generator sample keeps real images out
     * of the output.)
     */
    public static int chain(double[] logits, SplitMix64 rng) {
        int state = 0;
        for (int k = 1; k < logits.length; k++) {
            if (Draws.logUniform(rng) < logits[k] - logits[state]) {
                state = k;
            }
        }
        return state;
    }

    /**
     * Discriminator rejection sampling with Azadi et al.'s shift γ = 0: keeps sample i with probability
     * min(1, e^{ℓᵢ − M}), M the largest logit seen during burn-in (exact rejection sampling where ℓ ≤ M).
     */
    public static boolean[] rejection(double[] logits, double maxLogit, SplitMix64 rng) {
        boolean[] keep = new boolean[logits.length];
        for (int i = 0; i < logits.length; i++) {
            keep[i] = Draws.logUniform(rng) < logits[i] - maxLogit;
        }
        return keep;
    }
}
