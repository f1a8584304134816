package dev.primer.experiments.nn;

import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.optim.Lbfgs;
import dev.primer.random.SplitMix64;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A one-hidden-layer ReLU network f(x) = Σⱼ vⱼ·relu(wⱼ·x + bⱼ) + c on ℝᵈ, in double precision, as the objective
 * of a full-batch fit by L-BFGS: L(θ) = (1/n)·Σᵢ (f(xᵢ) − yᵢ)², gradients by hand-written backpropagation.
 * Parameters are laid out as θ = (w₁…w_m (d each), b₁…b_m, v₁…v_m, c).
 *
 * <p>Why not nn-core's DL4J networks and Trainer: these are thousands of full-batch L-BFGS iterations of nets with
 * 1 or 2 inputs, where DL4J's per-call bookkeeping dominates. Measured side by side on the shared 2-core machine
 * (load about 11), 512 points: one DL4J {@code fit} call took 16 ms at width 2 and 70 ms at width 1024, this
 * class's loss and gradient 0.10 ms and 17 ms; and the Trainer runs minibatch first-order updates, not L-BFGS.
 *
 * @param points  the inputs xᵢ, each of length d
 * @param targets the targets yᵢ
 * @param width   the number of hidden units m
 */
record ShallowRelu(double[][] points, double[] targets, int width) implements Differentiable {
    /** The (s, y) pairs L-BFGS keeps: 20, within the 3–20 that Nocedal &amp; Wright (§7.2) find enough. */
    static final int LBFGS_MEMORY = 20;

    /** Checks that there are as many targets as points, all of one dimension, and at least one unit. */
    ShallowRelu {
        if (points.length != targets.length || points.length == 0 || width < 1) {
            throw new IllegalArgumentException("need as many targets as points (got " + targets.length + " and "
                    + points.length + ") and a width >= 1 (got " + width + ")");
        }
        int d = points[0].length;
        for (double[] p : points) {
            if (p.length != d) {
                throw new IllegalArgumentException("points of dimension " + p.length + " and " + d + " mixed");
            }
        }
    }

    /** The input dimension d. */
    int inputs() {
        return points[0].length;
    }

    @Override
    public int dim() {
        return width * (inputs() + 2) + 1;
    }

    /** f(x) for parameters θ. */
    double predict(double[] theta, double[] x) {
        int d = inputs();
        int b = width * d;
        double out = theta[b + 2 * width];
        for (int j = 0; j < width; j++) {
            double z = theta[b + j];
            for (int k = 0; k < d; k++) {
                z += theta[j * d + k] * x[k];
            }
            if (z > 0) {
                out += theta[b + width + j] * z;
            }
        }
        return out;
    }

    @Override
    public double value(double[] theta) {
        return meanSquaredError(theta, points, targets);
    }

    /** (1/n)·Σᵢ (f(xᵢ) − yᵢ)² over the given points, e.g. a dense evaluation grid. */
    double meanSquaredError(double[] theta, double[][] xs, double[] ys) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) {
            double r = predict(theta, xs[i]) - ys[i];
            sum += r * r;
        }
        return sum / xs.length;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        Arrays.fill(grad, 0);
        int d = inputs();
        int b = width * d;
        int v = b + width;
        int c = v + width;
        int n = points.length;
        double[] z = new double[width];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] x = points[i];
            double out = theta[c];
            for (int j = 0; j < width; j++) {
                double s = theta[b + j];
                for (int k = 0; k < d; k++) {
                    s += theta[j * d + k] * x[k];
                }
                z[j] = s;
                if (s > 0) {
                    out += theta[v + j] * s;
                }
            }
            double r = out - targets[i];
            loss += r * r;
            double dr = 2 * r / n;
            grad[c] += dr;
            for (int j = 0; j < width; j++) {
                if (z[j] > 0) {
                    grad[v + j] += dr * z[j];
                    double dz = dr * theta[v + j];
                    grad[b + j] += dz;
                    for (int k = 0; k < d; k++) {
                        grad[j * d + k] += dz * x[k];
                    }
                }
            }
        }
        return loss / n;
    }

    /**
     * Initial parameters whose knots (the hyperplanes wⱼ·x + bⱼ = 0) pass through uniform random points of the box
     * [lo, hi]ᵈ, wⱼ ~ N(0, I), vⱼ ~ N(0, 1/m) and c the targets' mean. With DL4J's default zero biases every knot of
     * a 1-input net starts at x = 0, and most of training goes into moving them into the domain.
     */
    double[] init(double lo, double hi, long seed) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        int d = inputs();
        double[] theta = new double[dim()];
        for (int j = 0; j < width; j++) {
            double bias = 0;
            for (int k = 0; k < d; k++) {
                double w = rng.nextGaussianBoxMuller();
                theta[j * d + k] = w;
                bias -= w * (lo + (hi - lo) * rng.nextDouble());
            }
            theta[width * d + j] = bias;
            theta[width * (d + 1) + j] = rng.nextGaussianBoxMuller() / Math.sqrt(width);
        }
        theta[dim() - 1] = Arrays.stream(targets).average().orElse(0);
        return theta;
    }

    /**
     * The parameters with the lowest training loss among {@code restarts} fits (run in parallel), each
     * {@code iterations} of full-batch L-BFGS ({@link Lbfgs}, memory {@link #LBFGS_MEMORY}) from {@link #init}.
     */
    double[] bestOf(int restarts, double lo, double hi, int iterations, long seed) {
        return IntStream.range(0, restarts).parallel()
                .mapToObj(r -> new Lbfgs(LBFGS_MEMORY).minimize(this, init(lo, hi, seedOf(seed, r)), iterations).x())
                .min(Comparator.comparingDouble(this::value)).orElseThrow();
    }

    /** A seed for one fit, hashed from the run's seed and the fit's coordinates (target, width, restart, …). */
    static long seedOf(long seed, int... coordinates) {
        long s = seed;
        for (int c : coordinates) {
            s = SplitMix64.seeded(s ^ c).nextLong();
        }
        return s;
    }
}
