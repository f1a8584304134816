package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.ArrayDataset;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The linear class's Rademacher complexity against enumeration of every sign vector, and the two-class task. */
class RademacherTest {
    @Test
    void linearSupremumMatchesEnumerationOfAllSignsAndStaysUnderTheClosedForm() {
        int n = 6;
        int d = 3;
        double b = 2.5;
        double c = 0.7;
        SplitMix64 rng = new SplitMix64(11);
        double[][] x = new double[n][d];
        float[] flat = new float[n * d];
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussianBoxMuller();
                flat[i * d + j] = (float) x[i][j];
                sumSq += x[i][j] * x[i][j];
            }
        }
        double mean = 0;
        double meanSq = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            double[] v = new double[d];
            for (int i = 0; i < n; i++) {
                double sign = (mask >> i & 1) == 1 ? 1 : -1;
                for (int j = 0; j < d; j++) {
                    v[j] += sign * x[i][j];
                }
            }
            double sup = (b * Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
                    + c * Math.abs(2 * Integer.bitCount(mask) - n)) / n;
            mean += sup / (1 << n);
            meanSq += sup * sup / (1 << n);
        }
        double se = Math.sqrt((meanSq - mean * mean) / 200);
        INDArray features = Nd4j.create(flat, new long[] {n, d}, 'c');
        double estimate = Rademacher.linearRademacher(features, b, c, new SplitMix64(3));
        assertEquals(mean, estimate, 4 * se, "Monte Carlo over 200 sign draws against all 64");
        assertTrue(mean <= (b * Math.sqrt(sumSq) + c * Math.sqrt(n)) / n, "Jensen: E||sum sigma x|| <= sqrt(sum ||x||^2)");
    }

    @Test
    void rampLossAtMarginOne() {
        INDArray scores = Nd4j.create(new double[] {2, 0.5, -0.5, -3}, new long[] {4, 1});
        // Class 1 is +1: margins 2, 0.5, 0.5 (class 0, score -0.5) and -3, ramp losses 0, 0.5, 0.5 and 1.
        assertEquals((0 + 0.5 + 0.5 + 1) / 4, Rademacher.rampLoss(scores, new int[] {1, 1, 0, 1}), 1e-12);
    }

    @Test
    void twoClassTaskSplitsTheTenClassesAtFive() {
        ArrayDataset ten = ArrayDataset.of(Nd4j.zeros(10, 2), new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, Rademacher.twoClass(ten).classes());
    }

    @Test
    void randomSignsAreBalancedAndKeepTheImages() {
        ArrayDataset d = ArrayDataset.of(Nd4j.rand(1000, 3), new int[1000], 10);
        ArrayDataset s = Rademacher.randomSigns(d, new SplitMix64(5));
        int ones = java.util.Arrays.stream(s.classes()).sum();
        assertTrue(Math.abs(ones - 500) < 4 * 15.8, ones + " of 1000 signs are +1");
        assertEquals(d.features(), s.features());
    }
}
