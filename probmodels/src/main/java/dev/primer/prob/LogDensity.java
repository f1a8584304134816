package dev.primer.prob;

import dev.primer.prob.autodiff.Differentiable;

/**
 * An unnormalised log density log π(x) + const on ℝᵈ with its gradient: what every gradient-based sampler
 * consumes. {@link #value} may return −∞ outside the support, never NaN.
 */
public interface LogDensity extends Differentiable {
    /** Reads the function {@code f} as a log density. */
    static LogDensity of(Differentiable f) {
        if (f instanceof LogDensity ld) {
            return ld;
        }
        return new LogDensity() {
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
        };
    }
}
