package dev.primer.prob.optim;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;

/**
 * Line-search Newton–CG (Nocedal &amp; Wright 2006, Alg. 7.1), the "cheap way" to second order: the Newton system
 * ∇²f·p = −∇f is solved inexactly by conjugate gradients (Alg. 5.2) using only Hessian-vector products, stopped at
 * ‖r‖ ≤ η‖∇f‖ with the forcing term η = min(0.5, √‖∇f‖) (eq. 7.3) or at the first direction of non-positive
 * curvature, and followed by an Armijo backtracking step.
 *
 * @param maxCgIterations cap on inner CG iterations per outer step
 */
public record NewtonCg(int maxCgIterations) implements DescentMethod {
    @Override
    public double[] step(TwiceDifferentiable f, double[] x) {
        int d = x.length;
        double[] g = new double[d];
        double fx = f.valueAndGradient(x, g);
        double gNorm = Vec.norm(g);
        if (gNorm == 0) {
            return x.clone();
        }
        double tol = Math.min(0.5, Math.sqrt(gNorm)) * gNorm;
        double[] z = new double[d];
        double[] r = g.clone();
        double[] dir = Vec.scale(-1, r);
        double[] bd = new double[d];
        double[] p = null;
        for (int j = 0; j < maxCgIterations && p == null; j++) {
            f.hvp(x, dir, bd);
            double curvature = Vec.dot(dir, bd);
            if (curvature <= 0) {
                p = j == 0 ? Vec.scale(-1, g) : z;
                break;
            }
            double rr = Vec.dot(r, r);
            double alpha = rr / curvature;
            z = Vec.axpy(z, alpha, dir);
            r = Vec.axpy(r, alpha, bd);
            double rrNew = Vec.dot(r, r);
            if (Math.sqrt(rrNew) < tol) {
                p = z;
            }
            dir = Vec.axpy(Vec.scale(-1, r), rrNew / rr, dir);
        }
        if (p == null) {
            p = z;
        }
        return LineSearch.armijo(f, x, fx, g, p);
    }
}
