package dev.primer.prob.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.prob.autodiff.Differentiable;
import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.prob.autodiff.TwiceDifferentiable;
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

    @Test
    void bananaMomentsFollowFromItsConstruction() {
        Banana b = new Banana(3, 0.1);
        assertArrayEquals(new double[] {100, 201, 1}, b.variance(), 1e-12);
    }
}
