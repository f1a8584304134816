package dev.primer.experiments.prob;

import dev.primer.prob.LogDensity;
import dev.primer.random.SplitMix64;
import java.util.List;

/**
 * A 2-D density normalised on a k×k grid of cells over a box, the "exact posterior" samples are judged against:
 * cell masses from the density at cell centres.
 */
final class GridPosterior {
    private static final int SUBDIVISIONS = 5;
    final double lo1;
    final double hi1;
    final double lo2;
    final double hi2;
    final int k;
    final double[][] mass;

    private GridPosterior(double lo1, double hi1, double lo2, double hi2, int k, double[][] mass) {
        this.lo1 = lo1;
        this.hi1 = hi1;
        this.lo2 = lo2;
        this.hi2 = hi2;
        this.k = k;
        this.mass = mass;
    }

    /** The density normalised on k×k cells of [lo1, hi1]×[lo2, hi2], each cell integrated by a 5×5 midpoint rule. */
    static GridPosterior of(LogDensity f, double lo1, double hi1, double lo2, double hi2, int k) {
        int r = SUBDIVISIONS;
        int n = k * r;
        double[][] logp = new double[n][n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                logp[i][j] = f.value(new double[] {lo1 + (i + 0.5) * (hi1 - lo1) / n, lo2 + (j + 0.5) * (hi2 - lo2) / n});
                max = Math.max(max, logp[i][j]);
            }
        }
        double z = 0;
        double[][] m = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double w = Math.exp(logp[i][j] - max);
                m[i / r][j / r] += w;
                z += w;
            }
        }
        for (double[] row : m) {
            for (int j = 0; j < k; j++) {
                row[j] /= z;
            }
        }
        return new GridPosterior(lo1, hi1, lo2, hi2, k, m);
    }

    /** Total-variation distance ½·Σ|p̂ − p| between the samples' cell histogram and the grid masses. */
    double tv(List<double[]> samples) {
        double[][] h = new double[k][k];
        double outside = 0;
        for (double[] s : samples) {
            int i = (int) Math.floor((s[0] - lo1) / (hi1 - lo1) * k);
            int j = (int) Math.floor((s[1] - lo2) / (hi2 - lo2) * k);
            if (i < 0 || j < 0 || i >= k || j >= k) {
                outside++;
            } else {
                h[i][j]++;
            }
        }
        double d = outside / samples.size();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                d += Math.abs(h[i][j] / samples.size() - mass[i][j]);
            }
        }
        return d / 2;
    }

    /** n independent draws: a cell by its mass, then uniform within it. */
    List<double[]> draw(int n, SplitMix64 rng) {
        double[] cdf = new double[k * k];
        double c = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c += mass[i][j];
                cdf[i * k + j] = c;
            }
        }
        List<double[]> out = new java.util.ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            double u = rng.nextDouble() * c;
            int idx = java.util.Arrays.binarySearch(cdf, u);
            idx = Math.min(k * k - 1, idx < 0 ? -idx - 1 : idx);
            int i = idx / k;
            int j = idx % k;
            out.add(new double[] {lo1 + (i + rng.nextDouble()) * (hi1 - lo1) / k,
                lo2 + (j + rng.nextDouble()) * (hi2 - lo2) / k});
        }
        return out;
    }

    /** The marginal density of coordinate {@code axis} (0 or 1) at cell centres, as {x, density}. */
    double[][] marginal(int axis) {
        double lo = axis == 0 ? lo1 : lo2;
        double width = ((axis == 0 ? hi1 : hi2) - lo) / k;
        double[] x = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = lo + (i + 0.5) * width;
            for (int j = 0; j < k; j++) {
                p[i] += axis == 0 ? mass[i][j] : mass[j][i];
            }
            p[i] /= width;
        }
        return new double[][] {x, p};
    }

    /** The histogram density of coordinate {@code axis} of the samples on the same cells. */
    double[] histogram(List<double[]> samples, int axis) {
        double lo = axis == 0 ? lo1 : lo2;
        double width = ((axis == 0 ? hi1 : hi2) - lo) / k;
        double[] h = new double[k];
        for (double[] s : samples) {
            int i = (int) Math.floor((s[axis] - lo) / width);
            if (i >= 0 && i < k) {
                h[i] += 1.0 / (samples.size() * width);
            }
        }
        return h;
    }
}
