package dev.primer.experiments.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.nn.data.Datasets;
import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** Zhang et al.'s construction fits n points exactly with 2n + d weights; its solve and κ₁ against dense algebra. */
class ZhangNetworkTest {
    private static double[][] gaussianPoints(int n, int d, long seed) {
        SplitMix64 rng = SplitMix64.seeded(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = rng.nextGaussianBoxMuller();
            }
        }
        return x;
    }

    private static double maxError(ZhangNetwork net, double[][] x, double[] y) {
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            e = Math.max(e, Math.abs(net.apply(x[i]) - y[i]));
        }
        return e;
    }

    @Test
    void fitsRandomPointsExactlyWithTwoNPlusDWeights() {
        double[][] x = gaussianPoints(300, 50, 1);
        double[] y = gaussianPoints(1, 300, 2)[0];
        ZhangNetwork net = ZhangNetwork.fit(x, y, 3, 0.5);
        assertEquals(2 * 300 + 50, net.parameters());
        assertTrue(maxError(net, x, y) < 1e-8, "max error " + maxError(net, x, y));
        for (int j = 1; j < 300; j++) {
            assertTrue(net.b()[j - 1] < net.b()[j], "biases increase");
        }
    }

    @Test
    void fitsFashionMnistImagesWithRandomTargets() {
        int n = 200;
        double[][] x = Datasets.fashionMnist(Datasets.Split.TRAIN, n).features().reshape(n, -1).toDoubleMatrix();
        double[] y = gaussianPoints(1, n, 5)[0];
        ZhangNetwork net = ZhangNetwork.fit(x, y, 6, 0.5);
        assertEquals(2 * n + 784, net.parameters());
        assertTrue(maxError(net, x, y) < 1e-6, "max error " + maxError(net, x, y));
    }

    @Test
    void runningSumSolveAndConditionNumberAgreeWithDenseAlgebra() {
        int n = 40;
        double[][] x = gaussianPoints(n, 3, 7);
        double[] z = ZhangNetwork.Projection.of(new double[] {0.6, 0.8, 0}, x).z();
        double[] b = ZhangNetwork.biases(z, 0.3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.max(z[i] - b[j], 0);
            }
            assertTrue(i == n - 1 || a[i][i + 1] == 0, "A is lower triangular");
        }
        double[] y = gaussianPoints(1, n, 8)[0];
        assertArrayEquals(denseForward(a, y), ZhangNetwork.solve(z, b, y, 0), 1e-9);

        double normA = 0;
        double normInverse = 0;
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double[] col = denseForward(a, e);
            double colA = 0;
            double colInverse = 0;
            for (int i = 0; i < n; i++) {
                colA += Math.abs(a[i][j]);
                colInverse += Math.abs(col[i]);
            }
            normA = Math.max(normA, colA);
            normInverse = Math.max(normInverse, colInverse);
        }
        assertEquals(1, ZhangNetwork.conditionNumber(z, b) / (normA * normInverse), 1e-9);
    }

    @Test
    void identicalPointsAreRejectedByName() {
        double[][] x = gaussianPoints(5, 4, 9);
        x[3] = x[1].clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZhangNetwork.fit(x, new double[5], 1, 0.5));
        assertTrue(e.getMessage().contains("points 1 and 3") || e.getMessage().contains("points 3 and 1"),
                e.getMessage());
    }

    @Test
    void biasesNearerTheLeftEndOfTheirGapsConditionTheSystemBetter() {
        double[][] x = gaussianPoints(200, 5, 12);
        double[] z = ZhangNetwork.Projection.of(new double[] {1, 0, 0, 0, 0}, x).z();
        double tenth = ZhangNetwork.conditionNumber(z, ZhangNetwork.biases(z, 0.1));
        double half = ZhangNetwork.conditionNumber(z, ZhangNetwork.biases(z, 0.5));
        double most = ZhangNetwork.conditionNumber(z, ZhangNetwork.biases(z, 0.7));
        assertTrue(tenth < half && half < most, tenth + ", " + half + ", " + most);
        assertThrows(IllegalArgumentException.class, () -> ZhangNetwork.biases(z, 1));
    }

    /** Textbook forward substitution on an explicit lower-triangular matrix. */
    private static double[] denseForward(double[][] a, double[] r) {
        double[] u = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            double s = r[i];
            for (int j = 0; j < i; j++) {
                s -= a[i][j] * u[j];
            }
            u[i] = s / a[i][i];
        }
        return u;
    }
}
