package dev.primer.prob.flow;

/**
 * yᵢ = logit(α + (1 − 2α)·xᵢ): the map of dequantised pixels in (0, 1) to ℝ that RealNVP models (Dinh et al. 2017,
 * §4.1, α = 0.05), so that a density on y gives one on x through log |det ∂y/∂x|.
 *
 * @param dim   d
 * @param alpha α in [0, ½), the margin kept from 0 and 1
 */
public record Logit(int dim, double alpha) implements Bijector {
    /** RealNVP's α. */
    public static final double REALNVP_ALPHA = 0.05;

    /** Checks α. */
    public Logit {
        if (!(alpha >= 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("logit margin alpha must lie in [0, 0.5), got " + alpha);
        }
    }

    @Override
    public double[] forward(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double p = alpha + (1 - 2 * alpha) * x[i];
            y[i] = Math.log(p) - Math.log1p(-p);
        }
        return y;
    }

    @Override
    public double[] inverse(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = (1 / (1 + Math.exp(-y[i])) - alpha) / (1 - 2 * alpha);
        }
        return x;
    }

    @Override
    public double forwardLogDetJacobian(double[] x) {
        // dy/dx = (1 − 2α) / (p (1 − p)).
        double s = 0;
        for (double v : x) {
            double p = alpha + (1 - 2 * alpha) * v;
            s += Math.log(1 - 2 * alpha) - Math.log(p) - Math.log1p(-p);
        }
        return s;
    }
}
