package dev.primer.prob.optim;

import dev.primer.prob.autodiff.TwiceDifferentiable;

/** A deterministic second-order method that owns its line search; one call is one outer iteration. */
public interface DescentMethod {
    /** The next iterate from x; never mutates x. */
    double[] step(TwiceDifferentiable f, double[] x);

    /** Runs {@code steps} iterations from x₀; values[t] = f(x_t) for t = 0..steps. */
    default Minimization minimize(TwiceDifferentiable f, double[] x0, int steps) {
        double[] values = new double[steps + 1];
        double[] x = x0.clone();
        values[0] = f.value(x);
        for (int t = 1; t <= steps; t++) {
            x = step(f, x);
            values[t] = f.value(x);
        }
        return new Minimization(x, values);
    }
}
