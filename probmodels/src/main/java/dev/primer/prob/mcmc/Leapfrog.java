package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;

/**
 * The leapfrog (Störmer–Verlet) integrator for H(q, p) = −log π(q) + ½pᵀM⁻¹p with diagonal M: symplectic,
 * time-reversible, energy error O(ε²) over a fixed time (Neal 2011, §5.2.3.3 and §5.2.3.4).
 */
public final class Leapfrog {
    private Leapfrog() {
    }

    /** The phase point (q, p), evaluating log π and its gradient at q (one gradient evaluation). */
    public static PhasePoint init(LogDensity target, double[] q, double[] p) {
        double[] g = new double[q.length];
        double l = target.valueAndGradient(q, g);
        return new PhasePoint(q.clone(), p.clone(), l, g);
    }

    /** One step of size ε (negative ε integrates backwards in time); one gradient evaluation. */
    public static PhasePoint step(LogDensity target, PhasePoint z, double eps, double[] invMass) {
        int d = z.q().length;
        double[] pHalf = new double[d];
        double[] q = new double[d];
        for (int i = 0; i < d; i++) {
            pHalf[i] = z.p()[i] + 0.5 * eps * z.gradient()[i];   // p(t + ε/2), Neal eq. 5.18
            q[i] = z.q()[i] + eps * invMass[i] * pHalf[i];      // q(t + ε),   Neal eq. 5.19
        }
        double[] g = new double[d];
        double l = target.valueAndGradient(q, g);
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = pHalf[i] + 0.5 * eps * g[i];                  // p(t + ε),   Neal eq. 5.20
        }
        return new PhasePoint(q, p, l, g);
    }

    /** L steps of size ε. */
    public static PhasePoint integrate(LogDensity target, PhasePoint z, double eps, int steps, double[] invMass) {
        PhasePoint r = z;
        for (int i = 0; i < steps; i++) {
            r = step(target, r, eps, invMass);
        }
        return r;
    }
}
