package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The depth-k width-2 net and the 2ᵏ-unit shallow net compute tᵏ exactly; the width lower bound holds. */
class SawtoothTest {
    private static final int GRID = 1 << 12;

    @Test
    void depthKWidthTwoNetEqualsTheSawtoothExactly() {
        float[] x = new float[GRID + 1];
        for (int j = 0; j <= GRID; j++) {
            x[j] = (float) j / GRID;
        }
        for (int k = 1; k <= 8; k++) {
            MultiLayerNetwork net = Sawtooth.deepNet(k);
            assertEquals(6L * k + 1, net.numParams(), "2 + 2 weights first, 4 + 2 per later layer, 2 + 1 out");
            double[] out = net.output(Nd4j.create(x, new long[] {GRID + 1, 1})).castTo(DataType.DOUBLE)
                    .toDoubleVector();
            for (int j = 0; j <= GRID; j++) {
                assertEquals(Sawtooth.at(k, x[j]), out[j], 0, "k = " + k + " at x = " + x[j]);
            }
        }
    }

    @Test
    void shallowNetWithAKnotAtEveryBreakpointIsExact() {
        for (int k = 1; k <= 8; k++) {
            double[][] grid = new double[GRID + 1][];
            double[] truth = new double[GRID + 1];
            for (int j = 0; j <= GRID; j++) {
                grid[j] = new double[] {(double) j / GRID};
                truth[j] = Sawtooth.at(k, grid[j][0]);
            }
            ShallowRelu net = new ShallowRelu(grid, truth, 1 << k);
            assertEquals(0, net.value(Sawtooth.exactShallow(k)), 1e-20, "k = " + k);
        }
    }

    @Test
    void sawtoothHasTwoToTheKMinusOneTeeth() {
        int k = 5;
        int peaks = 0;
        for (int j = 0; j < 1 << k - 1; j++) {
            peaks += Sawtooth.at(k, (j + 0.5) / (1 << k - 1)) == 1 ? 1 : 0;
        }
        assertEquals(16, peaks);
    }

    @Test
    void noPiecewiseLinearFunctionWithFewBreakpointsBeatsTheBound() {
        // Interpolants of t^k at m knots inside (0, 1): the first m breakpoints of t^k (exact up to the last one,
        // then one straight line), then random knots.
        SplitMix64 rng = SplitMix64.seeded(11);
        int k = 5;
        int n = 1 << 14;
        for (int m : new int[] {2, 5, 9, 14}) {
            for (int trial = 0; trial < 20; trial++) {
                double[] knots = new double[m + 2];
                knots[m + 1] = 1;
                for (int i = 1; i <= m; i++) {
                    knots[i] = trial == 0 ? (double) i / (1 << k) : rng.nextDouble();
                }
                Arrays.sort(knots);
                double mse = 0;
                int piece = 0;
                for (int j = 0; j < n; j++) {
                    double x = (j + 0.5) / n;
                    while (x > knots[piece + 1]) {
                        piece++;
                    }
                    double l = knots[piece];
                    double r = knots[piece + 1];
                    double f = Sawtooth.at(k, l) + (Sawtooth.at(k, r) - Sawtooth.at(k, l)) * (x - l) / (r - l);
                    mse += Math.pow(f - Sawtooth.at(k, x), 2) / n;
                }
                assertTrue(mse >= Sawtooth.mseLowerBound(k, m), "m = " + m + ": " + mse + " < bound "
                        + Sawtooth.mseLowerBound(k, m));
            }
        }
    }

    @Test
    void lowerBoundWidthIsTheFirstWidthTheBoundAllows() {
        assertEquals(4, Sawtooth.lowerBoundWidth(3, 1e-3));
        assertEquals(127, Sawtooth.lowerBoundWidth(8, 1e-3));
        for (int k = 3; k <= 8; k++) {
            int w = Sawtooth.lowerBoundWidth(k, 1e-3);
            assertTrue(Sawtooth.mseLowerBound(k, w) < 1e-3 && Sawtooth.mseLowerBound(k, w - 1) >= 1e-3, "k = " + k);
        }
    }

    @Test
    void widthSearchGridRisesBySquareRootsOfTwo() {
        assertArrayEquals(new int[] {4, 6, 8, 11, 16, 23, 32}, DepthSeparation.widths(4, 32, false));
        assertArrayEquals(new int[] {127, 254, 508, 1016}, DepthSeparation.widths(127, 1024, true));
    }
}
