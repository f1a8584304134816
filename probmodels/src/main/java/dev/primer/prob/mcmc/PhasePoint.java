package dev.primer.prob.mcmc;

/**
 * A point (q, p) of Hamiltonian phase space with log π(q) and ∇log π(q) cached; arrays are never mutated.
 *
 * @param q          position
 * @param p          momentum
 * @param logDensity log π(q)
 * @param gradient   ∇log π(q)
 */
public record PhasePoint(double[] q, double[] p, double logDensity, double[] gradient) {
    /** Kinetic energy K(p) = ½·pᵀM⁻¹p for a diagonal inverse mass matrix. */
    public double kinetic(double[] invMass) {
        double k = 0;
        for (int i = 0; i < p.length; i++) {
            k += p[i] * p[i] * invMass[i];
        }
        return 0.5 * k;
    }

    /** H(q, p) = −log π(q) + K(p) (Neal 2011, eq. 5.13); +∞ when log π(q) is not finite. */
    public double hamiltonian(double[] invMass) {
        double h = -logDensity + kinetic(invMass);
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /** The same point with momentum −p. */
    public PhasePoint flip() {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = -p[i];
        }
        return new PhasePoint(q, r, logDensity, gradient);
    }
}
