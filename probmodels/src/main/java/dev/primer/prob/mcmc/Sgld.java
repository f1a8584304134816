package dev.primer.prob.mcmc;

import dev.primer.prob.optim.StepSizeSchedule;
import dev.primer.random.SplitMix64;

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
public record Sgld(MinibatchDensity target, int batchSize, StepSizeSchedule stepSize) implements Kernel<Sgld.State> {
    /** @throws IllegalArgumentException unless 1 ≤ batchSize ≤ N, the number of data */
    public Sgld {
        if (batchSize < 1 || batchSize > target.size()) {
            throw new IllegalArgumentException("SGLD batch size must be between 1 and the number of data N = "
                    + target.size() + ", got " + batchSize);
        }
    }

    /** Position, the step count t and the RNG word. */
    public record State(double[] position, long t, long rng, TransitionStats transition) implements Kernel.State {
    }

    @Override
    public State init(double[] x0, int warmup, long seed) {
        return new State(x0.clone(), 0, seed, TransitionStats.INITIAL);
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
            x[i] += 0.5 * eps * g[i] + noise * rng.nextGaussianBoxMuller();
        }
        return new State(x, s.t() + 1, rng.state(), TransitionStats.metropolis(1, true, 1, eps));
    }

    /**
     * k distinct indices of 0..n−1, a uniformly random k-subset, by Floyd's algorithm (Bentley &amp; Floyd 1987,
     * "Programming pearls: a sample of brilliance"): k draws and O(k) time and memory, independent of n.
     *
     * @throws IllegalArgumentException unless 0 ≤ k ≤ n
     */
    static int[] minibatch(SplitMix64 rng, int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct indices from " + n);
        }
        int[] out = new int[k];
        // open-addressing set of chosen indices, stored as index + 1 so that 0 marks an empty slot
        int[] table = new int[Integer.highestOneBit(Math.max(1, 2 * k)) << 1];
        int mask = table.length - 1;
        int m = 0;
        for (int j = n - k; j < n; j++) {
            int t = rng.nextIntModulo(j + 1);
            if (!add(table, mask, t)) {
                t = j;
                add(table, mask, j);
            }
            out[m++] = t;
        }
        return out;
    }

    /** Adds v to the set; false when it was already there. */
    private static boolean add(int[] table, int mask, int v) {
        int h = v * 0x9E3779B9;
        int slot = (h ^ h >>> 16) & mask;
        while (table[slot] != 0) {
            if (table[slot] == v + 1) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = v + 1;
        return true;
    }
}
