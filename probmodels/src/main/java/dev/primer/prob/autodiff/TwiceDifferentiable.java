package dev.primer.prob.autodiff;

/** A {@link Differentiable} function that also gives Hessian-vector products ∇²f(x)·v. */
public interface TwiceDifferentiable extends Differentiable {
    /** Writes ∇²f(x)·v into {@code out} (length d, overwritten); never modifies {@code x} or {@code v}. */
    void hvp(double[] x, double[] v, double[] out);

    /** The full d×d Hessian, by d Hessian-vector products with the unit vectors (for small d). */
    default double[][] hessian(double[] x) {
        int d = dim();
        double[][] h = new double[d][d];
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = 1;
            hvp(x, e, h[i]);
            e[i] = 0;
        }
        return h;
    }
}
