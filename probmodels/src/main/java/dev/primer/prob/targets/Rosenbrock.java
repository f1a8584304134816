package dev.primer.prob.targets;

import dev.primer.prob.autodiff.TwiceDifferentiable;

/**
 * Rosenbrock's banana valley f(x, y) = (a − x)² + b·(y − x²)² (Rosenbrock 1960), minimum 0 at (a, a²).
 *
 * @param a the valley's minimiser x-coordinate (classically 1)
 * @param b the valley's steepness (classically 100)
 */
public record Rosenbrock(double a, double b) implements TwiceDifferentiable {
    /** The classical a = 1, b = 100. */
    public static Rosenbrock classic() {
        return new Rosenbrock(1, 100);
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double u = a - p[0];
        double w = p[1] - p[0] * p[0];
        return u * u + b * w * w;
    }

    @Override
    public double valueAndGradient(double[] p, double[] grad) {
        double w = p[1] - p[0] * p[0];
        grad[0] = -2 * (a - p[0]) - 4 * b * p[0] * w;
        grad[1] = 2 * b * w;
        return value(p);
    }

    @Override
    public void hvp(double[] p, double[] v, double[] out) {
        double hxx = 2 - 4 * b * (p[1] - 3 * p[0] * p[0]);
        double hxy = -4 * b * p[0];
        double hyy = 2 * b;
        out[0] = hxx * v[0] + hxy * v[1];
        out[1] = hxy * v[0] + hyy * v[1];
    }
}
