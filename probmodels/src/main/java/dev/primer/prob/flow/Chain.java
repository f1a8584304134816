package dev.primer.prob.flow;

import java.util.List;

/**
 * The composition of bijectors applied first to last (note: TensorFlow Probability's {@code Chain} applies its
 * list last to first); log-determinants add along the path.
 *
 * @param steps the bijectors, all of one dimension, in the order forward applies them
 */
public record Chain(List<Bijector> steps) implements Bijector {
    /** Checks that there is at least one step and that the dimensions agree. */
    public Chain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one bijector");
        }
        for (Bijector b : steps) {
            if (b.dim() != steps.get(0).dim()) {
                throw new IllegalArgumentException("chain steps of dimensions " + steps.get(0).dim() + " and "
                        + b.dim() + " do not compose");
            }
        }
    }

    @Override
    public int dim() {
        return steps.get(0).dim();
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = x;
        for (Bijector b : steps) {
            y = b.forward(y);
        }
        return y;
    }

    @Override
    public double[] inverse(double[] y) {
        double[] x = y;
        for (int i = steps.size() - 1; i >= 0; i--) {
            x = steps.get(i).inverse(x);
        }
        return x;
    }

    @Override
    public double forwardLogDetJacobian(double[] x) {
        double s = 0;
        double[] y = x;
        for (Bijector b : steps) {
            s += b.forwardLogDetJacobian(y);
            y = b.forward(y);
        }
        return s;
    }

    @Override
    public double inverseLogDetJacobian(double[] y) {
        double s = 0;
        double[] x = y;
        for (int i = steps.size() - 1; i >= 0; i--) {
            s += steps.get(i).inverseLogDetJacobian(x);
            x = steps.get(i).inverse(x);
        }
        return s;
    }
}
