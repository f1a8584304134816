package dev.primer.prob.targets;

import dev.primer.prob.mcmc.MinibatchDensity;
import dev.primer.random.SplitMix64;

/**
 * The posterior of Welling &amp; Teh 2011, §5.1: θ₁ ~ N(0, 10), θ₂ ~ N(0, 1), xᵢ ~ ½N(θ₁, 2) + ½N(θ₁ + θ₂, 2).
 * Data drawn from θ = (0, 1) give a bimodal posterior with modes near (0, 1) and (1, −1).
 *
 * @param data the observations xᵢ
 */
public record WellingTehMixture(double[] data) implements MinibatchDensity {
    /** Prior variance of θ₁. */
    public static final double VAR1 = 10;
    /** Prior variance of θ₂. */
    public static final double VAR2 = 1;
    /** Observation variance σₓ². */
    public static final double VARX = 2;

    /** n observations drawn from the model at θ = (θ₁, θ₂). */
    public static WellingTehMixture generate(int n, double theta1, double theta2, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = rng.nextDouble() < 0.5 ? theta1 : theta1 + theta2;
            x[i] = mu + Math.sqrt(VARX) * rng.nextGaussianBoxMuller();
        }
        return new WellingTehMixture(x);
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public double logPrior(double[] theta, double[] grad) {
        grad[0] = -theta[0] / VAR1;
        grad[1] = -theta[1] / VAR2;
        return -theta[0] * theta[0] / (2 * VAR1) - theta[1] * theta[1] / (2 * VAR2);
    }

    @Override
    public double logLikelihood(int i, double[] theta, double[] grad) {
        double r1 = data[i] - theta[0];
        double r2 = data[i] - theta[0] - theta[1];
        double l1 = -r1 * r1 / (2 * VARX);
        double l2 = -r2 * r2 / (2 * VARX);
        double m = Math.max(l1, l2);
        double w1 = Math.exp(l1 - m);
        double w2 = Math.exp(l2 - m);
        double z = w1 + w2;
        double g1 = w1 / z * r1 / VARX;
        double g2 = w2 / z * r2 / VARX;
        grad[0] += g1 + g2;
        grad[1] += g2;
        return m + Math.log(0.5 * z);
    }
}
