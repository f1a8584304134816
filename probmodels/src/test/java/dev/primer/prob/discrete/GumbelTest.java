package dev.primer.prob.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.primer.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** Gumbel-max samples the softmax distribution; Gumbel-softmax lies on the simplex and hardens as τ → 0. */
class GumbelTest {
    private final double[] logits = {1.0, 0.0, -1.0, 2.0};

    @Test
    void gumbelMaxFrequenciesMatchSoftmax() {
        SplitMix64 rng = new SplitMix64(1);
        int n = 100_000;
        int[] counts = new int[4];
        for (int i = 0; i < n; i++) {
            counts[Gumbel.max(logits, rng)]++;
        }
        double[] p = Gumbel.probabilities(logits);
        double chi2 = 0;
        for (int k = 0; k < 4; k++) {
            double e = n * p[k];
            chi2 += (counts[k] - e) * (counts[k] - e) / e;
        }
        assertTrue(chi2 < 16.3, "χ²(3) = " + chi2 + " exceeds its 0.999 quantile");
    }

    @Test
    void gumbelSoftmaxIsOnTheSimplexAndHardensAtLowTemperature() {
        SplitMix64 a = new SplitMix64(2);
        SplitMix64 b = new SplitMix64(2);
        for (int i = 0; i < 1000; i++) {
            double[] y = Gumbel.softmax(logits, 0.01, a);
            int hard = Gumbel.max(logits, b);
            double sum = 0;
            for (double v : y) {
                sum += v;
                assertTrue(v >= 0);
            }
            assertEquals(1, sum, 1e-12);
            assertTrue(y[hard] > 0.5, "the relaxed sample concentrates on the Gumbel-max category");
        }
    }

    @Test
    void nonPositiveTemperaturesAreRejected() {
        for (double tau : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gumbel.softmax(new double[] {0, 1}, tau, new SplitMix64(1)));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
    }

    @Test
    void gumbelDrawsHaveTheRightMean() {
        SplitMix64 rng = new SplitMix64(3);
        int n = 200_000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Gumbel.sample(rng);
        }
        // Gumbel(0, 1) has mean γ (Euler–Mascheroni) and standard deviation π/√6
        assertEquals(0.5772156649, s / n, 4 * Math.PI / Math.sqrt(6) / Math.sqrt(n));
    }
}
