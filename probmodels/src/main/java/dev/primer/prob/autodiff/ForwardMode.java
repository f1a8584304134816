package dev.primer.prob.autodiff;

/**
 * Forward-mode differentiation of functions written over {@link HyperDual} numbers: Jacobian-vector products in
 * one pass, gradients in d passes, exact Hessian-vector products in d passes and full Hessians in d(d+1)/2.
 */
public final class ForwardMode {
    private ForwardMode() {
    }

    /** A scalar function written once in hyper-dual arithmetic. */
    @FunctionalInterface
    public interface Scalar {
        /** f(x); must use only {@link HyperDual} arithmetic on its inputs. */
        HyperDual apply(HyperDual[] x);
    }

    /** A vector function ℝᵈ → ℝᵐ written once in hyper-dual arithmetic. */
    @FunctionalInterface
    public interface Vector {
        /** F(x); must use only {@link HyperDual} arithmetic on its inputs. */
        HyperDual[] apply(HyperDual[] x);
    }

    /** The directional derivative ∇f(x)·v in one forward pass. */
    public static double jvp(Scalar f, double[] x, double[] v) {
        return f.apply(seed(x, v, null)).e1();
    }

    /** The Jacobian-vector product J_F(x)·v in one forward pass. */
    public static double[] jvp(Vector f, double[] x, double[] v) {
        HyperDual[] y = f.apply(seed(x, v, null));
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i].e1();
        }
        return r;
    }

    /** The exact Hessian-vector product ∇²f(x)·v: component i is the ε₁ε₂ part of f(x + e_i·ε₁ + v·ε₂). */
    public static double[] hvp(Scalar f, double[] x, double[] v) {
        int d = x.length;
        double[] r = new double[d];
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = 1;
            r[i] = f.apply(seed(x, e, v)).e12();
            e[i] = 0;
        }
        return r;
    }

    /** The exact d×d Hessian by d(d+1)/2 hyper-dual passes. */
    public static double[][] hessian(Scalar f, double[] x) {
        int d = x.length;
        double[][] h = new double[d][d];
        double[] u = new double[d];
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = 1;
            for (int j = 0; j <= i; j++) {
                v[j] = 1;
                h[i][j] = f.apply(seed(x, u, v)).e12();
                h[j][i] = h[i][j];
                v[j] = 0;
            }
            u[i] = 0;
        }
        return h;
    }

    /** {@code f} as a {@link TwiceDifferentiable} of dimension {@code dim}: gradient by d forward passes. */
    public static TwiceDifferentiable of(int dim, Scalar f) {
        return new TwiceDifferentiable() {
            @Override
            public int dim() {
                return dim;
            }

            @Override
            public double value(double[] x) {
                return f.apply(seed(x, null, null)).re();
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                double[] e = new double[dim];
                double v = Double.NaN;
                for (int i = 0; i < dim; i++) {
                    e[i] = 1;
                    HyperDual y = f.apply(seed(x, e, null));
                    grad[i] = y.e1();
                    v = y.re();
                    e[i] = 0;
                }
                return dim == 0 ? value(x) : v;
            }

            @Override
            public void hvp(double[] x, double[] v, double[] out) {
                System.arraycopy(ForwardMode.hvp(f, x, v), 0, out, 0, dim);
            }

            @Override
            public double[][] hessian(double[] x) {
                return ForwardMode.hessian(f, x);
            }
        };
    }

    private static HyperDual[] seed(double[] x, double[] u, double[] v) {
        HyperDual[] r = new HyperDual[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = HyperDual.variable(x[i], u == null ? 0 : u[i], v == null ? 0 : v[i]);
        }
        return r;
    }
}
