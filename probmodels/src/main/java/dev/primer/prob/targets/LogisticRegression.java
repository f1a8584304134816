package dev.primer.prob.targets;

import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.linalg.Vec;
import dev.primer.random.SplitMix64;

/**
 * The L2-regularised logistic loss f(w) = (1/n)·Σᵢ [log(1 + e^{xᵢ·w}) − yᵢ·xᵢ·w] + (λ/2)‖w‖², yᵢ ∈ {0, 1}, with
 * per-example gradients for stochastic methods. With λ = 0 and separable-free data the loss is convex but not
 * strongly convex.
 *
 * @param x      features, n rows of length d
 * @param y      labels in {0, 1}
 * @param lambda the ridge weight λ ≥ 0
 */
public record LogisticRegression(double[][] x, int[] y, double lambda) implements TwiceDifferentiable {
    /**
     * n examples with standard-normal features in d dimensions and labels drawn from the logistic model with
     * weights wᵢ = (−1)ⁱ·scale/√d, so the classes overlap and the minimiser is finite.
     */
    public static LogisticRegression synthetic(int n, int d, double scale, double lambda, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussianBoxMuller();
                z += x[i][j] * (j % 2 == 0 ? 1 : -1) * scale / Math.sqrt(d);
            }
            y[i] = rng.nextDouble() < sigmoid(z) ? 1 : 0;
        }
        return new LogisticRegression(x, y, lambda);
    }

    /** The number of examples n. */
    public int size() {
        return x.length;
    }

    @Override
    public int dim() {
        return x[0].length;
    }

    @Override
    public double value(double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = Vec.dot(x[i], w);
            s += softplus(z) - y[i] * z;
        }
        return s / x.length + 0.5 * lambda * Vec.dot(w, w);
    }

    @Override
    public double valueAndGradient(double[] w, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double z = Vec.dot(x[i], w);
            s += softplus(z) - y[i] * z;
            double r = (sigmoid(z) - y[i]) / x.length;
            for (int j = 0; j < w.length; j++) {
                grad[j] += r * x[i][j];
            }
        }
        for (int j = 0; j < w.length; j++) {
            grad[j] += lambda * w[j];
        }
        return s / x.length + 0.5 * lambda * Vec.dot(w, w);
    }

    /** Writes the gradient of example i's loss (plus the ridge term) into {@code grad}: an unbiased estimate of ∇f. */
    public void exampleGradient(int i, double[] w, double[] grad) {
        double r = sigmoid(Vec.dot(x[i], w)) - y[i];
        for (int j = 0; j < w.length; j++) {
            grad[j] = r * x[i][j] + lambda * w[j];
        }
    }

    @Override
    public void hvp(double[] w, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (double[] xi : x) {
            double s = sigmoid(Vec.dot(xi, w));
            double c = s * (1 - s) * Vec.dot(xi, v) / x.length;
            for (int j = 0; j < w.length; j++) {
                out[j] += c * xi[j];
            }
        }
        for (int j = 0; j < w.length; j++) {
            out[j] += lambda * v[j];
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
