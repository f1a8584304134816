package dev.primer.prob.optim;

/**
 * Where a minimisation run ended and the objective along the way.
 *
 * @param x      the last iterate
 * @param values f(x_t) for t = 0..steps
 */
public record Minimization(double[] x, double[] values) {
}
