package dev.primer.prob.mcmc;

import dev.primer.random.SplitMix64;

/**
 * A Markov transition kernel as a pure init/step pair over immutable states (NumPyro's {@code MCMCKernel}).
 * Randomness is threaded through the state as a SplitMix64 state word, so {@code step(s)} is a function of
 * {@code s} alone and a chain replays exactly from any saved state.
 *
 * @param <S> the kernel's state record
 */
public interface Kernel<S extends Kernel.State> {
    /** The first state at x₀, with {@code warmup} adaptation steps to follow, randomness seeded by {@code seed}. */
    S init(double[] x0, int warmup, long seed);

    /** The next state; never mutates {@code s} (state arrays are never written after construction). */
    S step(S s);

    /** What every kernel state exposes to chains and diagnostics. */
    interface State {
        /** The current position; callers must not modify it. */
        double[] position();

        /** Statistics of the transition that produced this state. */
        TransitionStats transition();
    }
}
