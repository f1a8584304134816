package dev.primer.prob.mcmc;

/**
 * Nesterov dual averaging of log ε towards a target acceptance statistic δ (Hoffman &amp; Gelman 2014, Alg. 5 and
 * eq. 6): H̄_m = (1 − 1/(m+t₀))·H̄_{m−1} + (δ − α_m)/(m+t₀), log ε_m = μ − (√m/γ)·H̄_m,
 * log ε̄_m = m^−κ·log ε_m + (1 − m^−κ)·log ε̄_{m−1}.
 *
 * @param mu        the shrinkage point μ = log(10·ε₀)
 * @param hBar      H̄_m
 * @param logEps    log ε_m, the step size to use next
 * @param logEpsBar log ε̄_m, the averaged step size used after warmup
 * @param m         the iteration count m
 */
public record DualAveraging(double mu, double hBar, double logEps, double logEpsBar, int m) {
    /** γ, controls shrinkage towards μ (Hoffman &amp; Gelman 2014, §3.2.1). */
    public static final double GAMMA = 0.05;
    /** t₀, damps the early iterations. */
    public static final double T0 = 10;
    /** κ, the averaging weight decay. */
    public static final double KAPPA = 0.75;

    /** A fresh average around step size ε₀. */
    public static DualAveraging start(double eps0) {
        return new DualAveraging(Math.log(10 * eps0), 0, Math.log(eps0), 0, 0);
    }

    /** The state after observing acceptance statistic α (clipped to 1) with target δ. */
    public DualAveraging update(double alpha, double delta) {
        int n = m + 1;
        double a = Double.isNaN(alpha) ? 0 : Math.min(1, alpha);
        double eta = 1.0 / (n + T0);
        double h = (1 - eta) * hBar + eta * (delta - a);
        double x = mu - h * Math.sqrt(n) / GAMMA;
        double w = Math.pow(n, -KAPPA);
        return new DualAveraging(mu, h, x, w * x + (1 - w) * logEpsBar, n);
    }

    /** ε_m, the step size for the next warmup iteration. */
    public double stepSize() {
        return Math.exp(logEps);
    }

    /** ε̄_m, the step size to freeze at the end of warmup. */
    public double averagedStepSize() {
        return Math.exp(logEpsBar);
    }
}
