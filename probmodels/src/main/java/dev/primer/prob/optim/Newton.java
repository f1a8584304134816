package dev.primer.prob.optim;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;

/**
 * Newton's method with the full Hessian, the "exact way": solve (∇²f + τI)·p = −∇f by Cholesky, with τ = 0 when
 * the Hessian is positive definite and otherwise increased from β = 10⁻³ by factors of 10 (Nocedal &amp; Wright 2006,
 * Alg. 3.3), then an Armijo backtracking step (Alg. 3.1). Costs d Hessian-vector products and O(d³) per step.
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
            minDiag = Math.min(minDiag, h[i][i]);
        }
        double tau = minDiag > 0 ? 0 : BETA - minDiag;
        double[][] l;
        while ((l = Vec.cholesky(shifted(h, tau))) == null) {
            tau = Math.max(10 * tau, BETA);
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
