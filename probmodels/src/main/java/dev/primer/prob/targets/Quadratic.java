package dev.primer.prob.targets;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;

/**
 * The convex quadratic f(x) = ½(x − x*)ᵀA(x − x*) for symmetric positive-definite A; minimum 0 at x*.
 *
 * @param a       the Hessian A
 * @param minimum x*
 */
public record Quadratic(double[][] a, double[] minimum) implements TwiceDifferentiable {
    /** The 2-D quadratic with eigenvalues 1 and κ, eigenvectors rotated by {@code angle} radians, minimum at (1, 1). */
    public static Quadratic illConditioned2d(double kappa, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[][] a = {
            {c * c + kappa * s * s, (1 - kappa) * c * s},
            {(1 - kappa) * c * s, s * s + kappa * c * c}
        };
        return new Quadratic(a, new double[] {1, 1});
    }

    @Override
    public int dim() {
        return minimum.length;
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        double[] r = Vec.axpy(x, -1, minimum);
        double[] ar = Vec.mul(a, r);
        System.arraycopy(ar, 0, grad, 0, ar.length);
        return 0.5 * Vec.dot(r, ar);
    }

    @Override
    public void hvp(double[] x, double[] v, double[] out) {
        System.arraycopy(Vec.mul(a, v), 0, out, 0, v.length);
    }
}
