package dev.primer.prob.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.primer.prob.targets.Rosenbrock;
import org.junit.jupiter.api.Test;

/** Forward mode (hyper-dual numbers) against finite differences and a closed-form Hessian. */
class ForwardModeTest {
    /** f(x) = sin(x₀)·e^{x₁} + x₀²x₂/(1 + x₁²) + log(1 + x₂²) + √(1 + x₀⁴) + tanh(x₁x₂) + softplus(x₀ − x₂). */
    static final ForwardMode.Scalar F = x -> x[0].sin().times(x[1].exp())
            .plus(x[0].square().times(x[2]).div(x[1].square().plus(1)))
            .plus(x[2].square().plus(1).log())
            .plus(x[0].pow(4).plus(1).sqrt())
            .plus(x[1].times(x[2]).tanh())
            .plus(x[0].minus(x[2]).softplus());
    static final double[] X = {0.7, -0.3, 1.2};
    static final double[] V = {0.5, -1.0, 0.25};

    @Test
    void gradientMatchesCentralDifferences() {
        TwiceDifferentiable f = ForwardMode.of(3, F);
        assertArrayEquals(FiniteDifference.gradient(f, X, 1e-5), f.gradient(X), 1e-8);
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        TwiceDifferentiable f = ForwardMode.of(3, F);
        double h = 1e-5;
        double fd = (f.value(plus(X, h, V)) - f.value(plus(X, -h, V))) / (2 * h);
        assertEquals(fd, ForwardMode.jvp(F, X, V), 1e-8);
    }

    @Test
    void hvpMatchesFiniteDifferencesOfTheGradient() {
        TwiceDifferentiable f = ForwardMode.of(3, F);
        assertArrayEquals(FiniteDifference.hvp(f, X, V, 1e-5), ForwardMode.hvp(F, X, V), 1e-7);
    }

    @Test
    void hessianIsSymmetricAndAgreesWithHvp() {
        double[][] h = ForwardMode.hessian(F, X);
        double[] hv = ForwardMode.hvp(F, X, V);
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                assertEquals(h[i][j], h[j][i], 1e-12);
                s += h[i][j] * V[j];
            }
            assertEquals(hv[i], s, 1e-12);
        }
    }

    @Test
    void rosenbrockHessianIsExact() {
        ForwardMode.Scalar r = x -> x[0].negate().plus(1).square().plus(x[1].minus(x[0].square()).square().times(100));
        double[] p = {-1.2, 1.0};
        double[][] expected = Rosenbrock.classic().hessian(p);
        double[][] h = ForwardMode.hessian(r, p);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected[i], h[i], 1e-9);
        }
    }

    @Test
    void vectorJvpMatchesFiniteDifferences() {
        ForwardMode.Vector g = x -> new HyperDual[] {x[0].times(x[1]), x[1].sin().plus(x[2].exp()), x[0].div(x[2])};
        double h = 1e-6;
        double[] up = values(g, plus(X, h, V));
        double[] down = values(g, plus(X, -h, V));
        double[] jv = ForwardMode.jvp(g, X, V);
        for (int i = 0; i < 3; i++) {
            assertEquals((up[i] - down[i]) / (2 * h), jv[i], 1e-7);
        }
    }

    static double[] values(ForwardMode.Vector g, double[] x) {
        HyperDual[] in = new HyperDual[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = HyperDual.constant(x[i]);
        }
        HyperDual[] out = g.apply(in);
        double[] r = new double[out.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = out[i].re();
        }
        return r;
    }

    static double[] plus(double[] x, double s, double[] v) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += s * v[i];
        }
        return r;
    }
}
