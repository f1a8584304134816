package dev.primer.prob.targets;

/**
 * Neal's funnel (Neal 2003, §8): v ~ N(0, 3²), xᵢ | v ~ N(0, e^v) for i = 1..d−1, coordinate 0 is v. The neck's
 * curvature changes by orders of magnitude, so a single HMC step size diverges there. Moments: E = 0,
 * Var v = 9, Var xᵢ = E[e^v] = e^{9/2}.
 *
 * @param dim the dimension d ≥ 2
 */
public record Funnel(int dim) implements Target {
    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        double v = x[0];
        double ev = Math.exp(-v);
        double s = -v * v / 18;
        double sq = 0;
        for (int i = 1; i < dim; i++) {
            sq += x[i] * x[i];
            grad[i] = -x[i] * ev;
        }
        s += -0.5 * sq * ev - 0.5 * (dim - 1) * v;
        grad[0] = -v / 9 + 0.5 * sq * ev - 0.5 * (dim - 1);
        return s;
    }

    @Override
    public double[] mean() {
        return new double[dim];
    }

    @Override
    public double[] variance() {
        double[] r = new double[dim];
        java.util.Arrays.fill(r, Math.exp(4.5));
        r[0] = 9;
        return r;
    }
}
