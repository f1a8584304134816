package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.experiments.nn.UniversalApproximation.Target;
import dev.primer.prob.autodiff.FiniteDifference;
import org.junit.jupiter.api.Test;

/** The one-hidden-layer ReLU objective, its initialisation and fit, and Barron's constants. */
class ShallowReluTest {
    @Test
    void gradientMatchesCentralDifferencesInOneAndTwoDimensions() {
        for (Target t : new Target[] {Target.SINE, Target.BUMP}) {
            double[][] x = t.grid(t.inputs == 1 ? 40 : 7);
            ShallowRelu net = new ShallowRelu(x, t.valuesAt(x), 6);
            double[] theta = net.init(-1, 1, 3);
            assertArrayEquals(FiniteDifference.gradient(net, theta, 1e-6), net.gradient(theta), 1e-7, t.label);
        }
    }

    @Test
    void initialKnotsLieInsideTheDomain() {
        double[][] x = {{0.2}, {0.9}};
        ShallowRelu net = new ShallowRelu(x, new double[] {1, 2}, 500);
        double[] theta = net.init(0.25, 0.75, 9);
        for (int j = 0; j < 500; j++) {
            double knot = -theta[500 + j] / theta[j];
            assertTrue(knot >= 0.25 && knot <= 0.75, "knot " + j + " at " + knot);
        }
        assertEquals(1.5, theta[net.dim() - 1], 0, "the output bias starts at the targets' mean");
    }

    @Test
    void bestOfThreeLbfgsFitsLowersTheLossAHundredfold() {
        double[][] x = Target.SINE.grid(200);
        ShallowRelu net = new ShallowRelu(x, Target.SINE.valuesAt(x), 16);
        double before = net.value(net.init(-1, 1, ShallowRelu.seedOf(4, 0)));
        double after = net.value(net.bestOf(3, -1, 1, 1000, 4));
        assertTrue(after < before / 100 && after < 1e-3, before + " -> " + after);
    }

    @Test
    void barronConstantOfTheBumpIsTheMeanL1NormOfItsFrequencies() {
        // f(x) = ∫ e^{iω·x} p(ω) dω with p the N(0, I/s²) density: check the representation at a point, then
        // C_f = ∫ (|ω₁| + |ω₂|) p(ω) dω, both by the midpoint rule on [−L, L]².
        double s = UniversalApproximation.BUMP_WIDTH;
        double sigma = 1 / s;
        int cells = 800;
        double half = 8 * sigma;
        double h = 2 * half / cells;
        double[] x = {0.3, -0.2};
        double fourier = 0;
        double c = 0;
        for (int i = 0; i < cells; i++) {
            double w1 = -half + (i + 0.5) * h;
            for (int j = 0; j < cells; j++) {
                double w2 = -half + (j + 0.5) * h;
                double p = Math.exp(-(w1 * w1 + w2 * w2) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
                fourier += Math.cos(w1 * x[0] + w2 * x[1]) * p * h * h;
                c += (Math.abs(w1) + Math.abs(w2)) * p * h * h;
            }
        }
        assertEquals(Target.BUMP.at(x), fourier, 1e-6);
        assertEquals(c, Target.BUMP.barronConstant().orElseThrow(), 1e-3);
    }

    @Test
    void barronBoundCountsOneSigmoidPerPairOfReluUnits() {
        assertEquals(10, UniversalApproximation.barronBound(5, 2), 1e-12);
        assertEquals(10, UniversalApproximation.barronBound(5, 3), 1e-12);
        assertEquals(1.25, UniversalApproximation.barronBound(5, 128), 1e-12);
    }

    @Test
    void logLogSlopeOfAPowerLawIsItsExponent() {
        double[] m = {2, 8, 32, 128};
        double[] e = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            e[i] = 3 / Math.sqrt(m[i]);
        }
        assertEquals(-0.5, UniversalApproximation.logLogSlope(m, e), 1e-12);
    }
}
