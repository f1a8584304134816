package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.prob.linalg.Vec;
import dev.primer.random.SplitMix64;

/**
 * The state shared by {@link Hmc} and {@link Nuts}: position with cached log density and gradient, the warmup
 * schedule and its progress (step size, diagonal inverse metric), and the RNG word. Arrays are never mutated.
 *
 * @param position   q
 * @param logDensity log π(q)
 * @param gradient   ∇log π(q)
 * @param schedule   the warmup schedule fixed at init
 * @param adaptation warmup progress, including the step size and inverse metric in force
 * @param rng        the SplitMix64 state word
 * @param transition statistics of the transition that produced this state
 */
public record HamiltonianState(double[] position, double logDensity, double[] gradient, WindowedAdaptation schedule,
                               WindowedAdaptation.State adaptation, long rng, TransitionStats transition)
        implements Kernel.State {
    /** The state at x₀ with Stan's warmup schedule and an initial step size from the doubling heuristic. */
    static HamiltonianState start(LogDensity target, double[] x0, int warmup, long seed, double targetAccept) {
        SplitMix64 rng = new SplitMix64(seed);
        PhasePoint z = Leapfrog.init(target, x0, new double[x0.length]);
        WindowedAdaptation schedule = WindowedAdaptation.stan(warmup, targetAccept);
        double eps = WindowedAdaptation.reasonableStepSize(target, z, 1.0, Vec.fill(x0.length, 1), rng);
        return new HamiltonianState(z.q(), z.logDensity(), z.gradient(), schedule, schedule.start(x0.length, eps),
                rng.state(), TransitionStats.INITIAL);
    }

    /** The successor state at {@code z} after a transition with statistics {@code tr}, advancing warmup. */
    static HamiltonianState next(LogDensity target, HamiltonianState s, PhasePoint z, TransitionStats tr,
                                 SplitMix64 rng) {
        WindowedAdaptation.State a = s.schedule().update(s.adaptation(), tr.acceptProb(), z.q(),
                (eps, invMass) -> WindowedAdaptation.reasonableStepSize(target, z, eps, invMass, rng));
        return new HamiltonianState(z.q(), z.logDensity(), z.gradient(), s.schedule(), a, rng.state(), tr);
    }

    /** The current point with momentum p. */
    PhasePoint withMomentum(double[] p) {
        return new PhasePoint(position, p, logDensity, gradient);
    }
}
