package dev.primer.prob.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.prob.LogDensity;
import dev.primer.prob.linalg.Vec;
import dev.primer.prob.targets.Gaussian;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** Stan's initial step-size search: finds the 0.8 crossing, shrinks on NaN energies, and fails loudly at its bounds. */
class StepSizeSearchTest {
    /** log π = 0 (flat, improper), or 0 at the first evaluation and NaN at every later one, by {@code kind}. */
    private static LogDensity density(String kind) {
        return new LogDensity() {
            private int calls;

            @Override
            public int dim() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                if (kind.equals("flat")) {
                    grad[0] = 0;
                    return 0;
                }
                boolean first = calls++ == 0;
                grad[0] = first ? 0 : Double.NaN;
                return first ? 0 : Double.NaN;
            }
        };
    }

    @Test
    void standardGaussianGetsAStepOfOrderOne() {
        LogDensity g = Gaussian.standard(10);
        PhasePoint z = Leapfrog.init(g, Vec.fill(10, 0.5), new double[10]);
        double small = WindowedAdaptation.reasonableStepSize(g, z, 1e-3, Vec.fill(10, 1), new SplitMix64(1));
        double large = WindowedAdaptation.reasonableStepSize(g, z, 64, Vec.fill(10, 1), new SplitMix64(2));
        for (double e : new double[] {small, large}) {
            assertTrue(e > 0.05 && e < 4, "step " + e);
        }
        // powers of two times the starting value: the search only doubles or halves
        assertEquals(0, Math.log(small / 1e-3) / Math.log(2) % 1, 1e-9);
    }

    @Test
    void anImproperFlatDensityIsReportedNotSilentlyCapped() {
        LogDensity flat = density("flat");
        PhasePoint z = Leapfrog.init(flat, new double[] {0}, new double[1]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WindowedAdaptation.reasonableStepSize(flat, z, 1, new double[] {1}, new SplitMix64(3)));
        assertTrue(e.getMessage().contains("improper"), e.getMessage());
    }

    @Test
    void aDensityThatIsNaNAfterTheStartExhaustsTheHalvings() {
        LogDensity nan = density("nan");
        PhasePoint z = Leapfrog.init(nan, new double[] {0}, new double[1]);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WindowedAdaptation.reasonableStepSize(nan, z, 1, new double[] {1}, new SplitMix64(4)));
        assertTrue(e.getMessage().contains("no step size"), e.getMessage());
    }

    @Test
    void degenerateStartingStepsAreReturnedUnchanged() {
        LogDensity g = Gaussian.standard(1);
        PhasePoint z = Leapfrog.init(g, new double[] {0}, new double[1]);
        assertEquals(0, WindowedAdaptation.reasonableStepSize(g, z, 0, new double[] {1}, new SplitMix64(5)));
        assertTrue(Double.isNaN(
                WindowedAdaptation.reasonableStepSize(g, z, Double.NaN, new double[] {1}, new SplitMix64(5))));
    }
}
