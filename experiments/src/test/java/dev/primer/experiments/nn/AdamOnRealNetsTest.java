package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.optim.Optimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The experiment's own logic: the grid search keeps the step size with the lowest final loss (a diverged one never
 * wins), the band is the pointwise median/min/max, and each method trains with its own update rule (the rules
 * themselves are checked against their recurrences in nn-core's UpdatersTest).
 */
class AdamOnRealNetsTest {
    @Test
    void stepSizeSelectionPicksLowestFiniteFinalLoss() {
        assertEquals(1, AdamOnRealNets.argminFinite(new double[] {0.4, 0.2, 0.3}));
        assertEquals(2, AdamOnRealNets.argminFinite(new double[] {Double.NaN, 0.5, 0.1}));
        assertEquals(0, AdamOnRealNets.argminFinite(new double[] {0.3, Double.POSITIVE_INFINITY, Double.NaN}));
        assertThrows(IllegalStateException.class,
                () -> AdamOnRealNets.argminFinite(new double[] {Double.NaN, Double.NaN}));
    }

    @Test
    void bandIsPointwiseMedianMinAndMax() {
        double[][] b = AdamOnRealNets.band(List.of(new double[] {3, 1}, new double[] {1, 5}, new double[] {2, 4}));
        assertArrayEquals(new double[] {2, 4}, b[0]);
        assertArrayEquals(new double[] {1, 1}, b[1]);
        assertArrayEquals(new double[] {3, 5}, b[2]);
        assertArrayEquals(new double[] {2.5}, AdamOnRealNets.band(List.of(new double[] {2}, new double[] {3}))[0]);
    }

    @Test
    void eachMethodUsesItsOwnRuleAtTheGridRate() {
        assertTrue(AdamOnRealNets.Method.NESTEROV.updates(0.1).optimizer() instanceof Optimizer.Nesterov);
        assertTrue(AdamOnRealNets.Method.RMSPROP.updates(0.1).optimizer() instanceof Optimizer.RmsProp);
        assertTrue(AdamOnRealNets.Method.ADAM.updates(0.1).optimizer() instanceof Optimizer.Adam);
        for (AdamOnRealNets.Method m : AdamOnRealNets.Method.values()) {
            double[] grid = m.grid();
            assertTrue(grid.length >= 3, m + " grid " + grid.length);
            assertEquals(grid[1], m.updates(grid[1]).optimizer().updater(m.updates(grid[1]).lr())
                    .getLearningRate(0, 0), 1e-12, m + " updater rate");
        }
    }
}
