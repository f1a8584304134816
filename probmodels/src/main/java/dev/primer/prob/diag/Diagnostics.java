package dev.primer.prob.diag;

/**
 * Convergence and efficiency diagnostics for several chains of one scalar quantity, given as [chain][iteration]
 * with equal lengths.
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    /** The biased autocovariances γ̂(t) = (1/n)·Σ (x_s − x̄)(x_{s+t} − x̄), t = 0..n−1, by zero-padded FFT. */
    public static double[] autocovariance(double[] x) {
        int n = x.length;
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        double mean = mean(x);
        double[] re = new double[m];
        double[] im = new double[m];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        Fft.transform(re, im, false);
        for (int i = 0; i < m; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        Fft.transform(re, im, true);
        double[] acov = new double[n];
        for (int t = 0; t < n; t++) {
            acov[t] = re[t] / m / n;
        }
        return acov;
    }

    /**
     * Effective sample size by Geyer's initial monotone sequence estimator over split chains, as Stan computes
     * it (Stan Reference Manual §16.4.2; Vehtari et al. 2021, eqs. 9–10 without rank normalisation):
     * ρ̂_t = 1 − (W − mean_m γ̂_{m,t}) / var⁺, summed in pairs while ρ̂_{2k} + ρ̂_{2k+1} &gt; 0, pairs made
     * monotone, and ESS = M·N / τ̂ with τ̂ = −1 + 2·Σρ̂_t + max(ρ̂_even, 0), the last term being the last even-lag
     * autocorrelation computed, whether or not its pair was kept (Stan's {@code compute_effective_sample_size}; the
     * same as the {@code posterior} package's {@code ess_basic} whenever the sequence stops by Geyer's criterion).
     * ESS is capped at M·N·log₁₀(M·N).
     *
     * @throws IllegalArgumentException when there are no chains or the chains differ in length
     */
    public static double ess(double[][] chains) {
        double[][] split = split(chains);
        int m = split.length;
        int n = split[0].length;
        if (n < 4) {
            return Double.NaN;
        }
        double[][] acov = new double[m][];
        double[] chainMean = new double[m];
        double[] chainVar = new double[m];
        for (int c = 0; c < m; c++) {
            acov[c] = autocovariance(split[c]);
            chainMean[c] = mean(split[c]);
            chainVar[c] = acov[c][0] * n / (n - 1.0);
        }
        double w = mean(chainVar);
        double varPlus = w * (n - 1.0) / n;
        if (m > 1) {
            varPlus += variance(chainMean);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        rho[0] = 1;
        int t = 0;
        double even = 1;
        double odd = 1 - (w - meanAt(acov, 1)) / varPlus;
        while (t < n - 5 && !Double.isNaN(even + odd) && even + odd > 0) {
            rho[t + 1] = odd;
            t += 2;
            even = 1 - (w - meanAt(acov, t)) / varPlus;
            odd = 1 - (w - meanAt(acov, t + 1)) / varPlus;
            if (even + odd >= 0) {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        int maxT = t;
        // Stan's improved tail: the last ρ̂_even computed, kept or not (a rejected pair is never stored in rho),
        // added once when positive; it reduces variance for antithetic chains
        double tail = even > 0 ? even : 0;
        for (int k = 1; k <= maxT - 3; k += 2) {
            if (rho[k + 1] + rho[k + 2] > rho[k - 1] + rho[k]) {
                rho[k + 1] = (rho[k - 1] + rho[k]) / 2;
                rho[k + 2] = rho[k + 1];
            }
        }
        double total = (double) m * n;
        double sum = 0;
        for (int k = 0; k <= maxT; k++) {
            sum += rho[k];
        }
        double tau = -1 + 2 * sum + tail;
        tau = Math.max(tau, 1 / Math.log10(total));
        return total / tau;
    }

    /**
     * Split R̂ (Gelman et al. 2013, BDA3 §11.4, eqs. 11.3–11.4): chains are halved, then
     * R̂ = √(var⁺/W) with var⁺ = ((n−1)/n)·W + B/n.
     *
     * @throws IllegalArgumentException when there are no chains or the chains differ in length
     */
    public static double splitRhat(double[][] chains) {
        double[][] split = split(chains);
        int m = split.length;
        int n = split[0].length;
        double[] means = new double[m];
        double[] vars = new double[m];
        for (int c = 0; c < m; c++) {
            means[c] = mean(split[c]);
            vars[c] = variance(split[c]);
        }
        double w = mean(vars);
        double b = n * variance(means);
        double varPlus = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varPlus / w);
    }

    /**
     * Each chain cut into its first and second halves (the middle draw dropped when the length is odd).
     *
     * @throws IllegalArgumentException when there are no chains or the chains differ in length
     */
    static double[][] split(double[][] chains) {
        if (chains.length == 0) {
            throw new IllegalArgumentException("no chains given");
        }
        for (int c = 1; c < chains.length; c++) {
            if (chains[c].length != chains[0].length) {
                throw new IllegalArgumentException("chains must have equal lengths: chain 0 has " + chains[0].length
                        + " draws, chain " + c + " has " + chains[c].length);
            }
        }
        int n = chains[0].length / 2;
        double[][] r = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            r[2 * c] = java.util.Arrays.copyOfRange(chains[c], 0, n);
            r[2 * c + 1] = java.util.Arrays.copyOfRange(chains[c], chains[c].length - n, chains[c].length);
        }
        return r;
    }

    private static double meanAt(double[][] acov, int t) {
        double s = 0;
        for (double[] a : acov) {
            s += a[t];
        }
        return s / acov.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The unbiased sample variance. */
    private static double variance(double[] x) {
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return s / (x.length - 1);
    }
}
