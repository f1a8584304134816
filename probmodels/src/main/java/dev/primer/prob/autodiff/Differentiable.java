package dev.primer.prob.autodiff;

/** A scalar function f: ℝᵈ → ℝ with its gradient. Implementations are safe to call from one thread at a time. */
public interface Differentiable {
    /** The input dimension d. */
    int dim();

    /** f(x); by default what {@link #valueAndGradient} returns (override where f alone is cheaper). */
    default double value(double[] x) {
        return valueAndGradient(x, new double[dim()]);
    }

    /** Writes ∇f(x) into {@code grad} (length d, overwritten) and returns f(x); never modifies {@code x}. */
    double valueAndGradient(double[] x, double[] grad);

    /** ∇f(x) in a new array. */
    default double[] gradient(double[] x) {
        double[] g = new double[dim()];
        valueAndGradient(x, g);
        return g;
    }

    /** The function −f, e.g. the potential energy −log π of a log density. */
    default Differentiable negate() {
        Differentiable f = this;
        return new Differentiable() {
            @Override
            public int dim() {
                return f.dim();
            }

            @Override
            public double value(double[] x) {
                return -f.value(x);
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                double v = f.valueAndGradient(x, grad);
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = -grad[i];
                }
                return -v;
            }
        };
    }
}
