package dev.primer.prob.optim;

import dev.primer.prob.autodiff.Differentiable;

/** Backtracking line search with the Armijo sufficient-decrease condition (Nocedal &amp; Wright 2006, Alg. 3.1). */
public final class LineSearch {
    /** c₁ of the Armijo condition, the value Nocedal &amp; Wright suggest (§3.1). */
    public static final double C1 = 1e-4;
    /** The contraction factor ρ. */
    public static final double RHO = 0.5;
    private static final int MAX_HALVINGS = 60;

    private LineSearch() {
    }

    /**
     * The largest α ∈ {1, ρ, ρ², …} with f(x + α·p) ≤ f(x) + c₁·α·∇fᵀp (eq. 3.4); the point x + α·p itself.
     * Returns x unchanged if p is not a descent direction or no such α is found.
     */
    public static double[] armijo(Differentiable f, double[] x, double fx, double[] grad, double[] p) {
        double slope = 0;
        for (int i = 0; i < x.length; i++) {
            slope += grad[i] * p[i];
        }
        if (!(slope < 0)) {
            return x.clone();
        }
        double alpha = 1;
        double[] y = new double[x.length];
        for (int k = 0; k < MAX_HALVINGS; k++) {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] + alpha * p[i];
            }
            if (f.value(y) <= fx + C1 * alpha * slope) {
                return y;
            }
            alpha *= RHO;
        }
        return x.clone();
    }
}
