package dev.primer.prob.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.random.SplitMix64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every analytic gradient and Hessian-vector product agrees with finite differences. */
class TargetsTest {
    private final double[] x5 = {0.3, -0.7, 1.1, 0.2, -0.4};

    @Test
    void gradientsMatchFiniteDifferences() {
        List<Differentiable> fs = List.of(Gaussian.correlated2d(1, 2, 0.9), new Banana(5, 0.1), new Funnel(5),
                new GaussianMixture(new double[] {0.4, 0.6}, new double[][] {{0, 1, 0, 0, 1}, {1, -1, 2, 0, 0}},
                        new double[] {1, 0.5}),
                Rosenbrock.classic(), Quadratic.illConditioned2d(100, 0.3),
                LogisticRegression.synthetic(50, 5, 2, 0.01, 1),
                WellingTehMixture.generate(20, 0, 1, 2).full());
        for (Differentiable f : fs) {
            double[] x = java.util.Arrays.copyOf(x5, f.dim());
            assertArrayEquals(FiniteDifference.gradient(f, x, 1e-6), f.gradient(x), 1e-5, f.toString());
            assertEquals(f.value(x), f.valueAndGradient(x, new double[f.dim()]), 1e-12);
        }
    }

    @Test
    void hvpsMatchFiniteDifferencesOfGradients() {
        List<TwiceDifferentiable> fs = List.of(Gaussian.correlated2d(1, 2, 0.9), Rosenbrock.classic(),
                Quadratic.illConditioned2d(100, 0.3), LogisticRegression.synthetic(50, 5, 2, 0.01, 1));
        for (TwiceDifferentiable f : fs) {
            double[] x = java.util.Arrays.copyOf(x5, f.dim());
            double[] v = java.util.Arrays.copyOfRange(x5, 5 - f.dim(), 5);
            double[] out = new double[f.dim()];
            f.hvp(x, v, out);
            assertArrayEquals(FiniteDifference.hvp(f, x, v, 1e-5), out, 1e-5, f.toString());
        }
    }

    @Test
    void mlpBackpropAgreesWithForwardModeAndItsHvpWithFiniteDifferences() {
        TinyMlp m = TinyMlp.sine(16, 3, 1);
        double[] t = m.init(2);
        double[] fd = FiniteDifference.gradient(m, t, 1e-6);
        assertArrayEquals(fd, m.gradient(t), 1e-7);
        assertArrayEquals(fd, dev.primer.prob.autodiff.ForwardMode.of(m.dim(), m::loss).gradient(t), 1e-7);
        double[] v = m.init(3);
        double[] out = new double[m.dim()];
        m.hvp(t, v, out);
        assertArrayEquals(FiniteDifference.hvp(m, t, v, 1e-5), out, 1e-6);
    }

    /**
     * Banana's stated moments and density checked against its construction, not its formulas: x ~ N(0, diag(100,
     * 1, 1)) pushed through φ_b(x) = (x₁, x₂ − b·x₁² + 100b, x₃) gives Monte Carlo moments within 5 standard errors
     * of {@link Banana#mean()} and {@link Banana#variance()}; and since φ_b has unit Jacobian, log π(φ_b(x)) − log
     * N(x) is the same constant at every x.
     */
    @Test
    void bananaMomentsFollowFromItsConstruction() {
        double b = 0.1;
        Banana banana = new Banana(3, b);
        SplitMix64 rng = new SplitMix64(11);
        int n = 400_000;
        double[][] y = new double[3][n];
        double offset = Double.NaN;
        for (int s = 0; s < n; s++) {
            double[] x = {10 * rng.nextGaussianBoxMuller(), rng.nextGaussianBoxMuller(), rng.nextGaussianBoxMuller()};
            double[] phi = {x[0], x[1] - b * x[0] * x[0] + 100 * b, x[2]};
            for (int j = 0; j < 3; j++) {
                y[j][s] = phi[j];
            }
            if (s < 100) {
                double logNormal = -x[0] * x[0] / 200 - x[1] * x[1] / 2 - x[2] * x[2] / 2;
                double d = banana.value(phi) - logNormal;
                if (s == 0) {
                    offset = d;
                }
                assertEquals(offset, d, 1e-9, "unit-Jacobian pushforward density");
            }
        }
        for (int j = 0; j < 3; j++) {
            double m = 0;
            for (double v : y[j]) {
                m += v;
            }
            m /= n;
            double v2 = 0;
            double v4 = 0;
            for (double v : y[j]) {
                double c = (v - m) * (v - m);
                v2 += c;
                v4 += c * c;
            }
            v2 /= n;
            v4 /= n;
            double seMean = Math.sqrt(v2 / n);
            double seVar = Math.sqrt((v4 - v2 * v2) / n);
            assertEquals(banana.mean()[j], m, 5 * seMean, "E[y" + j + "]");
            assertEquals(banana.variance()[j], v2, 5 * seVar, "Var[y" + j + "]");
        }
    }
}
