package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;

/**
 * Independent Metropolis–Hastings (Tierney 1994, §2.3.3): propose y ~ q = N(μ, diag σ²) regardless of x and accept
 * with probability min(1, π(y)q(x) / (π(x)q(y))). Exact when q ∝ π; poor when q's tails are lighter than π's.
 *
 * @param target the log density
 * @param mean   the proposal mean μ
 * @param scale  the proposal standard deviations σ
 */
public record IndependentMetropolis(LogDensity target, double[] mean, double[] scale)
        implements Kernel<IndependentMetropolis.State> {
    /** Position, log π and log q there, and the RNG word. */
    public record State(double[] position, double logDensity, double logProposal, long rng, TransitionStats transition)
            implements Kernel.State {
    }

    @Override
    public State init(double[] x0, int warmup, long seed) {
        return new State(x0.clone(), target.value(x0), logQ(x0), seed, TransitionStats.INITIAL);
    }

    @Override
    public State step(State s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] y = new double[mean.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = mean[i] + scale[i] * rng.nextGaussianBoxMuller();
        }
        double ly = target.value(y);
        double qy = logQ(y);
        double logAlpha = ly - s.logDensity() + s.logProposal() - qy;
        boolean accept = Draws.logUniform(rng) < logAlpha;
        TransitionStats tr = TransitionStats.metropolis(Math.min(1, Math.exp(logAlpha)), accept, 0, Double.NaN);
        return accept ? new State(y, ly, qy, rng.state(), tr)
                : new State(s.position(), s.logDensity(), s.logProposal(), rng.state(), tr);
    }

    private double logQ(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = (x[i] - mean[i]) / scale[i];
            s -= 0.5 * z * z;
        }
        return s;
    }
}
