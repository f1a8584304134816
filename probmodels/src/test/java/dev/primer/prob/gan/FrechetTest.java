package dev.primer.prob.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FrechetTest {
    @Test
    void diagonalCovariancesGiveTheSumOfSquaredMeanAndStdDifferences() {
        Frechet.Moments a = new Frechet.Moments(new double[] {0, 1, 2}, diag(1, 4, 9));
        Frechet.Moments b = new Frechet.Moments(new double[] {1, 1, 0}, diag(4, 1, 1));
        // (1 + 0 + 4) + ((1 − 2)² + (2 − 1)² + (3 − 1)²)
        assertEquals(5 + 1 + 1 + 4, Frechet.distance(a, b), 1e-9);
    }

    @Test
    void nonCommutingTwoByTwoCovariancesMatchTheClosedForm() {
        double[][] s1 = {{2, 0.8}, {0.8, 1}};
        double[][] s2 = {{1, -0.5}, {-0.5, 3}};
        Frechet.Moments a = new Frechet.Moments(new double[] {0, 0}, s1);
        Frechet.Moments b = new Frechet.Moments(new double[] {0, 0}, s2);
        // For 2x2 positive definite M, tr √M = √(tr M + 2√det M); here M = Σ₁^½Σ₂Σ₁^½, tr M = tr Σ₁Σ₂.
        double trProduct = s1[0][0] * s2[0][0] + 2 * s1[0][1] * s2[1][0] + s1[1][1] * s2[1][1];
        double det = (s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0]) * (s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0]);
        double expected = 3 + 4 - 2 * Math.sqrt(trProduct + 2 * Math.sqrt(det));
        assertEquals(expected, Frechet.distance(a, b), 1e-9);
        assertEquals(0, Frechet.distance(a, a), 1e-9);
    }

    @Test
    void sampleMomentsOfAShiftedGaussianRecoverTheShift() {
        SplitMix64 rng = SplitMix64.seeded(3);
        int n = 20_000;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussianBoxMuller();
            x[i][1] = rng.nextGaussianBoxMuller();
            y[i][0] = 3 + 2 * rng.nextGaussianBoxMuller();
            y[i][1] = rng.nextGaussianBoxMuller();
        }
        // N(0, I) vs N((3, 0), diag(4, 1)): 9 + (2 − 1)² = 10; sampling error of order 10·4/√n.
        assertEquals(10, Frechet.distance(Nd4j.create(x), Nd4j.create(y)), 0.3);
    }

    @Test
    void tooFewRowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Frechet.Moments.of(Nd4j.create(new double[][] {{1, 2}})));
    }

    private static double[][] diag(double... v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }
}
