package dev.primer.prob.optim;

import dev.primer.prob.autodiff.Differentiable;

/**
 * A first-order update rule as a pure init/step pair (optax's {@code GradientTransformation}): the caller supplies
 * the (possibly stochastic) gradient at {@code state.x()}, so the same rule serves full-batch and minibatch runs.
 */
public interface UpdateRule {
    /**
     * Optimiser state; arrays are never mutated after construction.
     *
     * @param x the iterate x_t
     * @param t the number of steps taken
     * @param m the first-moment or velocity buffer (empty when unused)
     * @param v the second-moment buffer (empty when unused)
     */
    record State(double[] x, long t, double[] m, double[] v) {
    }

    /** The state at x₀ before any step. */
    State init(double[] x0);

    /** The state after one step with gradient {@code g} evaluated at {@code s.x()}; never mutates its arguments. */
    State step(State s, double[] g);

    /** Runs {@code steps} full-gradient steps on f from x₀; values[t] = f(x_t) for t = 0..steps. */
    default Minimization minimize(Differentiable f, double[] x0, int steps) {
        double[] values = new double[steps + 1];
        double[] g = new double[f.dim()];
        State s = init(x0);
        for (int t = 0; t < steps; t++) {
            values[t] = f.valueAndGradient(s.x(), g);
            s = step(s, g);
        }
        values[steps] = f.value(s.x());
        return new Minimization(s.x(), values);
    }
}
