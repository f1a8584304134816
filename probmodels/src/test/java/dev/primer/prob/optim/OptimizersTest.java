package dev.primer.prob.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.autodiff.FiniteDifference;
import dev.primer.prob.autodiff.TwiceDifferentiable;
import dev.primer.prob.targets.Quadratic;
import dev.primer.prob.targets.Rosenbrock;
import org.junit.jupiter.api.Test;

/** Second-order methods converge fast; adaptive first-order methods are invariant to diagonal rescaling. */
class OptimizersTest {
    private final Quadratic ill = Quadratic.illConditioned2d(1000, 0.4);

    @Test
    void newtonSolvesAQuadraticInOneStep() {
        double[] x = new Newton().step(ill, new double[] {-3, 5});
        assertArrayEquals(ill.minimum(), x, 1e-9);
    }

    @Test
    void newtonRejectsANonFiniteHessianInsteadOfLoopingForever() {
        TwiceDifferentiable nanCurvature = new TwiceDifferentiable() {
            @Override
            public int dim() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return x[0] * x[0] + x[1] * x[1];
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                grad[0] = 2 * x[0];
                grad[1] = 2 * x[1];
                return value(x);
            }

            @Override
            public void hvp(double[] x, double[] v, double[] out) {
                out[0] = 2 * v[0] + Double.NaN * v[1];
                out[1] = 2 * v[1];
            }
        };
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new Newton().step(nanCurvature, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("non-finite Hessian"), e.getMessage());
    }

    @Test
    void newtonShiftsAnIndefiniteHessianUntilItFactorises() {
        // f = ½(x² − y²): Hessian diag(1, −1); τ₀ = β + 1 already makes it positive definite, so p descends
        Quadratic saddle = new Quadratic(new double[][] {{1, 0}, {0, -1}}, new double[2]);
        double[] x0 = {1, 1};
        double[] x = new Newton().step(saddle, x0);
        assertTrue(saddle.value(x) < saddle.value(x0), java.util.Arrays.toString(x));
    }

    @Test
    void newtonCgSolvesRosenbrock() {
        Minimization t = new NewtonCg(10).minimize(Rosenbrock.classic(), new double[] {-1.2, 1}, 100);
        assertArrayEquals(new double[] {1, 1}, t.x(), 1e-6);
        Minimization n = new Newton().minimize(Rosenbrock.classic(), new double[] {-1.2, 1}, 100);
        assertArrayEquals(new double[] {1, 1}, n.x(), 1e-8);
    }

    @Test
    void newtonCgWithFiniteDifferenceHvpMatchesExactHvp() {
        TwiceDifferentiable cheap = FiniteDifference.withHvp(Rosenbrock.classic(), 1e-6);
        Minimization t = new NewtonCg(10).minimize(cheap, new double[] {-1.2, 1}, 100);
        assertArrayEquals(new double[] {1, 1}, t.x(), 1e-5);
    }

    @Test
    void gradientDescentIsSlowOnIllConditionedQuadraticsAndMomentumHelps() {
        double[] x0 = {-3, 5};
        double gd = Sgd.of(1.0 / 1000).minimize(ill, x0, 500).values()[500];
        double heavy = new Momentum(1.0 / 1000, 0.9).minimize(ill, x0, 500).values()[500];
        assertTrue(gd > 1e-2, "GD stalls along the flat direction: " + gd);
        assertTrue(heavy < gd / 100, "momentum " + heavy + " vs GD " + gd);
    }

    @Test
    void adamAndRmsPropAreInvariantToRescalingOneGradientCoordinate() {
        // ½(x₁² + x₂²) and ½(x₁² + 1000·x₂²): the second multiplies coordinate 2 of every gradient by 1000
        Quadratic round = new Quadratic(new double[][] {{1, 0}, {0, 1}}, new double[2]);
        Quadratic stretched = new Quadratic(new double[][] {{1, 0}, {0, 1000}}, new double[2]);
        double[] x0 = {1, -2};
        for (UpdateRule opt : new UpdateRule[] {new Adam(0.01, 0.9, 0.999, 0), new RmsProp(0.01, 0.9, 0)}) {
            UpdateRule.State a = opt.init(x0);
            UpdateRule.State b = opt.init(x0);
            for (int t = 0; t < 300; t++) {
                a = opt.step(a, round.gradient(a.x()));
                b = opt.step(b, stretched.gradient(b.x()));
                assertArrayEquals(a.x(), b.x(), 1e-12, opt + " at step " + t);
            }
        }
        double gdRound = Sgd.of(0.5).minimize(round, x0, 50).values()[50];
        double gdStretched = Sgd.of(0.5 / 1000).minimize(stretched, x0, 50).values()[50];
        assertTrue(gdStretched > 1e6 * gdRound, "GD must shrink its step 1000x and stalls: " + gdStretched);
    }

    @Test
    void newtonIsInvariantToRescalingAParameter() {
        TwiceDifferentiable f = dev.primer.prob.targets.LogisticRegression.synthetic(40, 2, 2, 0.1, 3);
        double s = 1000;
        TwiceDifferentiable scaled = new TwiceDifferentiable() {
            public int dim() {
                return 2;
            }

            public double value(double[] y) {
                return f.value(new double[] {y[0] / s, y[1]});
            }

            public double valueAndGradient(double[] y, double[] g) {
                double v = f.valueAndGradient(new double[] {y[0] / s, y[1]}, g);
                g[0] /= s;
                return v;
            }

            public void hvp(double[] y, double[] v, double[] out) {
                f.hvp(new double[] {y[0] / s, y[1]}, new double[] {v[0] / s, v[1]}, out);
                out[0] /= s;
            }
        };
        Minimization a = new Newton().minimize(f, new double[] {0.5, -0.5}, 8);
        Minimization b = new Newton().minimize(scaled, new double[] {0.5 * s, -0.5}, 8);
        assertArrayEquals(a.values(), b.values(), 1e-10);
        assertEquals(a.x()[0], b.x()[0] / s, 1e-9);
    }

    @Test
    void statesAreNeverMutated() {
        Adam adam = Adam.of(0.1);
        UpdateRule.State s0 = adam.init(new double[] {1, 2});
        double[] x = s0.x().clone();
        adam.step(s0, new double[] {0.5, -0.5});
        assertArrayEquals(x, s0.x());
        assertEquals(0, s0.t());
    }

    @Test
    void lbfgsSolvesAnIllConditionedQuadraticInAFewIterations() {
        Minimization m = new Lbfgs(5).minimize(ill, new double[] {-3, 5}, 30);
        assertArrayEquals(ill.minimum(), m.x(), 1e-8);
        for (int t = 1; t < m.values().length; t++) {
            assertTrue(m.values()[t] <= m.values()[t - 1], "monotone decrease at " + t);
        }
    }

    @Test
    void lbfgsFindsTheRosenbrockMinimum() {
        Minimization m = new Lbfgs(10).minimize(Rosenbrock.classic(), new double[] {-1.2, 1}, 200);
        assertArrayEquals(new double[] {1, 1}, m.x(), 1e-6);
    }

    @Test
    void lbfgsNeedsMemory() {
        assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0));
    }
}
