package dev.primer.prob.targets;

/**
 * A ring in the plane, π(x) ∝ exp(−(‖x‖ − r)²/(2σ²)): a thin curved ridge (A-NICE-MC's "ring", Song et al. 2017,
 * §6.1) that local samplers must walk around. Moments: E = 0 and Var x₁ = Var x₂ = E‖x‖²/2, the radial moment
 * computed by quadrature of ρ³·e^{−(ρ−r)²/(2σ²)} over ρ·e^{−(ρ−r)²/(2σ²)}.
 *
 * @param radius r
 * @param sd     σ
 */
public record Ring(double radius, double sd) implements Target {
    private static final int QUADRATURE_POINTS = 20_000;

    /** Rejects non-positive radius or width. */
    public Ring {
        if (!(radius > 0) || !(sd > 0)) {
            throw new IllegalArgumentException("a ring needs radius and sd > 0, got " + radius + ", " + sd);
        }
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        double rho = Math.hypot(x[0], x[1]);
        double k = (rho - radius) / (sd * sd);
        double scale = rho > 0 ? -k / rho : 0;
        grad[0] = scale * x[0];
        grad[1] = scale * x[1];
        return -0.5 * (rho - radius) * (rho - radius) / (sd * sd);
    }

    @Override
    public double[] mean() {
        return new double[2];
    }

    @Override
    public double[] variance() {
        double hi = radius + 12 * sd;
        double h = hi / QUADRATURE_POINTS;
        double num = 0;
        double den = 0;
        for (int i = 0; i < QUADRATURE_POINTS; i++) {
            double rho = (i + 0.5) * h;
            double w = rho * Math.exp(-0.5 * (rho - radius) * (rho - radius) / (sd * sd));
            num += w * rho * rho;
            den += w;
        }
        double v = num / den / 2;
        return new double[] {v, v};
    }
}
