package dev.primer.prob.targets;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;

/**
 * The multivariate normal N(μ, Σ): log π(x) = −½(x − μ)ᵀΣ⁻¹(x − μ). Diagonal covariances take an O(d) path.
 */
public final class Gaussian implements Target, TwiceDifferentiable {
    private final double[] mu;
    private final double[] variance;
    private final double[][] precision;
    private final double[] diagPrecision;

    private Gaussian(double[] mu, double[] variance, double[][] precision, double[] diagPrecision) {
        this.mu = mu;
        this.variance = variance;
        this.precision = precision;
        this.diagPrecision = diagPrecision;
    }

    /** The standard normal N(0, I_d). */
    public static Gaussian standard(int d) {
        return diagonal(new double[d], Vec.fill(d, 1));
    }

    /** N(μ, diag(σ²)) from standard deviations σ. */
    public static Gaussian diagonal(double[] mean, double[] sd) {
        double[] var = new double[sd.length];
        double[] prec = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            var[i] = sd[i] * sd[i];
            prec[i] = 1 / var[i];
        }
        return new Gaussian(mean.clone(), var, null, prec);
    }

    /** N(μ, Σ) for a symmetric positive-definite Σ. */
    public static Gaussian of(double[] mean, double[][] cov) {
        double[] var = new double[mean.length];
        for (int i = 0; i < var.length; i++) {
            var[i] = cov[i][i];
        }
        return new Gaussian(mean.clone(), var, Vec.spdInverse(cov), null);
    }

    /** The 2-D normal with zero mean, standard deviations σ₁, σ₂ and correlation ρ. */
    public static Gaussian correlated2d(double sd1, double sd2, double rho) {
        double c = rho * sd1 * sd2;
        return of(new double[2], new double[][] {{sd1 * sd1, c}, {c, sd2 * sd2}});
    }

    @Override
    public int dim() {
        return mu.length;
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        int d = mu.length;
        double s = 0;
        if (diagPrecision != null) {
            for (int i = 0; i < d; i++) {
                double r = x[i] - mu[i];
                grad[i] = -diagPrecision[i] * r;
                s += r * grad[i];
            }
            return 0.5 * s;
        }
        double[] r = new double[d];
        for (int i = 0; i < d; i++) {
            r[i] = x[i] - mu[i];
        }
        for (int i = 0; i < d; i++) {
            grad[i] = -Vec.dot(precision[i], r);
            s += r[i] * grad[i];
        }
        return 0.5 * s;
    }

    @Override
    public void hvp(double[] x, double[] v, double[] out) {
        for (int i = 0; i < mu.length; i++) {
            out[i] = diagPrecision != null ? -diagPrecision[i] * v[i] : -Vec.dot(precision[i], v);
        }
    }

    @Override
    public double[] mean() {
        return mu.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }
}
