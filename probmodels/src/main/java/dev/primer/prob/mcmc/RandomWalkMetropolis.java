package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;

/**
 * Random-walk Metropolis (Metropolis et al. 1953): propose y = x + σ·ξ with ξ ~ N(0, I) and accept with
 * probability min(1, π(y)/π(x)). Uses no gradients.
 *
 * @param target the log density
 * @param scale  the proposal standard deviation σ
 */
public record RandomWalkMetropolis(LogDensity target, double scale)
        implements Kernel<RandomWalkMetropolis.State> {
    /** Position, its log density and the RNG word. */
    public record State(double[] position, double logDensity, long rng, TransitionStats transition)
            implements Kernel.State {
    }

    @Override
    public State init(double[] x0, int warmup, long seed) {
        return new State(x0.clone(), target.value(x0), seed, TransitionStats.INITIAL);
    }

    @Override
    public State step(State s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] y = s.position().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += scale * rng.nextGaussianBoxMuller();
        }
        double ly = target.value(y);
        double logAlpha = ly - s.logDensity();
        double alpha = Math.min(1, Math.exp(logAlpha));
        boolean accept = Draws.logUniform(rng) < logAlpha;
        TransitionStats tr = TransitionStats.metropolis(alpha, accept, 0, scale);
        return accept ? new State(y, ly, rng.state(), tr) : new State(s.position(), s.logDensity(), rng.state(), tr);
    }
}
