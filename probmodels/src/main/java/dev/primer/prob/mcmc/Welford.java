package dev.primer.prob.mcmc;

/**
 * Welford's one-pass mean and variance (Welford 1962), per coordinate, as an immutable accumulator.
 *
 * @param n    samples seen
 * @param mean running means
 * @param m2   running sums of squared deviations
 */
public record Welford(int n, double[] mean, double[] m2) {
    /** An empty accumulator for d coordinates. */
    public static Welford empty(int d) {
        return new Welford(0, new double[d], new double[d]);
    }

    /** The accumulator with x added. */
    public Welford add(double[] x) {
        int k = n + 1;
        double[] mu = new double[x.length];
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double delta = x[i] - mean[i];
            mu[i] = mean[i] + delta / k;
            s[i] = m2[i] + delta * (x[i] - mu[i]);
        }
        return new Welford(k, mu, s);
    }

    /** The unbiased sample variances (divisor n − 1). */
    public double[] variance() {
        double[] v = new double[m2.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = m2[i] / (n - 1);
        }
        return v;
    }
}
