package dev.primer.prob.targets;

/**
 * A mixture Σₖ wₖ·N(μₖ, σₖ²I) in d dimensions, log-sum-exp evaluated. Moments: E[x] = Σ wₖμₖ,
 * Var xⱼ = Σ wₖ(σₖ² + μₖⱼ²) − E[xⱼ]².
 *
 * @param weights mixture weights (summing to 1)
 * @param means   component means, each of length d
 * @param sds     component standard deviations
 */
public record GaussianMixture(double[] weights, double[][] means, double[] sds) implements Target {
    @Override
    public int dim() {
        return means[0].length;
    }

    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        int k = weights.length;
        int d = dim();
        double[] logs = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double r = x[j] - means[c][j];
                sq += r * r;
            }
            logs[c] = Math.log(weights[c]) - d * Math.log(sds[c]) - sq / (2 * sds[c] * sds[c]);
            max = Math.max(max, logs[c]);
        }
        double z = 0;
        for (int c = 0; c < k; c++) {
            z += Math.exp(logs[c] - max);
        }
        java.util.Arrays.fill(grad, 0);
        for (int c = 0; c < k; c++) {
            double resp = Math.exp(logs[c] - max) / z;
            for (int j = 0; j < d; j++) {
                grad[j] -= resp * (x[j] - means[c][j]) / (sds[c] * sds[c]);
            }
        }
        return max + Math.log(z);
    }

    @Override
    public double[] mean() {
        double[] m = new double[dim()];
        for (int c = 0; c < weights.length; c++) {
            for (int j = 0; j < m.length; j++) {
                m[j] += weights[c] * means[c][j];
            }
        }
        return m;
    }

    @Override
    public double[] variance() {
        double[] m = mean();
        double[] v = new double[m.length];
        for (int c = 0; c < weights.length; c++) {
            for (int j = 0; j < v.length; j++) {
                v[j] += weights[c] * (sds[c] * sds[c] + means[c][j] * means[c][j]);
            }
        }
        for (int j = 0; j < v.length; j++) {
            v[j] -= m[j] * m[j];
        }
        return v;
    }
}
