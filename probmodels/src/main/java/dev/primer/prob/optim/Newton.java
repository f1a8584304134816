package dev.primer.prob.optim;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;

/**
 * Newton's method with the full Hessian, the "exact way": solve (∇²f + τI)·p = −∇f by Cholesky with an added
 * multiple of the identity (Nocedal &amp; Wright 2006, Alg. 3.3): β = 10⁻³, τ₀ = 0 when every diagonal entry is
 * positive and β − minᵢ hᵢᵢ otherwise, and τ_{k+1} = max(2τ_k, β) after each failed factorisation; then an Armijo
 * backtracking step (Alg. 3.1). Costs d Hessian-vector products and O(d³) per step.
 *
 * <p>A Hessian with a NaN or infinite entry is rejected with an {@link ArithmeticException}, and so is one that no
 * finite shift τ makes factorisable (τ overflowing), so a step always terminates.
 */
public record Newton() implements DescentMethod {
    private static final double BETA = 1e-3;

    @Override
    public double[] step(TwiceDifferentiable f, double[] x) {
        double[] g = new double[x.length];
        double fx = f.valueAndGradient(x, g);
        double[][] h = f.hessian(x);
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[i].length; j++) {
                if (!Double.isFinite(h[i][j])) {
                    throw new ArithmeticException("Newton: non-finite Hessian entry h[" + i + "][" + j + "] = "
                            + h[i][j] + " at x = " + java.util.Arrays.toString(x));
                }
            }
            minDiag = Math.min(minDiag, h[i][i]);
        }
        double tau = minDiag > 0 ? 0 : BETA - minDiag;
        double[][] l;
        while ((l = Vec.cholesky(shifted(h, tau))) == null) {
            tau = Math.max(2 * tau, BETA);
            if (!Double.isFinite(tau)) {
                // unreachable in exact arithmetic: τ ≥ max row sum of |h| makes h + τI diagonally dominant
                throw new ArithmeticException("Newton: no shift τ makes the Hessian positive definite at x = "
                        + java.util.Arrays.toString(x));
            }
        }
        double[] p = Vec.choleskySolve(l, Vec.scale(-1, g));
        return LineSearch.armijo(f, x, fx, g, p);
    }

    private static double[][] shifted(double[][] h, double tau) {
        double[][] a = new double[h.length][];
        for (int i = 0; i < h.length; i++) {
            a[i] = h[i].clone();
            a[i][i] += tau;
        }
        return a;
    }
}
