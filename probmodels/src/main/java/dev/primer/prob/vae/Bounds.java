package dev.primer.prob.vae;

import dev.primer.nn.expr.ExprNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Test-set bounds on log p(x) of a {@link Vae}: the ELBO and the importance-weighted bound of Burda, Grosse &amp;
 * Salakhutdinov (2016, eq. 8), L_k = E[log (1/k) Σᵢ wᵢ] with wᵢ = p(x, zᵢ)/q(zᵢ | x), zᵢ ~ q(z | x); L_1 is the ELBO
 * and L_k ≤ L_{k+1} ≤ log p(x) (their Theorem 1), so −L_k for large k estimates the negative log-likelihood.
 *
 * @param elbo    mean over examples of a one-sample ELBO estimate (nats)
 * @param iwae    mean over examples of the k-sample estimate of L_k (nats)
 * @param k       importance samples per example
 * @param perExample the k-sample estimate of each example
 */
public record Bounds(double elbo, double iwae, int k, double[] perExample) {
    /** Rows per forward pass when evaluating, bounding the scratch memory. */
    private static final int CHUNK_ROWS = 4096;

    /**
     * The bounds of {@code net} (a {@link Vae} program) on the binary rows of {@code x}, with k importance samples
     * per example drawn from streams fixed by {@code seed}.
     */
    public static Bounds of(ExprNet net, INDArray x, int k, long seed) {
        int n = (int) x.size(0);
        double elboSum = 0;
        double[] lk = new double[n];
        int per = Math.max(1, CHUNK_ROWS / k);
        for (int from = 0, chunk = 0; from < n; from += per, chunk++) {
            int to = Math.min(n, from + per);
            INDArray rows = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray negElbo = net.outputs(seed * 31 + 2 * chunk, rows).get(Vae.NEG_ELBO);
            elboSum -= negElbo.sumNumber().doubleValue();
            int[] each = new int[(to - from) * k];
            for (int r = 0; r < each.length; r++) {
                each[r] = r / k;
            }
            double[] logW = net.outputs(seed * 31 + 2 * chunk + 1, rows.getRows(each)).get(Vae.LOG_W)
                    .toDoubleVector();
            for (int i = 0; i < to - from; i++) {
                lk[from + i] = logMeanExp(logW, i * k, k);
            }
        }
        double sum = 0;
        for (double v : lk) {
            sum += v;
        }
        return new Bounds(elboSum / n, sum / n, k, lk);
    }

    /**
     * The mean of upper − lower over paired entries (two bounds on the same examples) and its standard error, the
     * sample standard deviation of the differences over √n.
     */
    public static Gap gap(double[] lower, double[] upper) {
        int n = lower.length;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double d = upper[i] - lower[i];
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / n;
        return new Gap(mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean) / (n - 1)));
    }

    /**
     * A paired difference of two bounds.
     *
     * @param mean          mean of upper − lower (nats)
     * @param standardError its standard error over the examples
     */
    public record Gap(double mean, double standardError) {
    }

    /** log((1/k) Σ e^{a[from..from+k)}) computed as m + log((1/k) Σ e^{aᵢ − m}), m = max aᵢ, so nothing overflows. */
    public static double logMeanExp(double[] a, int from, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + k; i++) {
            m = Math.max(m, a[i]);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (int i = from; i < from + k; i++) {
            s += Math.exp(a[i] - m);
        }
        return m + Math.log(s / k);
    }
}
