package dev.primer.prob.targets;

import dev.primer.prob.autodiff.ForwardMode;
import dev.primer.prob.autodiff.HyperDual;
import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.random.SplitMix64;

/**
 * A one-hidden-layer tanh network ŷ(x) = Σⱼ vⱼ·tanh(wⱼx + bⱼ) + c fitted by mean squared error
 * f(θ) = (1/2n)·Σᵢ (ŷ(xᵢ) − yᵢ)²: a small non-convex objective. Gradients by hand-written backpropagation;
 * Hessian-vector products exact, by forward mode over the same loss written in hyper-dual arithmetic.
 * Parameters are laid out as θ = (w₁..w_h, b₁..b_h, v₁..v_h, c).
 *
 * @param x      inputs
 * @param y      targets
 * @param hidden the number of hidden units h
 */
public record TinyMlp(double[] x, double[] y, int hidden) implements TwiceDifferentiable {
    /** n points of y = sin(2x) + 0.1·ξ for x uniform on [−2, 2], with h hidden units. */
    public static TinyMlp sine(int n, int hidden, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -2 + 4 * rng.nextDouble();
            y[i] = Math.sin(2 * x[i]) + 0.1 * rng.nextGaussianBoxMuller();
        }
        return new TinyMlp(x, y, hidden);
    }

    /** Initial parameters: input weights and biases N(0, 1), output weights N(0, 1/h), c = 0. */
    public double[] init(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] t = new double[dim()];
        for (int j = 0; j < 2 * hidden; j++) {
            t[j] = rng.nextGaussianBoxMuller();
        }
        for (int j = 0; j < hidden; j++) {
            t[2 * hidden + j] = rng.nextGaussianBoxMuller() / Math.sqrt(hidden);
        }
        return t;
    }

    @Override
    public int dim() {
        return 3 * hidden + 1;
    }

    @Override
    public double valueAndGradient(double[] t, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        int h = hidden;
        int n = x.length;
        double loss = 0;
        double[] a = new double[h];
        for (int i = 0; i < n; i++) {
            double out = t[3 * h];
            for (int j = 0; j < h; j++) {
                a[j] = Math.tanh(t[j] * x[i] + t[h + j]);
                out += t[2 * h + j] * a[j];
            }
            double r = out - y[i];
            loss += 0.5 * r * r / n;
            double dr = r / n;
            grad[3 * h] += dr;
            for (int j = 0; j < h; j++) {
                grad[2 * h + j] += dr * a[j];
                double dz = dr * t[2 * h + j] * (1 - a[j] * a[j]);
                grad[j] += dz * x[i];
                grad[h + j] += dz;
            }
        }
        return loss;
    }

    @Override
    public void hvp(double[] t, double[] v, double[] out) {
        System.arraycopy(ForwardMode.hvp(this::loss, t, v), 0, out, 0, dim());
    }

    @Override
    public double[][] hessian(double[] t) {
        return ForwardMode.hessian(this::loss, t);
    }

    /** The loss in hyper-dual arithmetic, for exact second derivatives. */
    HyperDual loss(HyperDual[] t) {
        int h = hidden;
        HyperDual total = HyperDual.constant(0);
        for (int i = 0; i < x.length; i++) {
            HyperDual out = t[3 * h];
            for (int j = 0; j < h; j++) {
                out = out.plus(t[2 * h + j].times(t[j].times(x[i]).plus(t[h + j]).tanh()));
            }
            total = total.plus(out.minus(y[i]).square());
        }
        return total.div(2.0 * x.length);
    }
}
