package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;

/**
 * The No-U-Turn Sampler as Stan implements it (Hoffman &amp; Gelman 2014, Alg. 3, with Betancourt 2017's
 * improvements, Appendix A): the trajectory doubles in a random direction until the generalised no-U-turn
 * criterion p♯₋·ρ ≤ 0 or p♯₊·ρ ≤ 0 fails across the whole trajectory or between or within subtrees, or the tree
 * reaches {@code maxDepth}; the next state is drawn by multinomial sampling — biased progressive sampling between
 * the old trajectory and a new subtree, uniform progressive sampling within subtrees. A leapfrog step whose energy
 * error exceeds {@link #MAX_DELTA_H} ends the trajectory and marks the transition divergent.
 *
 * @param target       the log density
 * @param targetAccept δ for step-size adaptation; the statistic is the mean Metropolis probability over the tree
 * @param maxDepth     the maximum tree depth (at most 2^maxDepth − 1 leapfrog steps)
 */
public record Nuts(LogDensity target, double targetAccept, int maxDepth) implements HamiltonianKernel {
    /** Stan's divergence threshold on H − H₀. */
    public static final double MAX_DELTA_H = 1000;

    /** NUTS with Stan's defaults: δ = 0.8, maximum tree depth 10. */
    public static Nuts of(LogDensity target) {
        return new Nuts(target, 0.8, 10);
    }

    @Override
    public HamiltonianState step(HamiltonianState s) {
        SplitMix64 rng = new SplitMix64(s.rng());
        double[] invMass = s.adaptation().invMass();
        double eps = s.adaptation().stepSize();
        PhasePoint z0 = s.withMomentum(Draws.momentum(rng, invMass));
        Trajectory t = new Trajectory(target, eps, invMass, rng, z0.hamiltonian(invMass));
        PhasePoint sample = t.sample(z0, maxDepth);
        TransitionStats tr = new TransitionStats(t.sumMetroProb / Math.max(1, t.leapfrogs), sample != z0, t.divergent,
                t.leapfrogs, eps, t.depth);
        return HamiltonianState.next(target, s, sample, tr, rng);
    }

    /** The scratch of one NUTS transition: the integrator's current end point and running statistics. */
    private static final class Trajectory {
        private final LogDensity target;
        private final double eps;
        private final double[] invMass;
        private final SplitMix64 rng;
        private final double h0;
        private PhasePoint z;
        private boolean divergent;
        private int leapfrogs;
        private int depth;
        private double sumMetroProb;

        Trajectory(LogDensity target, double eps, double[] invMass, SplitMix64 rng, double h0) {
            this.target = target;
            this.eps = eps;
            this.invMass = invMass;
            this.rng = rng;
            this.h0 = h0;
        }

        /** A subtree's summary: its sample, end momenta (plain and sharp) in integration order, ρ and log Σw. */
        private static final class Subtree {
            PhasePoint proposal;
            double[] pSharpBeg;
            double[] pSharpEnd;
            double[] pBeg;
            double[] pEnd;
            double[] rho;
            double logSumWeight = Double.NEGATIVE_INFINITY;
        }

        PhasePoint sample(PhasePoint z0, int maxDepth) {
            PhasePoint zFwd = z0;
            PhasePoint zBck = z0;
            PhasePoint sample = z0;
            double[] p0 = z0.p();
            double[] sharp0 = sharp(p0);
            double[] pFwdFwd = p0;
            double[] pFwdBck = p0;
            double[] pBckFwd = p0;
            double[] pBckBck = p0;
            double[] sFwdFwd = sharp0;
            double[] sFwdBck = sharp0;
            double[] sBckFwd = sharp0;
            double[] sBckBck = sharp0;
            double[] rho = p0.clone();
            double logSumWeight = 0;
            while (depth < maxDepth) {
                Subtree sub = new Subtree();
                double[] rhoFwd;
                double[] rhoBck;
                boolean valid;
                if (rng.nextDouble() > 0.5) {
                    z = zFwd;
                    rhoBck = rho;
                    pBckFwd = pFwdFwd;
                    sBckFwd = sFwdFwd;
                    valid = build(depth, 1, sub);
                    zFwd = z;
                    rhoFwd = sub.rho;
                    sFwdBck = sub.pSharpBeg;
                    sFwdFwd = sub.pSharpEnd;
                    pFwdBck = sub.pBeg;
                    pFwdFwd = sub.pEnd;
                } else {
                    z = zBck;
                    rhoFwd = rho;
                    pFwdBck = pBckBck;
                    sFwdBck = sBckBck;
                    valid = build(depth, -1, sub);
                    zBck = z;
                    rhoBck = sub.rho;
                    sBckFwd = sub.pSharpBeg;
                    sBckBck = sub.pSharpEnd;
                    pBckFwd = sub.pBeg;
                    pBckBck = sub.pEnd;
                }
                if (!valid) {
                    break;
                }
                depth++;
                // biased progressive sampling (Betancourt 2017, A.3.2): favour the new subtree
                if (sub.logSumWeight > logSumWeight
                        || rng.nextDouble() < Math.exp(sub.logSumWeight - logSumWeight)) {
                    sample = sub.proposal;
                }
                logSumWeight = logSumExp(logSumWeight, sub.logSumWeight);
                rho = sum(rhoBck, rhoFwd);
                boolean persist = noUTurn(sBckBck, sFwdFwd, rho)
                        && noUTurn(sBckBck, sFwdBck, sum(rhoBck, pFwdBck))
                        && noUTurn(sBckFwd, sFwdFwd, sum(rhoFwd, pBckFwd));
                if (!persist) {
                    break;
                }
            }
            return sample;
        }

        /** Extends the trajectory from {@code z} by 2^depth leapfrog steps in direction {@code sign}; false to stop. */
        private boolean build(int treeDepth, int sign, Subtree out) {
            if (treeDepth == 0) {
                z = Leapfrog.step(target, z, sign * eps, invMass);
                leapfrogs++;
                double h = z.hamiltonian(invMass);
                if (h - h0 > MAX_DELTA_H) {
                    divergent = true;
                }
                out.logSumWeight = logSumExp(out.logSumWeight, h0 - h);
                sumMetroProb += h0 - h > 0 ? 1 : Math.exp(h0 - h);
                out.proposal = z;
                out.pBeg = z.p();
                out.pEnd = z.p();
                out.pSharpBeg = sharp(z.p());
                out.pSharpEnd = out.pSharpBeg;
                out.rho = z.p().clone();
                return !divergent;
            }
            Subtree init = new Subtree();
            if (!build(treeDepth - 1, sign, init)) {
                return false;
            }
            Subtree last = new Subtree();
            if (!build(treeDepth - 1, sign, last)) {
                return false;
            }
            double logSumSubtree = logSumExp(init.logSumWeight, last.logSumWeight);
            out.logSumWeight = logSumSubtree;
            // uniform progressive sampling (Betancourt 2017, A.3.1) between the two halves
            out.proposal = rng.nextDouble() < Math.exp(last.logSumWeight - logSumSubtree) ? last.proposal
                    : init.proposal;
            out.rho = sum(init.rho, last.rho);
            out.pBeg = init.pBeg;
            out.pSharpBeg = init.pSharpBeg;
            out.pEnd = last.pEnd;
            out.pSharpEnd = last.pSharpEnd;
            return noUTurn(init.pSharpBeg, last.pSharpEnd, out.rho)
                    && noUTurn(init.pSharpBeg, last.pSharpBeg, sum(init.rho, last.pBeg))
                    && noUTurn(init.pSharpEnd, last.pSharpEnd, sum(last.rho, init.pEnd));
        }

        /** p♯ = M⁻¹p. */
        private double[] sharp(double[] p) {
            double[] r = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                r[i] = invMass[i] * p[i];
            }
            return r;
        }

        /** The generalised criterion (Betancourt 2017, eq. A.2): p♯₋·ρ &gt; 0 and p♯₊·ρ &gt; 0. */
        private static boolean noUTurn(double[] sharpMinus, double[] sharpPlus, double[] rho) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < rho.length; i++) {
                a += sharpMinus[i] * rho[i];
                b += sharpPlus[i] * rho[i];
            }
            return a > 0 && b > 0;
        }

        private static double[] sum(double[] a, double[] b) {
            double[] r = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i] + b[i];
            }
            return r;
        }

        private static double logSumExp(double a, double b) {
            if (a == Double.NEGATIVE_INFINITY) {
                return b;
            }
            if (b == Double.NEGATIVE_INFINITY) {
                return a;
            }
            double m = Math.max(a, b);
            return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
        }
    }
}
