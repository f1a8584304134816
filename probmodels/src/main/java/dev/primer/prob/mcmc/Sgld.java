package dev.primer.prob.mcmc;

import dev.primer.nn.data.SplitMix64;
import dev.primer.prob.optim.LearningRate;

/**
 * Stochastic gradient Langevin dynamics (Welling &amp; Teh 2011, eq. 4):
 * Δθ_t = (ε_t/2)·(∇log p(θ_t) + (N/n)·Σᵢ ∇log p(x_ti|θ_t)) + η_t, η_t ~ N(0, ε_t·I), with a minibatch of n data
 * drawn without replacement each step and ε_t = a·(b + t)^−γ. No accept/reject step: the injected noise
 * dominates the minibatch noise as ε_t → 0.
 *
 * @param target    the posterior, one datum at a time
 * @param batchSize n
 * @param stepSize  the schedule ε_t
 */
public record Sgld(MinibatchDensity target, int batchSize, LearningRate stepSize) implements Kernel<Sgld.State> {
    /** Position, the step count t and the RNG word. */
    public record State(double[] position, long t, long rng, Transition transition) implements Kernel.State {
    }

    @Override
    public State init(double[] x0, int warmup, long seed) {
        return new State(x0.clone(), 0, seed, Transition.INITIAL);
    }

    @Override
    public State step(State s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        int[] batch = minibatch(rng, target.size(), batchSize);
        double[] g = new double[target.dim()];
        target.minibatchGradient(s.position(), batch, g);
        double eps = stepSize.at(s.t());
        double noise = Math.sqrt(eps);
        double[] x = s.position().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.5 * eps * g[i] + noise * rng.nextGaussian();
        }
        return new State(x, s.t() + 1, rng.state(), Transition.metropolis(1, true, 1, eps));
    }

    /** n distinct indices of 0..N−1, uniformly (partial Fisher–Yates shuffle). */
    static int[] minibatch(SplitMix64 rng, int n, int k) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, k);
    }
}
