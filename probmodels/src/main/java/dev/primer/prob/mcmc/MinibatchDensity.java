package dev.primer.prob.mcmc;

import dev.primer.prob.LogDensity;

/** A posterior log p(θ) + Σᵢ₌₁ᴺ log p(xᵢ|θ) whose likelihood terms can be evaluated one datum at a time. */
public interface MinibatchDensity {
    /** The parameter dimension. */
    int dim();

    /** The number of data N. */
    int size();

    /** Writes ∇log p(θ) into {@code grad} (overwritten) and returns log p(θ). */
    double logPrior(double[] theta, double[] grad);

    /** Adds ∇log p(xᵢ|θ) into {@code grad} (accumulated) and returns log p(xᵢ|θ). */
    double logLikelihood(int i, double[] theta, double[] grad);

    /** The full-data posterior as a {@link LogDensity}. */
    default LogDensity full() {
        MinibatchDensity m = this;
        return new LogDensity() {
            @Override
            public int dim() {
                return m.dim();
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                double v = m.logPrior(x, grad);
                for (int i = 0; i < m.size(); i++) {
                    v += m.logLikelihood(i, x, grad);
                }
                return v;
            }
        };
    }

    /**
     * The unbiased minibatch estimate ∇log p(θ) + (N/n)·Σ_{i∈batch} ∇log p(xᵢ|θ) (Welling &amp; Teh 2011, eq. 4),
     * written into {@code grad}.
     */
    default void minibatchGradient(double[] theta, int[] batch, double[] grad) {
        double[] lik = new double[dim()];
        logPrior(theta, grad);
        for (int i : batch) {
            logLikelihood(i, theta, lik);
        }
        double scale = (double) size() / batch.length;
        for (int j = 0; j < grad.length; j++) {
            grad[j] += scale * lik[j];
        }
    }
}
