package dev.primer.prob.autodiff;

/** Central finite differences: the reference every derivative is tested against, and the cheapest Hessian-vector product. */
public final class FiniteDifference {
    private FiniteDifference() {
    }

    /** ∇f(x) by central differences with step h (error O(h²)). */
    public static double[] gradient(Differentiable f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h;
            double up = f.value(y);
            y[i] = x[i] - h;
            double down = f.value(y);
            y[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /** ∇²f(x)·v ≈ (∇f(x + h·v) − ∇f(x − h·v)) / 2h: two gradients (Pearlmutter 1994, eq. 3). */
    public static double[] hvp(Differentiable f, double[] x, double[] v, double h) {
        int d = x.length;
        double[] up = new double[d];
        double[] down = new double[d];
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + h * v[i];
        }
        f.valueAndGradient(y, up);
        for (int i = 0; i < d; i++) {
            y[i] = x[i] - h * v[i];
        }
        f.valueAndGradient(y, down);
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = (up[i] - down[i]) / (2 * h);
        }
        return r;
    }

    /** {@code f} with Hessian-vector products by {@link #hvp} with step h: the cheap second-order oracle. */
    public static TwiceDifferentiable withHvp(Differentiable f, double h) {
        return new TwiceDifferentiable() {
            @Override
            public int dim() {
                return f.dim();
            }

            @Override
            public double value(double[] x) {
                return f.value(x);
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                return f.valueAndGradient(x, grad);
            }

            @Override
            public void hvp(double[] x, double[] v, double[] out) {
                System.arraycopy(FiniteDifference.hvp(f, x, v, h), 0, out, 0, x.length);
            }
        };
    }
}
