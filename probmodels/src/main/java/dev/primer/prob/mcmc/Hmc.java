package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;

/**
 * Static-length Hamiltonian Monte Carlo (Duane et al. 1987; Neal 2011, §5.3.2) with a diagonal metric: draw
 * p ~ N(0, M), take L = max(1, round(λ/ε)) leapfrog steps, accept with probability min(1, exp(H₀ − H_L)).
 * During warmup ε and M adapt ({@link WindowedAdaptation}, as HMC-DA, Hoffman &amp; Gelman 2014 Alg. 5); after
 * warmup ε is jittered uniformly by ±10% to break periodicity (Neal 2011, §5.4.2.2). A trajectory whose energy
 * error exceeds {@link Nuts#MAX_DELTA_H} is stopped, rejected and reported divergent.
 *
 * @param target       the log density
 * @param pathLength   integration time λ
 * @param targetAccept δ for step-size adaptation
 * @param maxSteps     cap on L
 */
public record Hmc(LogDensity target, double pathLength, double targetAccept, int maxSteps)
        implements HamiltonianKernel {
    /** HMC with λ = 2, δ = 0.8 and at most 1024 leapfrog steps per transition. */
    public static Hmc of(LogDensity target) {
        return new Hmc(target, 2, 0.8, 1024);
    }

    @Override
    public HamiltonianState step(HamiltonianState s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] invMass = s.adaptation().invMass();
        double eps = s.adaptation().stepSize();
        if (s.schedule().done(s.adaptation())) {
            eps *= 1 + 0.1 * (2 * rng.nextDouble() - 1);
        }
        int steps = (int) Math.max(1, Math.min(maxSteps, Math.round(pathLength / eps)));
        PhasePoint z0 = s.withMomentum(Draws.momentum(rng, invMass));
        double h0 = z0.hamiltonian(invMass);
        PhasePoint z = z0;
        boolean divergent = false;
        int taken = 0;
        while (taken < steps && !divergent) {
            z = Leapfrog.step(target, z, eps, invMass);
            taken++;
            divergent = z.hamiltonian(invMass) - h0 > Nuts.MAX_DELTA_H;
        }
        double logAlpha = divergent ? Double.NEGATIVE_INFINITY : h0 - z.hamiltonian(invMass);
        double alpha = Math.min(1, Math.exp(logAlpha));
        boolean accept = Draws.logUniform(rng) < logAlpha;
        TransitionStats tr = new TransitionStats(alpha, accept, divergent, taken, eps, 0);
        return HamiltonianState.next(target, s, accept ? z : z0, tr, rng);
    }
}
