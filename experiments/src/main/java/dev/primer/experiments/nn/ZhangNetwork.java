package dev.primer.experiments.nn;

import dev.primer.prob.linalg.Vec;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The depth-2 ReLU network of Zhang et al. 2017, "Understanding deep learning requires rethinking generalization",
 * §4, Theorem 1: c(x) = Σⱼ wⱼ·relu(a·x − bⱼ) with 2n + d weights (a ∈ ℝᵈ, b, w ∈ ℝⁿ) that fits any n distinct
 * points exactly. Construction (their Lemma 1): project onto a direction a so that the zᵢ = a·xᵢ are distinct, sort
 * them, put b₁ &lt; z₁ &lt; b₂ &lt; z₂ &lt; … &lt; bₙ &lt; zₙ, and solve A·w = y for
 * A_ij = relu(zᵢ − bⱼ), which is lower triangular with a positive diagonal. In double precision.
 *
 * @param a the projection direction (unit length)
 * @param b the biases b₁ &lt; … &lt; bₙ
 * @param w the output weights
 */
record ZhangNetwork(double[] a, double[] b, double[] w) {
    /** The network's weights: d + 2n. */
    int parameters() {
        return a.length + b.length + w.length;
    }

    /** c(x) = Σⱼ wⱼ·relu(a·x − bⱼ), computed as the network computes it, one hidden unit at a time. */
    double apply(double[] x) {
        double z = Vec.dot(a, x);
        double out = 0;
        for (int j = 0; j < b.length; j++) {
            out += w[j] * Math.max(z - b[j], 0);
        }
        return out;
    }

    /**
     * The network through (xᵢ, yᵢ) for a random unit direction a drawn from {@code seed}, each bias at
     * {@code position} ∈ (0, 1) of its gap ({@link #biases}). Two points with the same projection (identical points)
     * are rejected, naming them.
     */
    static ZhangNetwork fit(double[][] x, double[] y, long seed, double position) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need one target per point and at least one point; got " + x.length
                    + " points and " + y.length + " targets");
        }
        int n = x.length;
        double[] a = direction(x[0].length, seed);
        Projection p = Projection.of(a, x);
        double[] ySorted = new double[n];
        for (int i = 0; i < n; i++) {
            ySorted[i] = y[p.order()[i]];
        }
        double[] b = biases(p.z(), position);
        return new ZhangNetwork(a, b, solve(p.z(), b, ySorted, 0));
    }

    /** The projections zᵢ = a·xᵢ in increasing order, with the index of the point each came from. */
    record Projection(double[] z, int[] order) {
        /** Sorts the projections of {@code x} on {@code a}; rejects ties. */
        static Projection of(double[] a, double[][] x) {
            double[] raw = Arrays.stream(x).mapToDouble(p -> Vec.dot(a, p)).toArray();
            int[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> raw[i]))
                    .mapToInt(Integer::intValue).toArray();
            double[] z = new double[x.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = raw[order[i]];
                if (i > 0 && z[i] == z[i - 1]) {
                    throw new IllegalArgumentException("points " + order[i - 1] + " and " + order[i]
                            + " have the same projection " + z[i] + " (identical points cannot take two targets)");
                }
            }
            return new Projection(z, order);
        }
    }

    /**
     * bⱼ = z_{j−1} + position·(z_j − z_{j−1}), and b₁ = z₁ − (1 − position)·(z₂ − z₁) (z₁ − 1 for one point). The
     * position sets the conditioning: forward substitution carries the slope Σ_{j&lt;i} uⱼ from row to row times
     * 1 − (zᵢ − z_{i−1})/(zᵢ − bᵢ) = −position/(1 − position), so errors are damped below ½, carried undamped at the
     * midpoint and amplified above.
     */
    static double[] biases(double[] z, double position) {
        if (!(position > 0 && position < 1)) {
            throw new IllegalArgumentException("a bias must lie strictly inside its gap: position " + position
                    + " is not in (0, 1)");
        }
        double[] b = new double[z.length];
        b[0] = z.length > 1 ? z[0] - (1 - position) * (z[1] - z[0]) : z[0] - 1;
        for (int j = 1; j < z.length; j++) {
            b[j] = z[j - 1] + position * (z[j] - z[j - 1]);
        }
        return b;
    }

    /**
     * Forward substitution for A·u = r with A_ij = relu(zᵢ − bⱼ), where r is zero above row {@code from} (so u is
     * too). Row i reads zᵢ·Sᵢ₋₁ − Tᵢ₋₁ + (zᵢ − bᵢ)·uᵢ = rᵢ with the running sums S = Σ_{j&lt;i} uⱼ and
     * T = Σ_{j&lt;i} uⱼbⱼ, because zᵢ &gt; bⱼ for every j ≤ i: O(n) a solve instead of O(n²).
     */
    static double[] solve(double[] z, double[] b, double[] r, int from) {
        double[] u = new double[z.length];
        double s = 0;
        double t = 0;
        for (int i = from; i < z.length; i++) {
            u[i] = (r[i] - (z[i] * s - t)) / (z[i] - b[i]);
            s += u[i];
            t += u[i] * b[i];
        }
        return u;
    }

    /**
     * κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ of the interpolation matrix for sorted projections z and biases b, exactly: the column
     * sums of A in closed form and every column of A⁻¹ by {@link #solve}, O(n²) in all.
     */
    static double conditionNumber(double[] z, double[] b) {
        int n = z.length;
        double normA = 0;
        double zTail = 0;
        for (int j = n - 1; j >= 0; j--) {
            zTail += z[j];
            normA = Math.max(normA, zTail - (n - j) * b[j]);
        }
        double normInverse = 0;
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] col = solve(z, b, e, j);
            e[j] = 0;
            normInverse = Math.max(normInverse, Arrays.stream(col).map(Math::abs).sum());
        }
        return normA * normInverse;
    }

    private static double[] direction(int d, long seed) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        double[] a = new double[d];
        for (int k = 0; k < d; k++) {
            a[k] = rng.nextGaussianBoxMuller();
        }
        double norm = Math.sqrt(Vec.dot(a, a));
        for (int k = 0; k < d; k++) {
            a[k] /= norm;
        }
        return a;
    }
}
